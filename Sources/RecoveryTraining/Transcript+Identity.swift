import Foundation
import RecoveryCore

extension Transcript {
    /// The call's identity, the same at every save of the call (in a folder or a store) and
    /// after a round trip through JSON: a UUID from the trainee, the scenario, the start (to the
    /// second, as saved) and the seed. A store keeps one row per id, so importing a call twice,
    /// or saving it after every reply, never doubles it.
    public var callID: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return Self.stableUUID("\(trainee)|\(scenario.id)|\(formatter.string(from: startedAt))|\(seed)")
    }

    /// A UUID in the version 5 layout from the SHA-256 of `name`: the same name, the same id.
    static func stableUUID(_ name: String) -> String {
        var bytes = Array(SHA256.digest(Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0f) | 0x50
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = SHA256.lowercaseHex(bytes)
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.map(String.init).joined(separator: "-")
    }
}
