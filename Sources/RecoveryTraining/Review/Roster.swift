import Foundation
import RecoveryCore
import Yams

/// The people of a team, from an optional `team.yaml`: each trainee's name as it should be
/// shown, the other names they play under, their team and their site. Names are matched
/// ignoring case and spacing ("Aisha Khan ", "aisha  khan" and "Aisha Khan" are one person),
/// with or without a roster.
///
///     trainees:
///       - name: Aisha Khan
///         aliases: [akhan, "A. Khan"]
///         team: North
///         site: Leeds
public struct Roster: Sendable, Equatable {
    /// One person of the roster.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public var team: String?
        public var site: String?
    }

    /// Everyone on the roster, in file order.
    public var entries: [Entry] = []
    private var byKey: [String: Int] = [:]

    /// An empty roster: names are still matched ignoring case and spacing.
    public init() {}

    /// How a name is compared: lowercased, spaces trimmed and runs of spaces made one.
    public static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The roster entry a name played under belongs to, if any.
    public func entry(for name: String) -> Entry? { byKey[Self.key(name)].map { entries[$0] } }

    /// Reads `team.yaml` at `path`, every problem positioned.
    public static func load(path: String) throws(DiagnosticError) -> Roster {
        let file = try YAMLFile.read(path: path)
        let root = try file.compose()
        var reader = YAMLReader(file: file)
        var roster = Roster()
        var firstLine: [String: Int] = [:]
        let list = reader.value("trainees", in: root, what: "the roster", required: true, hint: "add `trainees:` with one `- name:` per person")
        for item in list.map({ reader.list($0, what: "trainees") }) ?? [] {
            let pairs = reader.pairs(item, what: "a trainee", allowedKeys: ["name", "aliases", "team", "site"])
            guard item.mapping != nil else { continue }
            var entry = Entry(name: "", aliases: [], team: nil, site: nil)
            var nameNodes: [Node] = []
            for (key, _, value) in pairs {
                switch key {
                case "name":
                    entry.name = reader.string(value, what: "name") ?? ""
                    nameNodes.append(value)
                case "aliases":
                    let items = reader.names(value, what: "aliases")
                    entry.aliases = items.compactMap { reader.string($0, what: "an alias") }
                    nameNodes += items
                case "team": entry.team = reader.string(value, what: "team")
                case "site": entry.site = reader.string(value, what: "site")
                default: break
                }
            }
            guard !entry.name.isEmpty else {
                _ = reader.value("name", in: item, what: "a trainee", required: true, hint: "add `name:` with the name to show")
                continue
            }
            for node in nameNodes {
                guard let name = node.string else { continue }
                let key = key(name), line = node.mark?.line ?? 0
                if let first = firstLine[key] {
                    reader.report(RosterDiagnostic.nameTwice, name, "\(first)", at: node)
                } else {
                    firstLine[key] = line
                    roster.byKey[key] = roster.entries.count
                }
            }
            roster.entries.append(entry)
        }
        if !reader.diagnostics.isEmpty { throw DiagnosticError(reader.diagnostics) }
        return roster
    }
}

/// The diagnostics only a roster can get (beyond the shared YAML ones).
public enum RosterDiagnostic {
    /// A name or alias given to two people, or twice to one.
    public static let nameTwice = DiagnosticKind(
        "roster-name-twice", "'{1}' is already on the roster (line {2}); names match ignoring case and spacing",
        hint: "keep the name on one person only, once", files: [.roster])

    /// Every entry.
    public static let all: [DiagnosticKind] = [nameTwice]
}
