import Foundation
import RecoveryCore

/// Saved calls as xAPI 1.0.3 statements, one per call, for a learning record store: the
/// trainee as actor (an account on `homePage`), passed / failed / terminated as the verb, the
/// scenario as the activity, the recomputed score with success, completion and duration as the
/// result, and the rubric, team and site as context extensions.
public enum XAPIExport {
    /// The IRI every extension key and activity id starts from.
    public static let base = "https://servicerecovery.invalid/xapi"

    /// The statements of `calls` as one JSON array (sorted keys; the same calls give the same bytes).
    public static func json(_ calls: [CallSummary], homePage: String) -> String {
        let statements = calls.map { statement($0, homePage: homePage) }
        guard let data = try? JSONSerialization.data(withJSONObject: statements, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// One call's statement, as JSON objects.
    public static func statement(_ call: CallSummary, homePage: String) -> [String: Any] {
        let ended = call.reachedEnding
        let verb = !ended ? "terminated" : call.passed ? "passed" : "failed"
        var extensions: [String: Any] = ["\(base)/rubric": call.rubric, "\(base)/outcome": call.outcome]
        if let team = call.team { extensions["\(base)/team"] = team }
        if let site = call.site { extensions["\(base)/site"] = site }
        return [
            "id": uuid(for: call),
            "actor": ["objectType": "Agent", "name": call.trainee,
                      "account": ["homePage": homePage, "name": Roster.key(call.trainee)]],
            "verb": ["id": "http://adlnet.gov/expapi/verbs/\(verb)", "display": ["en-US": verb]],
            "object": ["objectType": "Activity", "id": "\(base)/scenarios/\(call.scenario)",
                       "definition": ["name": ["en-US": call.scenarioTitle],
                                      "description": ["en-US": "A service recovery call with \(call.customer)"],
                                      "type": "http://adlnet.gov/expapi/activities/simulation"]],
            "result": ["score": ["scaled": Double(call.score) / 100, "raw": call.score, "min": 0, "max": 100],
                       "success": call.passed, "completion": ended, "duration": duration(call.duration)],
            "context": ["platform": "ServiceRecovery", "language": "en", "extensions": extensions],
            "timestamp": timestamp(call.startedAt),
        ]
    }

    /// An ISO 8601 duration with hundredths of a second, as xAPI asks: `PT252.5S`.
    static func duration(_ seconds: Double) -> String {
        let hundredths = (max(0, seconds) * 100).rounded()
        let whole = Int(hundredths) / 100, rest = Int(hundredths) % 100
        return rest == 0 ? "PT\(whole)S" : "PT\(whole).\(rest < 10 ? "0" : "")\(rest)S"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// A stable UUID (version 5 layout) from the call's trainee, scenario, start and file name,
    /// so exporting the same call twice gives the same statement id and an LRS keeps it once.
    static func uuid(for call: CallSummary) -> String {
        let name = "\(call.trainee)|\(call.scenario)|\(timestamp(call.startedAt))|\((call.path as NSString).lastPathComponent)"
        return Transcript.stableUUID(name)
    }
}
