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

    @Test("a briefing written at 90 columns reads whole at 80: paragraphs and list items are joined and wrapped again")
    func briefingsReflowAtTheTerminalsWidth() {
        let briefing = """
            You are the duty supervisor for Marlow & Finch Pharmacy's care-home service. A caller,
            Priya Nair, has asked for "a supervisor, not another script", and the call is now yours.

            Timeline:
              - 7:30 a.m. Sydney called with no heat. The office told her a technician would come
                "right over".
              - 6:30 p.m. The technician arrived.
            1. First, the money.
            Nothing stops you saying sorry.
            """
        let lines = TextWrap.reflowed(briefing, width: 80)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines)")
        #expect(lines == [
            "You are the duty supervisor for Marlow & Finch Pharmacy's care-home service. A",
            "caller, Priya Nair, has asked for \"a supervisor, not another script\", and the",
            "call is now yours.",
            "",
            "Timeline:",
            "  - 7:30 a.m. Sydney called with no heat. The office told her a technician would",
            "    come \"right over\".",
            "  - 6:30 p.m. The technician arrived.",
            "1. First, the money.",
            "Nothing stops you saying sorry.",
        ])
        // No word is lost or split, whatever the width.
        for width in [30, 52, 200] {
            let words = TextWrap.reflowed(briefing, width: width).flatMap { $0.split(separator: " ") }
            #expect(words == briefing.split(whereSeparator: { $0 == " " || $0 == "\n" }))
        }
    }
}
