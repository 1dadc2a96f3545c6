import Foundation
import Testing

@testable import RecoveryStore
@testable import RecoveryTraining

/// The team store on a real PostgreSQL server: schema, saving after every reply, import,
/// review, and what happens when the server goes away.
@Suite("team store on PostgreSQL", .enabled(if: TestServer.available, TestServer.skipReason))
struct PostgresStoreTests {
    let calls = [
        ReviewFixture.call("Aisha Khan", day: 2, ReviewFixture.rude),
        ReviewFixture.call("aisha khan ", day: 9, ReviewFixture.good),
        ReviewFixture.call("Bo", day: 5, ReviewFixture.rude),
    ]

    @Test func theSchemaIsCreatedOnceVersionedAndANewerOneIsRefused() throws {
        let address = try TestServer.freshDatabase()
        let first = try PostgresCallStore.open(address)
        #expect(try first.schemaVersion() == StoreSchema.latest)
        let second = try PostgresCallStore.open(address)  // a second program on the same database
        let applied = try second.rows("SELECT count(*)::bigint FROM recovery_schema", as: Int.self, doing: "counting")
        #expect(applied == [StoreSchema.migrations.count])
        _ = try second.run("INSERT INTO recovery_schema (version, description) VALUES (99, 'from the future')", doing: "test")
        do {
            _ = try PostgresCallStore.open(address)
            Issue.record("a schema newer than this build was accepted")
        } catch {
            #expect(error.description.contains("version 99, newer than this recovery knows"))
        }
    }

    @Test func aCallSavedAfterEveryReplyIsOneRowThatNeverLosesAReply() throws {
        let store = try PostgresCallStore.open(try TestServer.freshDatabase())
        let finished = calls[2]
        var early = finished
        early.turns = Array(finished.turns.prefix(1))
        early.endedAt = nil; early.endReason = nil; early.outcome = nil; early.grade = nil
        #expect(early.callID == finished.callID)
        #expect(try store.put(early, data: try early.sealedEncoding(key: nil)) == .added)
        #expect(try store.put(finished, data: try finished.sealedEncoding(key: nil)) == .updated)
        #expect(try store.put(early, data: try early.sealedEncoding(key: nil)) == .unchanged, "a shorter copy never replaces a longer one")
        #expect(try store.put(finished, data: try finished.sealedEncoding(key: nil)) == .unchanged)
        #expect(try store.count() == 1)
        let stored = try store.transcript(named: finished.callID)
        #expect(stored.transcript.turns.count == finished.turns.count)
        #expect(Transcript.sealProblem(stored.data) == nil, "the sealed bytes are kept exactly")
    }

    @Test func importingAFolderTwiceAddsEachCallOnceAndCanTidyTheFolder() throws {
        let store = try PostgresCallStore.open(try TestServer.freshDatabase())
        let folder = try ReviewFixture.folder(calls)
        try "not json".write(toFile: folder + "/team/notes.json", atomically: true, encoding: .utf8)
        let roster = try RosterTests.roster()  // knows Aisha Khan (North), not "Bo"
        let first = try StoreImport.run(from: folder, into: store, roster: roster)
        #expect(first.summary == "3 added, 0 updated, 0 already in the store, 1 skipped")
        let teams = try store.rows("SELECT coalesce(team, '-') FROM recovery_calls ORDER BY started_at", as: String.self, doing: "test")
        #expect(teams == ["North", "-", "North"], "the roster's team is in the store's indexed column")
        let again = try StoreImport.run(from: folder, into: store, removeImported: true)
        #expect(again.summary == "0 added, 0 updated, 3 already in the store, 1 skipped")
        #expect(try store.count() == 3)
        #expect(try TeamReview.transcriptFiles(under: folder) == [folder + "/team/notes.json"], "only the imported calls are removed")
    }

    @Test func theStoreIsReviewedExactlyAsTheSameCallsInAFolder() throws {
        var edited = calls[0]
        let folderCalls = [calls[1], calls[2]]
        let folder = try ReviewFixture.folder(folderCalls)
        // An insult appended after sealing: the seal no longer matches.
        let data = try edited.sealedEncoding(key: nil)
        edited.turns[0].text += " idiot"
        let tampered = String(decoding: data, as: UTF8.self).replacingOccurrences(of: calls[0].turns[0].text, with: edited.turns[0].text)
        try tampered.write(toFile: folder + "/team/9.json", atomically: true, encoding: .utf8)
        let store = try PostgresCallStore.open(try TestServer.freshDatabase())
        _ = try StoreImport.run(from: folder, into: store)
        let fromFolder = try ReviewFixture.review(folder).calls.sorted { $0.startedAt < $1.startedAt }
        let fromStore = try store.review(ReviewQuery(), rubricsDirectory: TestData.location.rubricsDirectory, analyzer: TestData.analyzer)
            .calls.sorted { $0.startedAt < $1.startedAt }
        #expect(fromStore.count == 3)
        #expect(fromStore.map(\.trainee) == ["Aisha Khan", "Bo", "Aisha Khan"], "one spelling per person, as in a folder")
        #expect(fromStore.map(\.score) == fromFolder.map(\.score))
        #expect(fromStore.map(\.flagged) == fromFolder.map(\.flagged))
        #expect(fromStore.map(\.flagged) == [true, false, false], "the edited call is flagged in the store too")
        #expect(fromStore.allSatisfy { $0.path.hasPrefix("store:") })
    }

    @Test func pagesGiveEveryCallOnceInDateOrderAndTheStoreNarrowsByScenarioAndDate() throws {
        let store = try PostgresCallStore.open(try TestServer.freshDatabase())
        let many = (1...7).map { ReviewFixture.call("t\($0)", day: 8 - $0, ReviewFixture.good) }
        for call in many { try store.put(call, data: try call.sealedEncoding(key: nil)) }
        var paths: [String] = []
        try store.forEachPage(pageSize: 3) { paths += $0.map(\.path) }
        #expect(paths == many.reversed().map { "store:\($0.callID)" })
        var filter = StoreFilter()
        filter.since = many[2].startedAt  // day 5 on
        var recent = 0
        try store.forEachPage(filter, pageSize: 2) { recent += $0.count }
        #expect(recent == 3)
        filter.scenarios = ["no-such-scenario"]
        var none = 0
        try store.forEachPage(filter) { none += $0.count }
        #expect(none == 0)
    }

    @Test func aCallWhoseServerGoesAwayMidCallIsKeptWholeLocallyAndImportedLater() throws {
        let address = try TestServer.freshDatabase()
        let local = NSTemporaryDirectory() + "store-fallback-\(UUID().uuidString)"
        let saver = StoreSaver(address: address, localDirectory: local)
        let call = calls[2]
        var early = call
        early.turns = Array(call.turns.prefix(1))
        #expect(try saver.save(early).storeName == address.displayName)
        // The server drops every connection to this database, as a restart would.
        let admin = try PostgresCallStore.open(address)
        _ = try admin.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(address.database) AND pid <> pg_backend_pid()",
                          doing: "test")
        let saved = try saver.save(call)
        #expect(saved.storeName == nil && saved.transcriptPath.hasPrefix(local))
        let notice = try #require(saver.fallbackNotice)
        #expect(notice.contains("recovery store import \(local) --store \(address.displayName)"))
        #expect(!notice.contains(address.password ?? "\u{0}"), "the password is never shown")
        let kept = try Regrade.read(path: saved.transcriptPath)
        #expect(kept.turns.count == call.turns.count, "every reply is in the local copy")
        let store = try PostgresCallStore.open(address)
        #expect(try StoreImport.run(from: local, into: store).summary == "0 added, 1 updated, 0 already in the store, 0 skipped")
        #expect(try store.transcript(named: call.callID).transcript.turns.count == call.turns.count)
    }

    @Test func anUnreachableServerAtTheStartKeepsTheCallLocally() throws {
        var address = try TestServer.freshDatabase()
        address.port = 1  // nothing listens there
        let local = NSTemporaryDirectory() + "store-offline-\(UUID().uuidString)"
        let saver = StoreSaver(address: address, localDirectory: local, timeout: 2)
        let saved = try saver.save(calls[0])
        #expect(saved.storeName == nil && FileManager.default.fileExists(atPath: saved.transcriptPath))
        #expect(saver.fallbackNotice?.contains("cannot open the team store \(address.displayName)") == true)
    }
}
