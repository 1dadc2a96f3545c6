import Foundation
import PostgresNIO

/// PostgreSQL and network errors in a few plain words, without credentials.
enum StoreErrors {
    /// What went wrong, for a one-line message.
    static func describe(_ error: any Error) -> String {
        if let sql = error as? PSQLError {
            if let message = sql.serverInfo?[.message] {
                let code = sql.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + code
            }
            if let underlying = sql.underlying { return describe(underlying) }
            return "\(sql.code)"
        }
        if let transaction = error as? PostgresTransactionError {
            return describe(transaction.closureError ?? transaction.beginError ?? transaction.commitError ?? transaction.rollbackError ?? error)
        }
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("connect timeout") { return "no answer from the server in time" }
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "the server refused the connection (is PostgreSQL running there?)" }
        return text
    }
}
