import RecoveryCore
@testable import RecoveryScoring
import Testing

/// The patterns of `behaviors.yaml` and the reading rules, with no model: each row is a reply a
/// misreading was found in (or its sibling that must stay as it was) and what the rules alone
/// must read. The model learns from the rules' findings, so a pattern is tested without it.
@Suite("Rules alone")
struct RulesAloneTests {
    @Test("each pattern reads only where its words stand: a brush-off word alone, a vague time after 'when they' but not a step the customer takes, an hour before a plural counting, 'half four', a question whether the offer suits, an apology naming what it cost, doing it oneself, 'you or your husband', 'a shocker', a sincere 'Oh, I'm so sorry', a lost day",
          arguments: [
              ("Fine, whatever, I'll put a note on it.", Behavior.dismiss, true), ("Whatever happened, it's ours to fix.", .dismiss, false),
              ("You'll just have to deal with it.", .dismiss, true), ("Leave it with me, I'll deal with it.", .dismiss, false),
              ("Your loss.", .dismiss, true), ("I'm so sorry for your loss.", .dismiss, false),
              ("Please don't apologise, none of this is on you.", .dismiss, false),
              ("The team will be in touch when they can.", .vaguePromise, true),
              ("Someone will get back to you when they get a chance.", .vaguePromise, true),
              ("I'll call you once the part arrives to check it fits.", .vaguePromise, false),
              ("When the new card arrives, I'll ring you to see it works.", .vaguePromise, false),
              ("Just so you're aware, the refund shows as pending.", .vaguePromise, false),
              // A promise timed by the customer's own step has its moment.
              ("Choose whichever you like and I'll sort it as soon as you tell me.", .vaguePromise, false),
              ("After you're home, I'll get in touch to make sure it's holding.", .vaguePromise, false),
              ("I'll look at it again whenever you're back at your desk.", .vaguePromise, false),
              ("I'm so sorry, you took a day off for a delivery that never came.", .apologize, true),
              ("I'm sorry you took it that way.", .apologize, false), ("I'm sorry you took it that way.", .nonApology, true),
              // An hour in words before a plural counts things ("checked by two engineers").
              ("Someone will ring you once it has been looked at by two engineers.", .commit, false),
              ("We'll have it seen by three technicians and call you.", .commit, false),
              ("Dana will be with you by two this afternoon.", .commit, true), ("I'll be there at eight Sundays too.", .commit, true),
              // "half four" is half past four (British and Irish English), unless it counts.
              ("Our driver will have them at Willowbank by half four.", .commit, true), ("He'll be there by half 4.", .commit, true),
              ("Someone will sort it by half four boxes at a time.", .commit, false),
              // A question whether the offer suits is verify, in any English; a statement is not.
              ("I've rebooked him for Friday between 8 and 12, is that grand?", .verify, true),
              ("Twenty minutes and I'll redo the top myself. That alright with you?", .verify, true),
              ("I can get you in on the 22nd at half two if that suits?", .verify, true),
              ("Fresh one's on its way. Sound good?", .verify, true),
              ("Sounds good.", .verify, false), ("If that works, I'll book it.", .verify, false),
              // Doing it oneself is personal handling, ahead or done; muting oneself or a feeling is not.
              ("I'll check every tablet myself against the letter before it goes.", .own, true),
              ("I've reversed the duplicate charge myself.", .own, true),
              ("Sorry, I'll just unmute myself.", .own, false), ("I'd be furious myself.", .own, false),
              // Empathy in Australian and British English: "a shocker", "would do my head in".
              ("Oh mate, that's a shocker, I'm really sorry.", .empathize, true),
              ("Forty minutes of Für Elise would do my head in too.", .empathize, true),
              ("That'd have driven me up the wall.", .empathize, true),
              // A strong sorry mocks when it is stressed or its sentence goes on to mock; "Oh" alone does not.
              ("Oh, I'm so sorry the engineer didn't turn up, that's on us.", .dismiss, false),
              ("Oh, I'm SO sorry you had to wait.", .dismiss, true), ("Well I'm so sorry for existing.", .dismiss, true),
              ("Oh mate, I'm so sorry, that's our mistake.", .dismiss, false), ("Oh, I'm really sorry to hear that.", .apologize, true),
              ("Oh Priya, I'm so sorry, what a week you've had.", .apologize, true), ("Oh, I'm so sorry hun.", .dismiss, false),
              ("Oh, I'm so sorry the free upgrade wasn't posh enough for you.", .dismiss, true),
              ("Well, I'm terribly sorry our drivers aren't psychic.", .dismiss, true),
              // The day the failure cost, however it is counted, is empathy.
              ("Sir I am very sorry, you lost full day and got double charge also.", .empathize, true),
              ("I know you took a day off work for this.", .empathize, true),
              // "or" between the customer and someone of theirs offers no options.
              ("Is there anything else I can do for you or your husband today?", .choice, false),
              ("I can refund it or send a new one, whichever you like.", .choice, true),
          ])
    func patternsHeldToWhereTheirWordsStand(_ text: String, _ behavior: Behavior, _ shows: Bool) throws {
        #expect(try analyzer.with(model: nil).analyze(text).shows(behavior) == shows, "rules alone")
    }
}
