import Foundation
import RecoveryTraining

/// A PostgreSQL server and database, with the credentials to reach it. The password comes from
/// the URL, `PGPASSWORD` or the password file (`PGPASSFILE`, else `~/.pgpass`), in that order,
/// as `psql` finds it; it is never part of `displayName` or any message.
public struct PostgresAddress: Sendable, Equatable {
    /// How the connection is encrypted (`sslmode` in the URL or `PGSSLMODE`).
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    /// Host name or address; a path starting with `/` is the folder of a Unix socket.
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var tls: TLSMode
    /// The password, when one was found.
    var password: String?

    /// Parses `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=…&host=/socket/dir`; what
    /// the URL leaves out comes from `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`,
    /// then libpq's defaults (localhost, 5432, the login name, a database named after the user).
    public static func parse(_ url: String, environment: [String: String]) throws(StorageError) -> PostgresAddress {
        guard let parts = URLComponents(string: url) else {
            throw StorageError(description: "the store URL is not a valid URL; the form is postgres://USER@HOST:PORT/DATABASE")
        }
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let known: Set = ["sslmode", "host", "port", "user", "dbname"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw StorageError(description: "the store URL's parameter '\(unknown)' is not one recovery knows (sslmode, host, port, user, dbname)")
        }
        func setting(_ value: String?, _ name: String) -> String? {
            if let value, !value.isEmpty { return value }
            return environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        let user = setting(query["user"] ?? parts.user, "PGUSER") ?? environment["USER"] ?? NSUserName()
        let portText = setting(query["port"] ?? parts.port.map(String.init), "PGPORT") ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw StorageError(description: "the store's port '\(portText)' is not a number from 1 to 65535")
        }
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        let modeText = setting(query["sslmode"], "PGSSLMODE") ?? "prefer"
        guard let tls = TLSMode(rawValue: modeText) else {
            throw StorageError(description: "sslmode '\(modeText)' is not one recovery knows: disable, prefer or require")
        }
        var address = PostgresAddress(
            host: setting(query["host"] ?? parts.host, "PGHOST") ?? "localhost", port: port, user: user,
            database: setting(query["dbname"] ?? (path.isEmpty ? nil : path), "PGDATABASE") ?? user, tls: tls)
        address.password = setting(parts.password, "PGPASSWORD")
            ?? PasswordFile.password(for: address, path: environment["PGPASSFILE"] ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass")
        return address
    }

    /// `postgres://USER@HOST:PORT/DATABASE`, without the password.
    public var displayName: String {
        let place = host.hasPrefix("/") ? "localhost" : host.contains(":") ? "[\(host)]" : host
        let socket = host.hasPrefix("/") ? "?host=\(host)" : ""
        return "postgres://\(user)@\(place)\(port == 5432 ? "" : ":\(port)")/\(database)\(socket)"
    }
}
