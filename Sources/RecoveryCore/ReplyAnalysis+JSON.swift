extension ReplyAnalysis {
    /// Appends the analysis as one line of JSON (no newline) to `out`:
    /// `{"behaviors":[...],"evidence":[{"confidence":0.93,"label":...,"offset":...,"quote":...,"reader":"rules"}],"minutesAway":15,"notes":[...],"text":...}`,
    /// keys sorted, strings escaped as JSON requires (control characters, quotes and
    /// backslashes; other characters as UTF-8). `recovery analyze --json` writes one per reply:
    /// written by hand, byte by byte, because a general encoder costs more than the reading.
    public func appendJSON(to out: inout [UInt8]) {
        out.append(contentsOf: #"{"behaviors":["#.utf8)
        for (k, behavior) in behaviors.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(behavior.id, to: &out)
        }
        out.append(contentsOf: #"],"evidence":["#.utf8)
        for (k, item) in evidence.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            if let confidence = item.confidence {
                out.append(contentsOf: #""confidence":"#.utf8)
                JSONText.appendHundredths(confidence, to: &out)
                out.append(UInt8(ascii: ","))
            }
            out.append(contentsOf: #""label":"#.utf8)
            JSONText.appendString(item.label, to: &out)
            out.append(contentsOf: #","offset":"#.utf8)
            out.append(contentsOf: String(item.offset).utf8)
            out.append(contentsOf: #","quote":"#.utf8)
            JSONText.appendString(item.quote, to: &out)
            if let reader = item.reader {
                out.append(contentsOf: #","reader":"#.utf8)
                JSONText.appendString(reader.rawValue, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        if let minutesAway {
            out.append(contentsOf: #","minutesAway":"#.utf8)
            out.append(contentsOf: String(minutesAway).utf8)
        }
        out.append(contentsOf: #","notes":["#.utf8)
        for (k, note) in notes.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(note, to: &out)
        }
        out.append(contentsOf: #"],"text":"#.utf8)
        JSONText.appendString(text, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}

/// JSON text pieces, written into byte buffers.
public enum JSONText {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// `value` as a JSON string literal. Runs of bytes that need no escape are copied whole.
    public static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var plainStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
                appendEscape(byte, to: &out)
                plainStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The JSON escape of a quote, a backslash or a control character.
    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                    hex[Int(byte >> 4)], hex[Int(byte & 15)]])
        }
    }

    /// A number in 0...1 rounded to two places, written shortest: 0, 0.5, 0.93, 1.
    public static func appendHundredths(_ value: Double, to out: inout [UInt8]) {
        let hundredths = Int((min(max(value, 0), 1) * 100).rounded())
        if hundredths == 100 { out.append(UInt8(ascii: "1")); return }
        if hundredths == 0 { out.append(UInt8(ascii: "0")); return }
        out.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")])
        out.append(UInt8(ascii: "0") + UInt8(hundredths / 10))
        if hundredths % 10 != 0 { out.append(UInt8(ascii: "0") + UInt8(hundredths % 10)) }
    }
}
