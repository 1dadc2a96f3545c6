import Foundation
import Testing
import RecoveryCore
@testable import RecoveryScoring

/// How soon a fix or a promise is, for Solomon's "within twenty minutes" (`within_minutes`).
@Suite struct MinutesAwayTests {
    @Test(arguments: [
        ("I'll call you back within twenty minutes with an update.", 20),
        ("I'm booking the engineer now and I'll ring you in 15 mins to confirm.", 15),
        ("I'll have it fixed within the hour.", 60),
        ("I'll call you back in half an hour.", 30),
        ("I'm refunding the fee right now.", 0),
    ])
    func aTimeRelativeToNowIsReadInMinutes(reply: String, minutes: Int) throws {
        let analysis = try analyzer.analyze(reply)
        #expect(analysis.minutesAway == minutes, "\(analysis.behaviors.map(\.id)): \(reply)")
    }

    @Test(arguments: [
        "I'll send someone by 7 tonight.",
        "The technician will be there tomorrow morning.",
        "I'm so sorry about the wait.",
    ])
    func clockTimesDaysAndNoPromiseGiveNothing(reply: String) throws {
        #expect(try analyzer.analyze(reply).minutesAway == nil)
    }

    @Test func theJSONCarriesIt() throws {
        var out: [UInt8] = []
        try analyzer.analyze("I'll call you back within twenty minutes.").appendJSON(to: &out)
        #expect(String(decoding: out, as: UTF8.self).contains(#""minutesAway":20,"notes""#))
        let encoded = try JSONEncoder().encode(try analyzer.analyze("I'll call you back within twenty minutes."))
        #expect(try JSONDecoder().decode(ReplyAnalysis.self, from: encoded).minutesAway == 20, "transcripts keep it")
    }
}
