/// A debug command typed at the prompt (`recovery play ID --debug`), for trainers testing a scenario.
public enum DebugCommand: Equatable, Sendable {
    /// `/goto NODE`: jump to a node.
    case goto(String)
    /// `/set mood N`: set the customer's mood; the text is checked when run.
    case setMood(String)
    /// `/set` with something other than `mood N`.
    case setUsage
    /// `/why`: what fired for the last reply and why, and what the reply showed.
    case why

    /// The debug commands as typed, for Tab completion and `/help`.
    public static let typedNames = ["/goto", "/set", "/why"]

    /// What `/help` says about each, in debug mode.
    public static var helpText: String {
        ["  /goto NODE    jump to a node of the scenario (recorded in the transcript)",
         "  /set mood N   set the customer's mood, 0 calm to 10 gone (recorded in the transcript)",
         "  /why          what fired for the last reply, which part of each condition held, and what the reply showed"]
            .joined(separator: "\n")
    }

    /// The debug command `line` names (the whole first word, no prefixes), if any.
    public static func parse(_ line: String) -> DebugCommand? {
        guard line.hasPrefix("/") else { return nil }
        let words = line.dropFirst().split(separator: " ").map(String.init)
        guard let first = words.first?.lowercased() else { return nil }
        let rest = Array(words.dropFirst())
        switch first {
        case "goto": return .goto(rest.joined(separator: " "))
        case "why": return .why
        case "set":
            guard rest.count == 2, rest[0].lowercased() == "mood" else { return .setUsage }
            return .setMood(rest[1])
        default: return nil
        }
    }

    /// The command as typed, for notices.
    var typed: String {
        switch self {
        case .goto: "/goto"
        case .setMood, .setUsage: "/set"
        case .why: "/why"
        }
    }
}

/// A debug action that changed the call, kept in the transcript so a reviewer sees the call was manipulated.
public struct DebugAction: Codable, Sendable, Equatable {
    /// How many replies had been given when it was taken.
    public var afterTurn: Int
    /// The command as typed, such as `/goto the-ask`.
    public var command: String
    /// What it changed, such as `node opening → the-ask` or `mood 7 → 3`.
    public var effect: String
}
