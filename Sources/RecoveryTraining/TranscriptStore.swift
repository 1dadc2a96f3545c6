import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a call was saved: its files, or its row in a shared store.
public struct SavedCall: Sendable, Equatable {
    /// The JSON record (in a store: the call's id).
    public var transcriptPath: String
    /// The Markdown debrief (in a store: the command that renders it).
    public var debriefPath: String
    /// The shared store that holds the call, named without credentials; nil for files.
    public var storeName: String?

    /// A call saved as files, or (with `storeName`) as a row of a shared store.
    public init(transcriptPath: String, debriefPath: String, storeName: String? = nil) {
        self.transcriptPath = transcriptPath
        self.debriefPath = debriefPath
        self.storeName = storeName
    }
}

/// Where a call in progress is saved after every reply: a folder, or a shared store that falls
/// back to a folder when it cannot be reached.
public protocol CallSaver: AnyObject {
    /// Saves (or saves again, in place) the call so far.
    func save(_ transcript: Transcript) throws(StorageError) -> SavedCall
    /// Once saving has moved away from the first choice: what failed and where calls go now,
    /// in one line for the screen; nil while the first choice works.
    var fallbackNotice: String? { get }
    /// Where calls go, in words for the briefing (no credentials).
    var destination: String { get }
}

/// A storage problem, said plainly.
public struct StorageError: Error, CustomStringConvertible, Sendable {
    /// What went wrong and where.
    public var description: String

    /// A problem described in `description`.
    public init(description: String) { self.description = description }
}

/// Writes transcripts and debriefs into a directory, atomically: a reader sees the old file or
/// the new one, never half of one, and two calls finishing at once never take the same name.
public final class TranscriptStore: CallSaver {
    /// The directory written to (the fallback once the first choice failed).
    public private(set) var directory: String
    /// Why the first-choice directory was given up, once it was.
    public private(set) var fallbackReason: String?
    /// The files of the latest save that worked, and how many replies they hold.
    public private(set) var lastSaved: (call: SavedCall, turns: Int)?
    private var fallbackDirectory: String?
    private var baseName: String?

    /// Once the fallback directory is in use: why, and where calls go now.
    public var fallbackNotice: String? { fallbackReason.map { "\($0); saving to \(directory) instead" } }

    /// The directory calls go to.
    public var destination: String { directory }

    /// A store for one call's files in `directory` (created if missing); if that cannot be
    /// written, `fallbackDirectory` is used from then on.
    public init(directory: String, fallbackDirectory: String? = nil) {
        self.directory = directory
        self.fallbackDirectory = fallbackDirectory
    }

    /// Writes (or rewrites) this call's JSON transcript and Markdown debrief, moving to the
    /// fallback directory if the first choice cannot be written. A failed save leaves the files
    /// of the previous one untouched, and its error names them.
    public func save(_ transcript: Transcript) throws(StorageError) -> SavedCall {
        do throws(StorageError) {
            let saved = try saveWithFallback(transcript)
            lastSaved = (saved, transcript.turns.count)
            return saved
        } catch {
            guard let (call, turns) = lastSaved else { throw error }
            let replies = turns == 1 ? "1 reply" : "\(turns) replies"
            throw StorageError(description: "\(error.description); the copy saved earlier (\(replies)) is still at \(call.transcriptPath)")
        }
    }

    private func saveWithFallback(_ transcript: Transcript) throws(StorageError) -> SavedCall {
        do throws(StorageError) {
            return try saveHere(transcript)
        } catch {
            guard let fallback = fallbackDirectory else { throw error }
            fallbackDirectory = nil
            fallbackReason = error.description
            directory = fallback
            baseName = nil
            do throws(StorageError) {
                return try saveHere(transcript)
            } catch let second {
                throw StorageError(description: "\(error.description), and the fallback failed too: \(second.description)")
            }
        }
    }

    private func saveHere(_ transcript: Transcript) throws(StorageError) -> SavedCall {
        let json: Data
        do { json = try transcript.sealedEncoding() } catch { throw StorageError(description: "cannot encode the transcript: \(error)") }
        let markdown = Data(DebriefMarkdown.render(transcript).utf8)
        try createDirectory()
        let base: String
        if let claimed = baseName {
            base = claimed
        } else {
            base = try claimName(for: transcript, json: json)
            Self.removeLeftoverTemporaries(in: directory)
        }
        baseName = base
        let jsonPath = path(base + ".json")
        try Self.writeAtomically(json, to: jsonPath)
        let markdownPath = path(base + ".md")
        try Self.writeAtomically(markdown, to: markdownPath)
        return SavedCall(transcriptPath: jsonPath, debriefPath: markdownPath)
    }

    /// A file name stem such as `2026-11-23T125159Z-ada-cold-house-furnace`.
    public static func stem(for transcript: Transcript) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HHmmss'Z'"
        return "\(formatter.string(from: transcript.startedAt))-\(safe(transcript.trainee))-\(safe(transcript.scenario.id))"
    }

    /// Writes `data` to a temporary file beside `path`, flushes it, and renames it into place.
    public static func writeAtomically(_ data: Data, to path: String) throws(StorageError) {
        let temporary = try writeTemporary(data, near: path)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw StorageError(description: "cannot write \(path): \(reason)")
        }
    }

    private func claimName(for transcript: Transcript, json: Data) throws(StorageError) -> String {
        let stem = Self.stem(for: transcript)
        let temporary = try Self.writeTemporary(json, near: path(stem + ".json"))
        defer { unlink(temporary) }
        for attempt in 1...1000 {
            let candidate = attempt == 1 ? stem : "\(stem)-\(attempt)"
            // link() fails if the name exists: the claim is atomic even against another process.
            if link(temporary, path(candidate + ".json")) == 0 { return candidate }
            guard errno == EEXIST else { break }
        }
        throw StorageError(description: "cannot create a transcript in \(directory): \(String(cString: strerror(errno)))")
    }

    private static func writeTemporary(_ data: Data, near path: String) throws(StorageError) -> String {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw StorageError(description: "cannot write in \(url.deletingLastPathComponent().path): \(String(cString: strerror(errno)))")
        }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw StorageError(description: "cannot write \(path): \(failure)")
        }
        return temporary
    }

    private func createDirectory() throws(StorageError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StorageError(description: "cannot create the transcripts directory \(directory): \(error.localizedDescription)")
        }
    }

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    private static func safe(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        let cleaned = String(name.lowercased().map { allowed.contains($0) ? $0 : "-" }.prefix(40))
        return cleaned.isEmpty ? "trainee" : cleaned
    }
}
