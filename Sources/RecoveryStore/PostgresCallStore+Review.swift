import Foundation
import RecoveryScoring
import RecoveryTraining

extension PostgresCallStore {
    /// Every call in the store that `query` can let through, graded again from its raw replies
    /// as `TeamReview.load` grades a folder, a page at a time; each call's path is `store:ID`.
    /// The store narrows by scenario and date itself; the review applies every filter again.
    public func review(_ query: ReviewQuery, rubricsDirectory: String, analyzer: Analyzer,
                       roster: Roster = Roster()) throws(StorageError) -> TeamReview {
        let builder = TeamReviewBuilder(rubricsDirectory: rubricsDirectory, analyzer: analyzer)
        try forEachPage(StoreFilter(query)) { builder.add($0) }
        return builder.finish(roster: roster)
    }

    /// The call a review names `store:ID` (or plain `ID`), read again in full.
    public func transcript(named name: String) throws(StorageError) -> (transcript: Transcript, data: Data) {
        let id = name.hasPrefix("store:") ? String(name.dropFirst("store:".count)) : name
        guard UUID(uuidString: id) != nil else {
            throw StorageError(description: "'\(name)' is not a call id (a UUID such as 3f0c9a52-…, as 'recovery review --store …' lists them)")
        }
        guard let data = try transcriptData(id: id) else {
            throw StorageError(description: "the team store \(address.displayName) has no call \(id)")
        }
        do { return (try Transcript.decode(data), data) } catch {
            throw StorageError(description: "call \(id) in the team store is not a ServiceRecovery transcript: \(error)")
        }
    }
}
