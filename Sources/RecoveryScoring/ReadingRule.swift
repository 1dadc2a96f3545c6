/// One reading rule of docs/labelling.md coded in the reader: a step over a reply's matches,
/// and the name `analyze --why` gives a match the step cancels.
struct ReadingRule: Sendable {
    /// What cancelled the match, as `--why` says it ("cancelled by …").
    let name: String
    /// The step itself.
    let read: @Sendable (inout Reading) -> Void
}

extension Reading {
    /// The reading rules in the order they run, after exceptions and negation
    /// (docs/scoring-data.md, "How a reply is read"). A new rule is a row here: it runs, and
    /// `--why` names it, with no other change.
    static let rules: [ReadingRule] = [
        ReadingRule(name: "mention is not use: the words are quoted, or reported after someone else's \"said\" (rule 13)") {
            $0.readMentions()
        },
        ReadingRule(name: "the failure an apology names (\"sorry the technician didn't show\") is no blame, nor own (rule 6)") {
            $0.readApologyObjects()
        },
        ReadingRule(name: "sarcasm: a mocking apology reads as dismiss, and takes the sentence's empathy with it") {
            $0.readSarcasm()
        },
        ReadingRule(name: "\"sorry, but\": the excuse after a bare apology takes it back (rule 9)") {
            $0.readTakenBackApologies()
        },
        ReadingRule(name: "a time in the same part of the sentence, which makes it a promise (rule 1)") {
            $0.readRescuedPromises()
        },
        ReadingRule(name: "a hedge in the sentence, which makes the time a vague promise (rule 14)") {
            $0.readHedgedTimes()
        },
        ReadingRule(name: "a brush-off or a specific promise over the same words (\"sorry if…\", \"it's only one night\", \"I'll take care of it myself\")") {
            $0.readSpecificPromises()
        },
        ReadingRule(name: "owning the failure: in a reply that owns it a cause is a fact, and a sentence that owns it hands nothing off (rules 15, 16)") {
            $0.readOwnedFacts()
        },
        ReadingRule(name: "options: a question asking which one is part of them, and times offered are not yet a promise (rules 2, 10)") {
            $0.readOptions()
        },
    ]

    /// What `--why` says of a match a negation cancelled.
    static let negationName = "a negation before it (\"not\", \"never\", \"no\" in the same clause)"
}
