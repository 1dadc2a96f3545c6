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

    /// `text` as an author writes it in a YAML block, rewrapped at `width`: the lines of a
    /// paragraph (paragraphs are separated by blank lines) and of a list item (a line opening
    /// with "- ", "* " or "1. ", and the lines under it) are joined and wrapped again, the item's
    /// continuations indented under its first word. A briefing written at 90 columns no longer
    /// breaks into a long line and a one-word line on an 80-column terminal.
    public static func reflowed(_ text: String, width: Int) -> [String] {
        var output: [String] = []
        var block: (first: String, rest: String, words: [Substring])? = nil
        func flush() {
            guard let current = block else { return }
            output += lines(current.words.joined(separator: " "), width: width, first: current.first, rest: current.rest)
            block = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(separator: " ")
            guard let opener = words.first else {
                flush()
                output.append("")
                continue
            }
            let indent = String(repeating: " ", count: line.prefix { $0 == " " }.count)
            if isListMarker(opener) {
                flush()
                block = (indent, indent + String(repeating: " ", count: opener.count + 1), words)
            } else if let current = block, current.first == current.rest || indent.count > current.first.count {
                // A paragraph goes on; a list item only with its indented continuation lines.
                block!.words += words
            } else {
                flush()
                block = (indent, indent, words)
            }
        }
        flush()
        return output
    }

    /// "-", "*", "•" or a number with a dot ("12."): what opens a list item.
    private static func isListMarker(_ word: Substring) -> Bool {
        if word == "-" || word == "*" || word == "•" { return true }
        return word.count > 1 && word.last == "." && word.dropLast().allSatisfy(\.isNumber)
    }

    /// `lines(_:width:first:rest:)` joined with newlines.
    public static func text(_ text: String, width: Int, first: String = "", rest: String? = nil) -> String {
        lines(text, width: width, first: first, rest: rest).joined(separator: "\n")
    }
}
