import Foundation
import Testing

@testable import RecoveryStore
import RecoveryTraining

/// Reading `--store`: which server, whose credentials, and never a password on screen.
@Suite("store address")
struct StoreAddressTests {
    @Test func aURLGivesServerUserDatabaseAndPasswordButShowsNoPassword() throws {
        let store = try StoreAddress.parse("postgres://coach:s3cr%40t@db.example:6543/recovery?sslmode=require", environment: [:])
        guard case .postgres(let address) = store else { Issue.record("not a server: \(store)"); return }
        #expect(address.host == "db.example" && address.port == 6543 && address.user == "coach" && address.database == "recovery")
        #expect(address.password == "s3cr@t" && address.tls == .require)
        #expect(store.displayName == "postgres://coach@db.example:6543/recovery")
        #expect(!store.displayName.contains("s3cr"))
    }

    @Test func whatTheURLLeavesOutComesFromTheEnvironmentAsPsqlReadsIt() throws {
        let environment = ["PGHOST": "pg.internal", "PGPORT": "5433", "PGUSER": "mgr", "PGPASSWORD": "pw", "PGDATABASE": "calls", "PGSSLMODE": "disable"]
        guard case .postgres(let address) = try StoreAddress.parse("postgresql://", environment: environment) else { Issue.record("not a server"); return }
        #expect(address.host == "pg.internal" && address.port == 5433 && address.user == "mgr" && address.database == "calls")
        #expect(address.password == "pw" && address.tls == .disable)
    }

    @Test func thePasswordFileAnswersWhenNothingElseDoesAndOnlyWhenPrivate() throws {
        let path = NSTemporaryDirectory() + "pgpass-\(UUID().uuidString)"
        try "# comment\nother:5432:*:coach:wrong\ndb.example:*:recovery:coach:pa\\:ss\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let url = "postgres://coach@db.example/recovery"
        guard case .postgres(let address) = try StoreAddress.parse(url, environment: ["PGPASSFILE": path]) else { return }
        #expect(address.password == "pa:ss")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        guard case .postgres(let open) = try StoreAddress.parse(url, environment: ["PGPASSFILE": path]) else { return }
        #expect(open.password == nil, "libpq ignores a password file others can read, and so do we")
    }

    @Test func aFolderIsAFolderAndAnUnknownSchemeOrParameterIsRefusedByName() throws {
        #expect(try StoreAddress.parse("/srv/calls", environment: [:]) == .folder("/srv/calls"))
        #expect(try StoreAddress.parse("file:///srv/calls", environment: [:]) == .folder("/srv/calls"))
        #expect(throws: StorageError.self) { try StoreAddress.parse("mysql://db/calls", environment: [:]) }
        do {
            _ = try StoreAddress.parse("postgres://db/calls?sslmod=require", environment: [:])
            Issue.record("a misspelt parameter was accepted")
        } catch {
            #expect(error.description.contains("'sslmod'"))
        }
    }
}
