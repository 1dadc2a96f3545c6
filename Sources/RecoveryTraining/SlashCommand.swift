/// A command typed at the prompt instead of a reply.
public enum SlashCommand: String, CaseIterable, Sendable {
    case help
    case hint
    case restart
    case quit

    /// What `/help` says about it.
    public var summary: String {
        switch self {
        case .help: "show these commands"
        case .hint: "suggest what matters most now (says its cost first; never the same hint twice)"
        case .restart: "save this attempt and start the call again"
        case .quit: "end the call now; the transcript and debrief are saved"
        }
    }

    /// Every command as typed, for Tab completion.
    public static var typedNames: [String] { allCases.map { "/" + $0.rawValue } }

    /// The command a line names, if it starts with "/" and names one (prefixes allowed: "/q").
    public static func parse(_ line: String) -> Result<SlashCommand, UnknownCommand>? {
        guard line.hasPrefix("/") else { return nil }
        let word = line.dropFirst().split(separator: " ").first.map(String.init)?.lowercased() ?? ""
        let matches = allCases.filter { $0.rawValue.hasPrefix(word) && !word.isEmpty }
        if let exact = allCases.first(where: { $0.rawValue == word }) { return .success(exact) }
        if matches.count == 1 { return .success(matches[0]) }
        return .failure(UnknownCommand(typed: "/" + word))
    }

    /// The help text listing every command.
    public static var helpText: String {
        (allCases.map { "  /\($0.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \($0.summary)" }
            + ["  Ctrl-C  discard the line you are typing (twice on an empty line: end the call)",
               "  Ctrl-D  end the call"]).joined(separator: "\n")
    }
}

/// A slash word that is no command.
public struct UnknownCommand: Error, Equatable, Sendable {
    /// What was typed.
    public var typed: String
}
