import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import RecoveryTraining

/// A team's calls in a PostgreSQL database: each call stored whole (the sealed transcript,
/// byte for byte, as JSON) under its id, with indexed columns for trainee, team, scenario,
/// date, outcome and score. Opening it creates or migrates the schema.
public final class PostgresCallStore: Sendable {
    /// The server and database, for messages (`displayName` has no password).
    public let address: PostgresAddress
    private let connection: PostgresConnection
    private let logger: Logger
    private let queryTimeout: Int64

    private init(address: PostgresAddress, connection: PostgresConnection, logger: Logger, queryTimeout: Int64) {
        self.address = address
        self.queryTimeout = queryTimeout
        self.connection = connection
        self.logger = logger
    }

    /// Connects (giving up after `timeout` seconds) and brings the schema up to date; a query
    /// gets six times as long.
    public static func open(_ address: PostgresAddress, timeout: Int64 = 5) throws(StorageError) -> PostgresCallStore {
        let logger = Logger(label: "recovery.store") { _ in SwiftLogNoOpLogHandler() }
        let configuration = try configuration(for: address, timeout: timeout)
        let doing = "cannot open the team store \(address.displayName)"
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration,
                                                        id: 1, logger: logger).wait()
        } catch {
            throw StorageError(description: "\(doing): \(StoreErrors.describe(error))")
        }
        let store = PostgresCallStore(address: address, connection: connection, logger: logger, queryTimeout: max(timeout, 1) * 6)
        try StoreSchema.migrate({ query, doing throws(StorageError) in try store.run(query, doing: doing) }, doing: doing)
        return store
    }

    /// Runs `query` and waits for all its rows, at most `queryTimeout` seconds (a server that
    /// went silent must not hang a trainee's call); an error says what was being done. After a
    /// timeout the connection is closed, so every later query fails at once.
    func run(_ query: PostgresQuery, doing: String) throws(StorageError) -> PostgresQueryResult {
        guard !connection.isClosed else { throw StorageError(description: "\(doing): the server closed the connection") }
        let eventLoop = connection.eventLoop
        let answer = eventLoop.makePromise(of: PostgresQueryResult.self)
        connection.query(query, logger: logger).cascade(to: answer)
        let seconds = queryTimeout
        let timer = eventLoop.scheduleTask(in: .seconds(seconds)) { answer.fail(QueryTimeout(seconds: seconds)) }
        defer { timer.cancel() }
        do { return try answer.futureResult.wait() } catch {
            if error is QueryTimeout { let closing: EventLoopFuture<Void> = connection.close(); _ = closing }
            throw StorageError(description: "\(doing): \(StoreErrors.describe(error))")
        }
    }

    /// The rows of `query` decoded as `Columns`.
    func rows<each Column: PostgresDecodable>(_ query: PostgresQuery, as columns: (repeat each Column).Type, doing: String) throws(StorageError) -> [(repeat each Column)] {
        let result = try run(query, doing: doing)
        do { return try result.map { try $0.decode(columns) } } catch {
            throw StorageError(description: "\(doing): \(StoreErrors.describe(error))")
        }
    }

    /// What happened to a call put into the store.
    public enum PutResult: String, Sendable {
        /// It was not there: now it is.
        case added
        /// It was there with fewer replies or other content: replaced by this longer or later copy.
        case updated
        /// The store already holds this copy, or a copy with more replies: left alone.
        case unchanged
    }

    /// Stores the call `data` holds (its sealed bytes, kept exactly), under the call's id.
    /// A copy with fewer replies never replaces one with more, so saving or importing the
    /// same call again, in any order, never loses a reply or doubles the call.
    @discardableResult
    public func put(_ transcript: Transcript, data: Data, team: String? = nil) throws(StorageError) -> PutResult {
        guard let id = UUID(uuidString: transcript.callID) else { throw StorageError(description: "the call has no valid id") }
        let text = String(decoding: data, as: UTF8.self)
        let trainee = transcript.trainee, key = Roster.key(transcript.trainee), scenario = transcript.scenario.id
        let started = transcript.startedAt, outcome = CallSummary.outcomeName(transcript), score = transcript.grade?.score
        let replies = transcript.turns.count
        let inserted = try rows("""
            INSERT INTO recovery_calls (id, trainee, trainee_key, team, scenario, started_at, outcome, score, replies, transcript)
            VALUES (\(id), \(trainee), \(key), \(team), \(scenario), \(started), \(outcome), \(score), \(replies), \(text)::json)
            ON CONFLICT (id) DO UPDATE SET
                trainee = EXCLUDED.trainee, trainee_key = EXCLUDED.trainee_key, team = coalesce(EXCLUDED.team, recovery_calls.team),
                scenario = EXCLUDED.scenario, started_at = EXCLUDED.started_at, outcome = EXCLUDED.outcome,
                score = EXCLUDED.score, replies = EXCLUDED.replies, transcript = EXCLUDED.transcript, saved_at = now()
            WHERE recovery_calls.replies <= EXCLUDED.replies
              AND recovery_calls.transcript::text IS DISTINCT FROM EXCLUDED.transcript::text
            RETURNING (xmax = 0)
            """, as: Bool.self, doing: "cannot save the call in the team store \(address.displayName)")
        guard let first = inserted.first else { return .unchanged }
        return first ? .added : .updated
    }

    /// Saves a call in progress: its sealed encoding, put under its id.
    public func save(_ transcript: Transcript, team: String? = nil) throws(StorageError) {
        let data: Data
        do { data = try transcript.sealedEncoding() } catch { throw StorageError(description: "cannot encode the transcript: \(error)") }
        try put(transcript, data: data, team: team)
    }

    /// The saved bytes of the call with `id`, or nil when the store has no such call.
    public func transcriptData(id: String) throws(StorageError) -> Data? {
        guard let uuid = UUID(uuidString: id) else { return nil }
        let texts = try rows("SELECT transcript::text FROM recovery_calls WHERE id = \(uuid)", as: String.self,
                             doing: "cannot read call \(id) from the team store \(address.displayName)")
        return texts.first.map { Data($0.utf8) }
    }

    /// Hands every call `filter` lets through to `body`, in date order, `pageSize` calls at a
    /// time (so a large store is never held in memory at once); each document's path is
    /// `store:ID`.
    public func forEachPage(_ filter: StoreFilter = StoreFilter(), pageSize: Int = 2000,
                            _ body: ([TranscriptDocument]) -> Void) throws(StorageError) {
        var after: (Date, UUID)?
        while true {
            let page = try fetchPage(filter, after: after, limit: pageSize)
            if page.isEmpty { return }
            body(page.map { TranscriptDocument(path: "store:\($0.id.uuidString.lowercased())", data: Data($0.text.utf8)) })
            guard page.count == pageSize, let last = page.last else { return }
            after = (last.started, last.id)
        }
    }

    /// How many calls the store holds.
    public func count() throws(StorageError) -> Int {
        try rows("SELECT count(*)::bigint FROM recovery_calls", as: Int.self,
                 doing: "cannot count the calls in the team store \(address.displayName)").first ?? 0
    }

    /// The schema version the database is at.
    public func schemaVersion() throws(StorageError) -> Int {
        try rows("SELECT coalesce(max(version), 0) FROM recovery_schema", as: Int.self,
                 doing: "cannot read the schema version of \(address.displayName)").first ?? 0
    }

    // PostgresNIO requires a connection closed before it goes; the stores live on the
    // commands' thread, never on an event loop, so waiting here is safe.
    deinit {
        try? connection.close().wait()
    }

    private struct Row: Sendable {
        let id: UUID
        let started: Date
        let text: String
    }

    private func fetchPage(_ filter: StoreFilter, after: (Date, UUID)?, limit: Int) throws(StorageError) -> [Row] {
        let scenarios = filter.scenarios, noScenarios = filter.scenarios.isEmpty
        let since = filter.since ?? .distantPast, until = filter.until ?? .distantFuture
        let afterDate = after?.0 ?? .distantPast, afterID = after?.1 ?? UUID(uuidString: "00000000-0000-0000-0000-000000000000")!
        return try rows("""
            SELECT id, started_at, transcript::text FROM recovery_calls
            WHERE (\(noScenarios) OR scenario = ANY(\(scenarios)))
              AND started_at >= \(since) AND started_at < \(until)
              AND (started_at, id) > (\(afterDate), \(afterID))
            ORDER BY started_at, id
            LIMIT \(limit)
            """, as: (UUID, Date, String).self, doing: "cannot read calls from the team store \(address.displayName)")
            .map { Row(id: $0.0, started: $0.1, text: $0.2) }
    }

    private static func configuration(for address: PostgresAddress, timeout: Int64) throws(StorageError) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if address.host.hasPrefix("/") {
            let socket = (address.host as NSString).appendingPathComponent(".s.PGSQL.\(address.port)")
            configuration = .init(unixSocketPath: socket, username: address.user, password: address.password, database: address.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            do {
                switch address.tls {
                case .disable: tls = .disable
                case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
                case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                }
            } catch {
                throw StorageError(description: "cannot set up TLS for \(address.displayName): \(error)")
            }
            configuration = .init(host: address.host, port: address.port, username: address.user, password: address.password,
                                  database: address.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(timeout)
        return configuration
    }
}

/// A query that got no answer in time.
struct QueryTimeout: Error, CustomStringConvertible {
    let seconds: Int64
    var description: String { "no answer from the server in \(seconds) s" }
}

/// The filters a store can apply itself (the review applies every filter again, exactly).
public struct StoreFilter: Sendable {
    /// Only these scenario ids; empty for all.
    public var scenarios: [String] = []
    /// Only calls started at or after this moment.
    public var since: Date?
    /// Only calls started before this moment.
    public var until: Date?

    /// Every call.
    public init() {}

    /// The part of `query` the store can apply.
    public init(_ query: ReviewQuery) {
        scenarios = query.scenarios
        since = query.since
        until = query.until
    }
}
