import Foundation

/// Plain wording shared by the debrief and review renderers (escape it for the format).
public enum DebriefText {
    /// `2026-11-23 12:51 UTC`.
    public static func timestamp(_ date: Date) -> String { day(date) + " " + clock(date) + " UTC" }

    /// `2026-11-23` (UTC).
    public static func day(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day], from: date)
        return "\(parts.year!)-\(two(parts.month!))-\(two(parts.day!))"
    }

    /// `12:51` (UTC).
    public static func clock(_ date: Date) -> String {
        let parts = utc.dateComponents([.hour, .minute], from: date)
        return "\(two(parts.hour!)):\(two(parts.minute!))"
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `3 min 4 s` or `42 s`.
    public static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }

    /// `recovered (ending done)` or `left early: the trainee typed /quit`.
    public static func outcome(_ transcript: Transcript) -> String {
        if let outcome = transcript.outcome { return "\(outcome.rawValue) (ending \(transcript.endingNode ?? ""))" }
        guard let reason = transcript.endReason else { return "in progress" }
        return "left early: \(reason.description)"
    }
}
