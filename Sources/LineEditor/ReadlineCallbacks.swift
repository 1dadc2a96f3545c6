import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state readline's C callbacks read. C callbacks may touch only globals and statics
/// (a capturing `@convention(c)` closure crashes the 6.3.1 compiler), so it lives here,
/// written only by `ReadlineEditor.init` on the thread that calls readline.
enum ReadlineCallbacks {
    /// The slash commands Tab completes.
    nonisolated(unsafe) static var completions: [String] = []

    /// How many UTF-8 continuation bytes the key reader still expects.
    nonisolated(unsafe) static var continuationsExpected = 0
    /// Whether the key reader's last lead byte was 0xC2 (the lead of U+0080...U+00BF).
    nonisolated(unsafe) static var afterC2 = false

    /// Points readline at the callbacks below.
    static func install(completions words: [String]) {
        completions = words
        rl_getc_function = readKeyWithoutC1Controls
        rl_attempted_completion_function = completeSlashCommand
        rl_event_hook = pollForSignals
        rl_set_keyboard_input_timeout(50_000)  // run the hook every 50 ms while waiting
    }

    /// The words a slash-command prefix completes to, and the text readline should insert.
    static func matches(for prefix: String, in words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }

    /// The longest common prefix of `words`, by Unicode scalars.
    static func commonPrefix(of words: [String]) -> String {
        guard var prefix = words.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for word in words.dropFirst() {
            let scalars = Array(word.unicodeScalars)
            var length = 0
            while length < min(prefix.count, scalars.count), prefix[length] == scalars[length] { length += 1 }
            prefix.removeSubrange(length...)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: prefix)
        return String(result)
    }
}

/// readline's attempted-completion callback: slash commands at the start of the line, nothing else.
private func completeSlashCommand(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1  // never fall back to file names
    rl_completion_append_character = 0  // "/qu" becomes "/quit", not "/quit "
    guard start == 0, let text, text.pointee == CChar(UInt8(ascii: "/")) else { return nil }
    let found = ReadlineCallbacks.matches(for: String(cString: text), in: ReadlineCallbacks.completions)
    guard !found.isEmpty else { return nil }
    // readline's format: the text to insert, then every match, then NULL; it frees them all.
    let entries = found.count == 1 ? found : [ReadlineCallbacks.commonPrefix(of: found)] + found
    guard let array = malloc((entries.count + 1) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
        .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
    else { return nil }
    for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
    array[entries.count] = nil
    return array
}

/// readline's event hook, run about every 50 ms while it waits for a key: makes readline
/// return when a signal was recorded (even one that arrived just before readline started).
/// readline then accepts the partial line as if Enter were pressed, moving to a new line;
/// the editor reports the signal and discards that text.
private func pollForSignals() -> Int32 {
    if SignalMonitor.hasPendingSignal { rl_done = 1 }
    return 0
}

/// readline's key reader: the terminal's bytes with C1 control characters made blanks, since
/// readline would echo them raw and a terminal could take them for CSI or OSC. U+0080...U+009F
/// becomes U+00A0 (no-break space) and a lone byte 0x80...0x9F a space: one byte for one, so
/// readline's count of waiting input stays right. The C0 ones (ESC included) readline itself
/// shows as ^X notation; cleaned replies fold both blanks away.
private func readKeyWithoutC1Controls(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let byte = rl_getc(stream)
    guard byte >= 0x80, byte <= 0xFF else {
        ReadlineCallbacks.continuationsExpected = 0
        return byte
    }
    if ReadlineCallbacks.continuationsExpected > 0, byte <= 0xBF {
        defer { ReadlineCallbacks.afterC2 = false }
        ReadlineCallbacks.continuationsExpected -= 1
        return ReadlineCallbacks.afterC2 && byte <= 0x9F ? 0xA0 : byte
    }
    ReadlineCallbacks.afterC2 = byte == 0xC2
    switch byte {
    case 0x80...0xBF:
        ReadlineCallbacks.continuationsExpected = 0
        return byte <= 0x9F ? Int32(UInt8(ascii: " ")) : byte
    case 0xC2...0xDF: ReadlineCallbacks.continuationsExpected = 1
    case 0xE0...0xEF: ReadlineCallbacks.continuationsExpected = 2
    case 0xF0...0xF4: ReadlineCallbacks.continuationsExpected = 3
    default: ReadlineCallbacks.continuationsExpected = 0
    }
    return byte
}
