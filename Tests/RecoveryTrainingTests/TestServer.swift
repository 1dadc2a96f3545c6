import Foundation
import Testing

@testable import RecoveryStore
import RecoveryTraining

/// The PostgreSQL server the store tests run against: `RECOVERY_TEST_STORE`, which
/// `scripts/start-test-postgres` prints and `.ci/run` sets. Each test gets a database of its own.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["RECOVERY_TEST_STORE"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether the server can be reached; when `.ci/run` says one must be
    /// (`RECOVERY_TEST_STORE_REQUIRED=1`), the tests run and fail instead of skipping.
    static let available: Bool = {
        guard let url, case .postgres(let address)? = try? StoreAddress.parse(url) else { return false }
        if ProcessInfo.processInfo.environment["RECOVERY_TEST_STORE_REQUIRED"] == "1" { return true }
        return (try? PostgresCallStore.open(address, timeout: 2)) != nil
    }()

    /// Why the store tests are skipped, when they are.
    static let skipReason: Comment = url == nil
        ? "no PostgreSQL server named: run eval \"$(scripts/start-test-postgres)\" first (.ci/run does) to run the team-store tests"
        : "the PostgreSQL server in RECOVERY_TEST_STORE cannot be reached; the team-store tests are skipped"

    /// A new, empty database on the test server (dropped when the test's process ends is not
    /// needed: names are unique and the server is throwaway).
    static func freshDatabase() throws -> PostgresAddress {
        guard let url, case .postgres(var address) = try StoreAddress.parse(url) else {
            throw StorageError(description: "RECOVERY_TEST_STORE is not a postgres:// URL")
        }
        let admin = try PostgresCallStore.open(address)
        let name = "recovery_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        _ = try admin.run(.init(unsafeSQL: "CREATE DATABASE \(name)"), doing: "creating a test database")
        address.database = String(name)
        return address
    }
}
