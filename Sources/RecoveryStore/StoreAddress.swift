import Foundation
import RecoveryTraining

/// Where a team's calls live: a folder of transcript files (the default), or a PostgreSQL
/// server shared by every site.
public enum StoreAddress: Sendable, Equatable {
    /// A folder of `*.json` transcripts.
    case folder(String)
    /// A PostgreSQL database.
    case postgres(PostgresAddress)

    /// Reads `--store` or `RECOVERY_STORE`: `postgres://…` or `postgresql://…` for a server
    /// (credentials from the URL, the `PG…` environment or `~/.pgpass`), a path or `file://…`
    /// for a folder. Any other scheme is refused, naming the ones understood.
    public static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StorageError) -> StoreAddress {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("file://") { return .folder(String(trimmed.dropFirst("file://".count))) }
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            return .postgres(try PostgresAddress.parse(trimmed, environment: environment))
        }
        if let scheme = trimmed.range(of: "://") {
            throw StorageError(description: "the store '\(trimmed[..<scheme.lowerBound])://…' is not one recovery knows: use postgres://USER@HOST/DATABASE for a server, or a folder path")
        }
        guard !trimmed.isEmpty else { throw StorageError(description: "the store is empty: give postgres://USER@HOST/DATABASE or a folder path") }
        return .folder(trimmed)
    }

    /// The store in words, never with a password.
    public var displayName: String {
        switch self {
        case .folder(let path): path
        case .postgres(let address): address.displayName
        }
    }
}
