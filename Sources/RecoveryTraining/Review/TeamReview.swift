import Foundation
import RecoveryCore
import RecoveryScoring

/// A file the review could not use, and why, in one line.
public struct SkippedFile: Codable, Sendable, Equatable {
    /// The file.
    public var path: String
    /// Why it was skipped.
    public var reason: String
}

/// Every transcript under a directory, each graded again from its raw replies.
public struct TeamReview: Sendable {
    /// The calls, in file-path order.
    public var calls: [CallSummary]
    /// Files that were not transcripts or could not be graded.
    public var skipped: [SkippedFile]
    /// Names played under that a (non-empty) roster does not know, as first written.
    public var unknownNames: [String] = []

    /// A review of `calls` (already graded), with the files skipped.
    public init(calls: [CallSummary], skipped: [SkippedFile] = []) {
        self.calls = calls
        self.skipped = skipped
    }

    /// Reads every `*.json` under `directory` (recursively), grades each call again with
    /// `analyzer` and the rubric its transcript names (found in `rubricsDirectory`), on every
    /// core; the result does not depend on the number of cores.
    /// Names are matched to `roster` ignoring case and spacing: each call gets the roster's name,
    /// team and site (without a roster, one spelling per person: the first in path order).
    public static func load(directory: String, rubricsDirectory: String, analyzer: Analyzer,
                            roster: Roster = Roster()) throws(StorageError) -> TeamReview {
        let builder = TeamReviewBuilder(rubricsDirectory: rubricsDirectory, analyzer: analyzer)
        builder.add(try transcriptFiles(under: directory).map { TranscriptDocument(path: $0) })
        return builder.finish(roster: roster)
    }

    /// The calls `query` lets through, in its order: those that count in figures, and the
    /// flagged ones set apart (which count too when `includeFlagged`).
    public func selection(_ query: ReviewQuery, includeFlagged: Bool) -> (counted: [CallSummary], flagged: [CallSummary]) {
        let selected = query.apply(calls)
        let flagged = selected.filter(\.flagged)
        return (includeFlagged ? selected : selected.filter { !$0.flagged }, flagged)
    }

    /// Gives every call its person's one name (and team and site) from `roster`.
    mutating func apply(_ roster: Roster) {
        var spelling: [String: String] = [:], unknown: [String] = []
        for index in calls.indices {
            let key = Roster.key(calls[index].trainee)
            if let entry = roster.entry(for: calls[index].trainee) {
                calls[index].trainee = entry.name
                calls[index].team = entry.team
                calls[index].site = entry.site
                continue
            }
            if spelling[key] == nil {
                spelling[key] = calls[index].trainee.trimmingCharacters(in: .whitespaces)
                if !roster.entries.isEmpty { unknown.append(spelling[key]!) }
            }
            calls[index].trainee = spelling[key]!
        }
        unknownNames = unknown
    }

    /// The `*.json` files under `directory`, sorted; hidden files and folders are left out.
    public static func transcriptFiles(under directory: String) throws(StorageError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw StorageError(description: "\(directory): no such directory")
        }
        guard isDirectory.boolValue else { return directory.hasSuffix(".json") ? [directory] : [] }
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw StorageError(description: "\(directory): cannot list this directory")
        }
        var paths: [String] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for case let url as URL in walker where url.pathExtension == "json" {
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            paths.append(prefix + relative)
        }
        return paths.sorted()
    }
}

extension TeamReview {
    /// `value` as pretty JSON with sorted keys and ISO 8601 dates: the same review gives the same bytes.
    public static func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
