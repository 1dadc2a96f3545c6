/// Makes untrusted text safe to show in a terminal: control characters and escape
/// sequences become visible notation instead of acting on the screen.
public enum TerminalSafe {
    /// `text` with every C0/C1 control character shown as `\u{..}` notation, so pasted escape
    /// sequences cannot move the cursor or change colours; line breaks are kept if asked.
    public static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepingLineBreaks && scalar == "\n" {
                out.append(scalar)
            } else if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is a C0 or C1 control character or DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `text` with control characters dropped and runs of whitespace (including line breaks
    /// from a multi-line paste) folded into one space; escape sequences (ESC or C1 CSI, OSC,
    /// DCS, SOS, PM, APC, with their parameters and strings) are removed whole.
    public static func cleanReply(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pendingSpace = false
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                guard let introducer = scalars.next() else { break }
                skipEscapeSequence(introducedBy: introducer, &scalars)
                continue
            }
            if let introducer = c1Introducers[scalar.value] {
                skipEscapeSequence(introducedBy: introducer, &scalars)
                continue
            }
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if isControl(scalar) || scalar == "\u{FFFD}" { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// The C1 controls that start a sequence, and the ESC form each stands for.
    private static let c1Introducers: [UInt32: Unicode.Scalar] = [
        0x90: "P", 0x98: "X", 0x9B: "[", 0x9D: "]", 0x9E: "^", 0x9F: "_",
    ]

    /// Skips what follows an ESC (or C1) `introducer`: a CSI's parameters and final byte, a
    /// control string up to its terminator (BEL, ESC \ or ST), or an escape's intermediates and final byte.
    private static func skipEscapeSequence(introducedBy introducer: Unicode.Scalar, _ scalars: inout String.UnicodeScalarView.Iterator) {
        switch introducer {
        case "[":  // CSI: parameters and intermediates, then a final byte in @...~
            while let s = scalars.next(), !(0x40...0x7E).contains(s.value) {}
        case "]", "P", "X", "^", "_":  // OSC, DCS, SOS, PM, APC: up to BEL, ESC \ or ST
            while let s = scalars.next() {
                if s == "\u{07}" || s == "\u{9C}" { break }
                if s == "\u{1B}" { _ = scalars.next(); break }
            }
        case "\u{20}"..."\u{2F}":  // intermediates such as ESC ( B: up to the final byte
            while let s = scalars.next(), (0x20...0x2F).contains(s.value) {}
        default:
            break  // a two-character escape such as ESC c
        }
    }
}
