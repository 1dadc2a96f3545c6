import Foundation
import Testing
import RecoveryCore

/// Text on the terminal wraps between words at the width, never inside a word (issue 11).
@Suite struct TextWrapTests {
    @Test func linesBreakBetweenWordsAtTheWidth() {
        let text = "Sydney needed this and it never came: the call turned on it, and she took the kids to her sister's."
        for width in [20, 33, 80] {
            let lines = TextWrap.lines(text, width: width, first: "  1. ", rest: "     ")
            #expect(lines.allSatisfy { $0.count <= width }, "\(width): \(lines)")
            #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == "1. " + text)
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") })
        }
    }

    @Test func aWordLongerThanTheLineStaysWhole() {
        let path = "/home/trainee/.local/share/recovery/transcripts/2026-12-03T101020Z-ada-cold-house-furnace.json"
        let lines = TextWrap.lines("Saved to \(path) today", width: 40)
        #expect(lines == ["Saved to", path, "today"])
    }

    @Test func lineBreaksInTheTextAreKept() {
        #expect(TextWrap.lines("one two\nthree", width: 80, first: "> ", rest: "  ") == ["> one two", "  three"])
        #expect(TextWrap.text("a b c", width: 3) == "a b\nc")
    }
}
