import Foundation
import RecoveryTraining

/// `recovery store import`: saved call files moved into the team store, idempotently (a call's
/// id decides), so nothing is lost and nothing is doubled however often it runs.
public struct StoreImport: Sendable {
    /// What happened to one file.
    public struct Entry: Sendable, Equatable {
        /// The file.
        public var path: String
        /// The call's id, when the file was a transcript.
        public var id: String?
        /// Added, updated or unchanged; nil when skipped.
        public var result: PostgresCallStore.PutResult?
        /// Why it was skipped.
        public var problem: String?
    }

    /// Every `*.json` file looked at, in path order.
    public var entries: [Entry] = []

    /// Puts every transcript under `directory` into `store`. With `removeImported`, a file
    /// (and its `.md` debrief) is deleted once the store holds that call with at least as
    /// many replies; nothing else is ever deleted.
    /// `roster` fills the store's team column for the trainees it knows.
    public static func run(from directory: String, into store: PostgresCallStore, removeImported: Bool = false,
                           roster: Roster = Roster()) throws(StorageError) -> StoreImport {
        var result = StoreImport()
        for path in try TeamReview.transcriptFiles(under: directory) {
            guard let data = FileManager.default.contents(atPath: path) else {
                result.entries.append(Entry(path: path, problem: "cannot read this file"))
                continue
            }
            let transcript: Transcript
            do { transcript = try Transcript.decode(data) } catch {
                result.entries.append(Entry(path: path, problem: "not a ServiceRecovery transcript"))
                continue
            }
            let put = try store.put(transcript, data: data, team: roster.entry(for: transcript.trainee)?.team)
            result.entries.append(Entry(path: path, id: transcript.callID, result: put))
            if removeImported {
                try? FileManager.default.removeItem(atPath: path)
                let debrief = (path as NSString).deletingPathExtension + ".md"
                try? FileManager.default.removeItem(atPath: debrief)
            }
        }
        return result
    }

    /// How many files had each result, and how many were skipped, in one line.
    public var summary: String {
        func count(_ kind: PostgresCallStore.PutResult) -> Int { entries.filter { $0.result == kind }.count }
        let skipped = entries.filter { $0.result == nil }.count
        return "\(count(.added)) added, \(count(.updated)) updated, \(count(.unchanged)) already in the store, \(skipped) skipped"
    }
}
