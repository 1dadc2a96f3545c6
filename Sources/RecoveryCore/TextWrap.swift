/// Word wrapping for the terminal: lines break between words, never inside one.
public enum TextWrap {
    /// `text` broken into lines of at most `width` characters (counted as Unicode characters),
    /// on spaces; the first line starts with `first`, the others with `rest` (a hanging indent).
    /// Line breaks already in `text` are kept. A single word longer than the line is put on a
    /// line of its own, unbroken (a URL or a path must stay whole to be copied).
    public static func lines(_ text: String, width: Int, first: String = "", rest: String? = nil) -> [String] {
        let rest = rest ?? String(repeating: " ", count: first.count)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = lines.isEmpty ? first : rest
            var lineHasWord = false
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if lineHasWord, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = rest
                    lineHasWord = false
                }
                line += (lineHasWord ? " " : "") + word
                lineHasWord = true
            }
            lines.append(line)
        }
        return lines
    }

    /// `lines(_:width:first:rest:)` joined with newlines.
    public static func text(_ text: String, width: Int, first: String = "", rest: String? = nil) -> String {
        lines(text, width: width, first: first, rest: rest).joined(separator: "\n")
    }
}
