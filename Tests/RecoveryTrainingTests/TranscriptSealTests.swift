import Foundation
import RecoveryCore
import Testing

@testable import RecoveryTraining

/// Every saved call carries a seal: any edit of any field is flagged and named, and with a
/// site key an edit cannot be sealed again by someone without it.
@Suite("transcript seals")
struct TranscriptSealTests {
    static func call() throws -> Transcript {
        let setup = TestData.setup(try TestData.scenario("cold-house-furnace"))
        return CallReplay.play([("I'm so sorry, that's on us.", 3), ("I'll have an engineer there by 4 pm today.", 5)], setup: setup).finish(.quit)
    }

    static func edit(_ data: Data, _ from: String, _ to: String) throws -> Data {
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(from), "the sample edit \(from) is not in the file")
        return Data(text.replacingOccurrences(of: from, with: to).utf8)
    }

    @Test func aSealedCallChecksIntactAndDecodesAsBefore() throws {
        let call = try Self.call()
        let data = try call.sealedEncoding(key: nil)
        #expect(Transcript.sealProblem(data, key: nil) == nil)
        var decoded = try Transcript.decode(data)
        #expect(decoded.seal?.method == "sha256")
        decoded.seal = nil
        #expect(decoded == call)
        // Without its seal member the file is exactly what `encoded()` writes.
        #expect(Data(try #require(Transcript.splitSeal(data)).content) == (try call.encoded()))
    }

    @Test func everyKindOfEditIsFlaggedByTheFieldItChanged() throws {
        let data = try Self.call().sealedEncoding(key: nil)
        let trainee = try Transcript.decode(data).trainee
        let cases: [(String, String, String)] = [
            ("\"trainee\" : \"\(trainee)\"", "\"trainee\" : \"someone else\"", "trainee changed"),
            ("\"startedAt\" : \"1970-01-01T", "\"startedAt\" : \"1970-01-02T", "startedAt changed"),
            ("\"text\" : \"I'm so sorry, that's on us.\"", "\"text\" : \"I'm so sorry, that's on us, you idiot.\"", "turns[1] changed"),
            ("\"passed\" : false", "\"passed\" : true", "grade changed"),
        ]
        for (from, to, named) in cases {
            let problem = Transcript.sealProblem(try Self.edit(data, from, to), key: nil)
            #expect(problem?.hasPrefix("edited after the call") == true && problem?.contains(named) == true, "\(from): \(problem ?? "intact")")
        }
        #expect(Transcript.sealProblem(try Self.call().encoded(), key: nil)?.hasPrefix("no seal") == true)
        // Laid out again by another tool, every field as sealed: intact; with a field changed: named.
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Transcript.sealProblem(try JSONSerialization.data(withJSONObject: object), key: nil) == nil)
        object["trainee"] = "someone else"
        #expect(Transcript.sealProblem(try JSONSerialization.data(withJSONObject: object), key: nil) == "edited after the call: trainee changed")
    }

    @Test func withASiteKeyAnEditCannotBeSealedAgain() throws {
        let key = Array("site key".utf8)
        let data = try Self.call().sealedEncoding(key: key)
        #expect(Transcript.sealProblem(data, key: key) == nil)
        #expect(Transcript.sealProblem(data, key: nil)?.contains("site key this machine does not have") == true)
        #expect(Transcript.sealProblem(data, key: Array("another".utf8))?.contains("another site key") == true)
        // Someone without the key edits the call and seals it again the only way they can.
        var forged = try Transcript.decode(data)
        forged.trainee = "someone else"
        let resealed = try forged.sealedEncoding(key: nil)
        #expect(Transcript.sealProblem(resealed, key: key)?.hasPrefix("not sealed with the site key") == true)
        // And a guessed keyed seal does not match.
        let guessed = try forged.sealedEncoding(key: Array("guess".utf8))
        #expect(Transcript.sealProblem(guessed, key: key) != nil)
    }

    @Test func theSiteKeyComesFromTheEnvironmentOrAKeyFile() throws {
        #expect(SealKey.fromEnvironment(["RECOVERY_SEAL_KEY": "abc"]) == Array("abc".utf8))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("seal-\(UUID().uuidString).key").path
        try "  from a file \n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(SealKey.fromEnvironment(["RECOVERY_SEAL_KEY_FILE": file]) == Array("from a file".utf8))
        #expect(SealKey.fromEnvironment([:]) == nil)
    }

    @Test func hmacMatchesTheRFC4231Vector() {
        #expect(HMACSHA256.hex(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
