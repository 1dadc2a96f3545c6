import Foundation
import PostgresNIO
import RecoveryTraining

/// The store's tables, created and brought up to date by the program itself. Each migration
/// runs once, in order, in one transaction, under an advisory lock so two programs starting
/// at once never both run it; the versions applied are listed in `recovery_schema`.
enum StoreSchema {
    /// One step of the schema: its version, what it does, and its statements.
    struct Migration: Sendable {
        let version: Int
        let description: String
        let statements: [String]
    }

    /// Every migration, oldest first. Append; never edit one that has shipped.
    static let migrations: [Migration] = [
        Migration(version: 1, description: "calls, whole, with indexed columns", statements: [
            """
            CREATE TABLE recovery_calls (
                id uuid PRIMARY KEY,
                trainee text NOT NULL,
                trainee_key text NOT NULL,
                team text,
                scenario text NOT NULL,
                started_at timestamptz NOT NULL,
                outcome text NOT NULL,
                score integer,
                replies integer NOT NULL,
                transcript json NOT NULL,
                saved_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX recovery_calls_started ON recovery_calls (started_at, id)",
            "CREATE INDEX recovery_calls_trainee ON recovery_calls (trainee_key, started_at)",
            "CREATE INDEX recovery_calls_team ON recovery_calls (team, started_at)",
            "CREATE INDEX recovery_calls_scenario ON recovery_calls (scenario, started_at)",
            "CREATE INDEX recovery_calls_outcome ON recovery_calls (outcome)",
            "CREATE INDEX recovery_calls_score ON recovery_calls (score)",
        ]),
    ]

    /// The newest version this build knows.
    static var latest: Int { migrations.last?.version ?? 0 }

    /// Applies the migrations the database lacks, in one transaction, with `run`; returns the
    /// database's version afterwards. Refuses a database a newer build has migrated beyond what
    /// this one knows.
    @discardableResult
    static func migrate(_ run: (PostgresQuery, String) throws(StorageError) -> PostgresQueryResult, doing: String) throws(StorageError) -> Int {
        _ = try run("BEGIN", doing)
        do throws(StorageError) {
            // 0x7265636f = "reco": one lock number for every recovery program on this database.
            _ = try run("SELECT pg_advisory_xact_lock(1919247215)", doing)
            _ = try run("""
                CREATE TABLE IF NOT EXISTS recovery_schema (
                    version integer PRIMARY KEY,
                    description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, doing)
            var current = 0
            for row in try run("SELECT coalesce(max(version), 0) FROM recovery_schema", doing) {
                current = (try? row.decode(Int.self)) ?? 0
            }
            guard current <= latest else { throw StorageError(description: "\(doing): \(SchemaTooNew(found: current, known: latest))") }
            for migration in migrations where migration.version > current {
                for statement in migration.statements { _ = try run(PostgresQuery(unsafeSQL: statement), doing) }
                _ = try run("INSERT INTO recovery_schema (version, description) VALUES (\(migration.version), \(migration.description))", doing)
                current = migration.version
            }
            _ = try run("COMMIT", doing)
            return current
        } catch {
            _ = try? run("ROLLBACK", doing)
            throw error
        }
    }
}

/// The database was migrated by a newer recovery than this one.
struct SchemaTooNew: Error, CustomStringConvertible {
    let found: Int
    let known: Int
    var description: String {
        "the store's schema is version \(found), newer than this recovery knows (\(known)); update recovery before using this store"
    }
}
