import RecoveryCore
import Testing
@testable import RecoveryScoring

/// The failure classes the issue names, read by the shipped analyzer (rules and model
/// together), each with the wording of docs/labelling.md's rules 13-18. Every sentence is also
/// an example in behaviors.yaml, so `recovery train` keeps honouring it.
@Suite("failure classes")
struct FailureClassTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String, shows: [Behavior], lacks: [Behavior]
        var testDescription: String { text }
    }

    private func check(_ c: Case) throws {
        let found = try analyzer.analyze(c.text).behaviors
        for behavior in c.shows { #expect(found.contains(behavior), "\(behavior.id) missing in \(found.map(\.id))") }
        for behavior in c.lacks { #expect(!found.contains(behavior), "\(behavior.id) wrongly read") }
    }

    @Test("mention is not use: quoted or reported words are not the trainee's (rule 13)", arguments: [
        Case(text: "You were told 'it's not our problem'? That's wrong, and I'm sorry.", shows: [.apologize], lacks: [.deflect, .dismiss]),
        Case(text: "The installer told you \"that's not my job\"? It is his job, and I'm sorry.", shows: [.apologize], lacks: [.deflect]),
        Case(text: "The last agent said there's nothing we can do. That was wrong of him, and I'm sorry.", shows: [.apologize], lacks: [.deflect]),
    ])
    func mentions(_ c: Case) throws { try check(c) }

    @Test("a hedge makes a time vague; a firm time with a fallback stays a promise (rule 14)", arguments: [
        Case(text: "It'll probably be Thursday.", shows: [.vaguePromise], lacks: [.commit]),
        Case(text: "Hopefully by the weekend.", shows: [.vaguePromise], lacks: [.commit]),
        Case(text: "Should be sometime tomorrow, I think.", shows: [.vaguePromise], lacks: [.commit]),
        Case(text: "I can't give you a time.", shows: [.vaguePromise], lacks: [.commit]),
        Case(text: "By 5; if anything slips I'll ring you first.", shows: [.commit], lacks: [.vaguePromise]),
        Case(text: "I think the email was sent on the 2nd.", shows: [], lacks: [.vaguePromise, .commit]),
        Case(text: "It probably got delivered on the 4th.", shows: [], lacks: [.vaguePromise, .commit]),
    ])
    func hedges(_ c: Case) throws { try check(c) }

    @Test("blame and deflection without stock words (rules 15, 16)", arguments: [
        Case(text: "The warehouse sent the wrong one.", shows: [.blame], lacks: []),
        Case(text: "We've had a lot of sick calls this week.", shows: [.blame], lacks: []),
        Case(text: "He's agency staff, not ours.", shows: [.blame], lacks: []),
        Case(text: "The returns desk is the one to ring, it's 0800 123 456.", shows: [.deflect], lacks: []),
        Case(text: "You'd need to take that up with the manufacturer.", shows: [.deflect], lacks: []),
        Case(text: "I'll get billing on the line now and stay with you.", shows: [.own], lacks: [.deflect]),
    ])
    func shiftingResponsibility(_ c: Case) throws { try check(c) }

    @Test("ownership without stock phrases (rule 6)", arguments: [
        Case(text: "You won't be passed around again; I'm keeping this ticket with me until it's closed.", shows: [.own], lacks: []),
        Case(text: "My name's Dan and you can ask for me directly.", shows: [.own], lacks: []),
    ])
    func ownership(_ c: Case) throws { try check(c) }

    @Test("verify is a yes/no check on the fix; a yes/no question about the problem is explore (rule 17)", arguments: [
        Case(text: "Is the signal back?", shows: [.verify], lacks: [.explore]),
        Case(text: "Did the new card arrive all right?", shows: [.verify], lacks: []),
        Case(text: "Did it make a noise before it stopped?", shows: [.explore], lacks: [.verify]),
    ])
    func checks(_ c: Case) throws { try check(c) }

    @Test("empathy by restating the impact, with no feeling word (rule 7)", arguments: [
        Case(text: "So you've had no hot water since Tuesday with a newborn in the house.", shows: [.empathize], lacks: []),
        Case(text: "Hours of your life on hold.", shows: [.empathize], lacks: []),
    ])
    func impact(_ c: Case) throws { try check(c) }

    @Test("clearing the customer, a plain fact and an ordinary 'so what' draw no penalty (rules 15, 18)", arguments: [
        Case(text: "You did nothing wrong.", shows: [], lacks: [.blame]),
        Case(text: "This isn't on you.", shows: [], lacks: [.blame]),
        Case(text: "The van is outside now.", shows: [], lacks: [.blame]),
        Case(text: "The courier lost it, and that's on us to fix.", shows: [.own], lacks: [.blame]),
        Case(text: "So what day suits you?", shows: [], lacks: [.dismiss]),
    ])
    func noFalsePenalty(_ c: Case) throws { try check(c) }
}
