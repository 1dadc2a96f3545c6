/// Gathers the bytes of one input line: drops NUL and carriage returns, caps the line at
/// `maximumBytes` (the rest of an over-long line is dropped, never stored), and decodes
/// invalid UTF-8 leniently with U+FFFD.
struct LineAssembler {
    /// The longest line kept, in bytes: 1 MiB.
    static let defaultMaximumBytes = 1 << 20

    let maximumBytes: Int
    private var bytes: [UInt8] = []
    private var sawBytes = false
    private var truncated = false

    init(maximumBytes: Int = LineAssembler.defaultMaximumBytes) {
        self.maximumBytes = maximumBytes
    }

    /// Whether any byte of the current line has been seen (even one that was dropped).
    var hasContent: Bool { sawBytes }

    /// Feeds `chunk`; returns how many bytes were consumed and whether a newline ended the line.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) -> (consumed: Int, lineEnded: Bool) {
        let newline = chunk.firstIndex(of: UInt8(ascii: "\n"))
        let content = UnsafeBufferPointer(rebasing: chunk[..<(newline ?? chunk.endIndex)])
        if !content.isEmpty { sawBytes = true }
        let room = maximumBytes - bytes.count
        if content.count > room { truncated = true }
        if room > 0 {
            for byte in content.prefix(room) where byte != 0 && byte != UInt8(ascii: "\r") {
                bytes.append(byte)
            }
        }
        if let newline { return (newline + 1, true) }
        return (chunk.count, false)
    }

    /// The line gathered so far, decoded, and a fresh start for the next one.
    mutating func finish() -> String {
        var kept = bytes[...]
        if truncated { kept = kept.prefix(Self.completeUTF8Prefix(of: kept)) }
        let line = String(decoding: kept, as: UTF8.self)
        reset()
        return line
    }

    /// Forgets the current line.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: bytes.count <= 4096)
        sawBytes = false
        truncated = false
    }

    /// The length of `bytes` without a UTF-8 sequence cut short at the end by the cap.
    private static func completeUTF8Prefix(of bytes: ArraySlice<UInt8>) -> Int {
        var index = bytes.endIndex
        var continuation = 0
        while index > bytes.startIndex, continuation < 3, bytes[index - 1] & 0xC0 == 0x80 {
            index -= 1
            continuation += 1
        }
        guard index > bytes.startIndex else { return bytes.count }
        let lead = bytes[index - 1]
        let expected: Int
        switch lead {
        case 0xC0...0xDF: expected = 1
        case 0xE0...0xEF: expected = 2
        case 0xF0...0xF7: expected = 3
        default: return bytes.count
        }
        return continuation < expected ? index - 1 - bytes.startIndex : bytes.count
    }
}
