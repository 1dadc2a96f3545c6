import Foundation
import RecoveryTraining

/// Saves a call in progress to the team store after every reply. When the server cannot be
/// reached, at the start or in the middle of the call, the call is kept whole in a local
/// folder from then on, the screen says so once, and `recovery store import` moves it in later.
public final class StoreSaver: CallSaver {
    private var store: PostgresCallStore?
    private let address: PostgresAddress
    private let localDirectory: String
    private var local: TranscriptStore?
    private var failure: String?
    private let team: String?

    /// A saver for one call into the store at `address` (connecting now), falling back to
    /// `localDirectory`; `team` fills the store's team column when the roster knows it.
    public init(address: PostgresAddress, localDirectory: String, team: String? = nil, timeout: Int64 = 5) {
        self.address = address
        self.localDirectory = localDirectory
        self.team = team
        do { store = try PostgresCallStore.open(address, timeout: timeout) } catch { fallBack(error) }
    }

    /// The saver for one call: into the server `address` names (falling back to `directory`),
    /// or into the folder `directory` when calls live in folders.
    public static func saver(for address: StoreAddress?, directory: String, team: String?) -> any CallSaver {
        if case .postgres(let server) = address { return StoreSaver(address: server, localDirectory: directory, team: team) }
        return TranscriptStore(directory: directory, fallbackDirectory: NSTemporaryDirectory() + "recovery-transcripts")
    }

    public var destination: String { "the team store \(address.displayName)" }

    public var fallbackNotice: String? {
        guard let failure, let local else { return nil }
        return "\(failure); this call is kept in \(local.directory) — once the server is back, "
            + "'recovery store import \(local.directory) --store \(address.displayName)' moves it in"
    }

    public func save(_ transcript: Transcript) throws(StorageError) -> SavedCall {
        if let store {
            do {
                try store.save(transcript, team: team)
                return SavedCall(transcriptPath: transcript.callID, debriefPath: "recovery debrief \(transcript.callID) --store \(address.displayName)",
                                 storeName: address.displayName)
            } catch {
                fallBack(error)
            }
        }
        return try local!.save(transcript)
    }

    private func fallBack(_ error: StorageError) {
        failure = error.description
        store = nil
        if local == nil {
            local = TranscriptStore(directory: localDirectory, fallbackDirectory: NSTemporaryDirectory() + "recovery-transcripts")
        }
    }
}
