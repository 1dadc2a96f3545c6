import RecoveryScenario

/// Suggested lines fit the call: they name no one the call never named (`CallCoaching.changes`).
extension CallCoaching {
    /// Whether a scenario's line fits `transcript`'s call (`namesOnlyWhatWasSaid`): the names
    /// are those the scenario's own phrasings and objectives write, and what was said is both
    /// sides of the call.
    static func fitting(_ transcript: Transcript, scenario: Scenario?, customer: String) -> (String) -> Bool {
        let said = Set((transcript.turns.map(\.text) + transcript.customerLines).flatMap(words).map(baseWord))
        let known = (scenario.map { Array($0.phrasings.values) + $0.objectives.map(\.example) } ?? []).reduce(into: Set<String>()) {
            $0.formUnion(names(in: $1))
        }
        return { namesOnlyWhatWasSaid($0, said: said, known: known, customer: customer) }
    }

    /// Whether a suggested line names no one the call never named (`said`: the words of the
    /// trainee's replies and the customer's lines), so that it fits the call the trainee made:
    /// "I'll call you tonight after Dana leaves" suggests a plan that a trainee who said they
    /// would bring the part themselves never made, with someone nobody mentioned. A name is a
    /// word written with a capital after a sentence's first word, or a word the scenario's own
    /// lines write so (`known`: "Dana can be with you at 10"); the customer's name, "I", days
    /// and months are free. A line that does not fit gives way to the rubric's own.
    static func namesOnlyWhatWasSaid(_ line: String, said: Set<String>, known: Set<String>, customer: String) -> Bool {
        let named = names(in: line).union(Set(words(line).map(baseWord)).intersection(known))
        return named.subtracting([customer.lowercased()]).subtracting(calendarWords).isSubset(of: said)
    }

    /// Days and months: a suggested time names no one.
    private static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// The words of `text`, lowercased, that read as names: written with a capital after their
    /// sentence's first word, other than "I" and its contractions.
    static func names(in text: String) -> Set<String> {
        var found: Set<String> = []
        for sentence in text.split(whereSeparator: { ".!?".contains($0) }) {
            for word in sentence.split(whereSeparator: { !isWordCharacter($0) }).dropFirst() where word.first?.isUppercase == true {
                let name = baseWord(word.lowercased()[...])
                if name != "i", !name.hasPrefix("i'"), !name.hasPrefix("i\u{2019}") { found.insert(name) }
            }
        }
        return found
    }

    /// The words of `text`, lowercased.
    static func words(_ text: String) -> [Substring] {
        text.lowercased()[...].split { !isWordCharacter($0) }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character == "'" || character == "\u{2019}"
    }

    /// A word without a possessive ("dana's" is "dana").
    private static func baseWord(_ word: Substring) -> String {
        for ending in ["'s", "\u{2019}s"] where word.hasSuffix(ending) { return String(word.dropLast(2)) }
        return String(word)
    }
}
