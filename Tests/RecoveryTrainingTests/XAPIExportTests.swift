import Foundation
import Testing

@testable import RecoveryTraining

/// `recovery export --xapi`: every statement has the structure the xAPI 1.0.3 specification
/// (part two, "Statement Properties") requires, so a conformant LRS accepts it.
@Suite("xAPI export")
struct XAPIExportTests {
    static let iri = try! NSRegularExpression(pattern: "^[a-z][a-z0-9+.-]*:[^\\s]+$", options: .caseInsensitive)
    static let languageTag = try! NSRegularExpression(pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    static let uuid = try! NSRegularExpression(pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
    static let duration = try! NSRegularExpression(pattern: "^P(\\d+Y)?(\\d+M)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,2})?S)?)?$")
    static let timestamp = try! NSRegularExpression(pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$")

    static func matches(_ pattern: NSRegularExpression, _ value: Any?) -> Bool {
        guard let text = value as? String else { return false }
        return pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func isLanguageMap(_ value: Any?) -> Bool {
        guard let map = value as? [String: Any], !map.isEmpty else { return false }
        return map.allSatisfy { matches(languageTag, $0.key) && $0.value is String }
    }

    /// The problems of one statement against xAPI 1.0.3's rules for the properties it uses.
    static func problems(_ statement: [String: Any]) -> [String] {
        var problems: [String] = []
        func check(_ ok: Bool, _ what: String) { if !ok { problems.append(what) } }
        let allowed: Set<String> = ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"]
        check(Set(statement.keys).isSubset(of: allowed), "only statement properties")
        check(matches(uuid, statement["id"]), "id is a UUID")
        let actor = statement["actor"] as? [String: Any] ?? [:]
        check(actor["objectType"] as? String == "Agent", "actor is an Agent")
        let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"].filter { actor[$0] != nil }
        check(identifiers.count == 1, "an Agent has exactly one inverse functional identifier")
        if let account = actor["account"] as? [String: Any] {
            let home = (account["homePage"] as? String).flatMap(URL.init(string:))
            check(home?.scheme?.hasPrefix("http") == true && home?.host != nil, "account.homePage is an IRL")
            check((account["name"] as? String)?.isEmpty == false, "account.name")
        }
        let verb = statement["verb"] as? [String: Any] ?? [:]
        check(matches(iri, verb["id"]), "verb.id is an IRI")
        check(isLanguageMap(verb["display"]), "verb.display is a language map")
        let object = statement["object"] as? [String: Any] ?? [:]
        check(object["objectType"] as? String == "Activity" && matches(iri, object["id"]), "object is an Activity with an IRI id")
        let definition = object["definition"] as? [String: Any] ?? [:]
        check(isLanguageMap(definition["name"]) && isLanguageMap(definition["description"]) && matches(iri, definition["type"]), "activity definition")
        let result = statement["result"] as? [String: Any] ?? [:]
        let score = result["score"] as? [String: Any] ?? [:]
        let scaled = (score["scaled"] as? NSNumber)?.doubleValue ?? 99
        let raw = (score["raw"] as? NSNumber)?.doubleValue ?? -1, low = (score["min"] as? NSNumber)?.doubleValue ?? 0
        let high = (score["max"] as? NSNumber)?.doubleValue ?? -1
        check((-1...1).contains(scaled), "score.scaled within -1..1")
        check(low < high && (low...high).contains(raw), "score.raw between min and max")
        check(result["success"] is Bool && result["completion"] is Bool, "success and completion are booleans")
        check(matches(duration, result["duration"]), "result.duration is ISO 8601 with at most hundredths")
        let context = statement["context"] as? [String: Any] ?? [:]
        check(matches(languageTag, context["language"]) && context["platform"] is String, "context language and platform")
        check((context["extensions"] as? [String: Any])?.keys.allSatisfy { matches(iri, $0) } == true, "extension keys are IRIs")
        check(matches(timestamp, statement["timestamp"]), "timestamp is ISO 8601 with a zone")
        return problems
    }

    @Test func everyStatementHasTheStructureOfXAPI103() throws {
        var left = ReviewFixture.call("ada", day: 3, ReviewFixture.rude)
        left.endReason = .quit
        left.outcome = nil
        let directory = try ReviewFixture.folder([ReviewFixture.call("ada", day: 2, ReviewFixture.good), left,
                                                  ReviewFixture.call("Bo", day: 4, ReviewFixture.rude)])
        let review = try TeamReview.load(directory: directory, rubricsDirectory: TestData.location.rubricsDirectory, analyzer: TestData.analyzer)
        let calls = ReviewQuery().apply(review.calls)
        let text = XAPIExport.json(calls, homePage: "https://lms.example.com")
        #expect(text == XAPIExport.json(calls, homePage: "https://lms.example.com"), "the same calls give the same bytes")
        let statements = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(statements.count == 3)
        for statement in statements { #expect(Self.problems(statement) == [], "\(statement)") }
        #expect(Set(statements.compactMap { $0["id"] as? String }).count == 3, "one id per call")
        let verbs = statements.compactMap { ($0["verb"] as? [String: Any])?["id"] as? String }.map { $0.split(separator: "/").last.map(String.init) ?? "" }
        for (call, verb) in zip(calls, verbs) {
            #expect(verb == (!call.reachedEnding ? "terminated" : call.passed ? "passed" : "failed"), "\(call.path)")
        }
        let results = statements.compactMap { $0["result"] as? [String: Any] }
        #expect(results.map { $0["completion"] as? Bool } == calls.map { $0.reachedEnding })
        #expect(zip(results, calls).allSatisfy { (($0.0["score"] as? [String: Any])?["raw"] as? Int) == $0.1.score })
    }

    @Test func durationsAndScoresAreWrittenAsTheSpecificationAsks() {
        #expect(XAPIExport.duration(252.5) == "PT252.50S" || XAPIExport.duration(252.5) == "PT252.5S")
        #expect(XAPIExport.duration(61) == "PT61S")
        #expect(XAPIExport.duration(0.004) == "PT0S")
        for score in 0...100 {
            let text = String(decoding: try! JSONSerialization.data(withJSONObject: ["s": Double(score) / 100]), as: UTF8.self)
            #expect(text.count <= 12, "score \(score) is written as \(text)")
        }
    }
}
