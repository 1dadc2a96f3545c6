import Foundation
import RecoveryCore

/// A seal over a saved call's whole content: a digest of the transcript as written without
/// its seal, and one short digest per field (and per reply), so an edit of any field is seen
/// and named. With a site key (`RECOVERY_SEAL_KEY`, or a file named by `RECOVERY_SEAL_KEY_FILE`)
/// the digests are HMAC-SHA-256 under it, so someone who edits a call without the key cannot
/// seal it again; without one they are plain SHA-256, which catches an edit but not a re-seal.
public struct TranscriptSeal: Codable, Sendable, Equatable {
    /// `hmac-sha256` (with a site key) or `sha256`.
    public var method: String
    /// The digest of the whole transcript as written without its seal.
    public var digest: String
    /// A 16-hex-digit digest of each top-level field, and of each reply as `turns[N]`.
    public var fields: [String: String]

    static let keyed = "hmac-sha256", plain = "sha256"
}

/// The site key that seals and checks calls on this machine, if one is set.
public enum SealKey {
    /// `RECOVERY_SEAL_KEY`, else the contents of the file `RECOVERY_SEAL_KEY_FILE` names (trimmed).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [UInt8]? {
        if let key = environment["RECOVERY_SEAL_KEY"], !key.isEmpty { return Array(key.utf8) }
        if let path = environment["RECOVERY_SEAL_KEY_FILE"], let data = FileManager.default.contents(atPath: path) {
            let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return key.isEmpty ? nil : Array(key.utf8)
        }
        return nil
    }

    /// The key of this process, read once.
    public static let current: [UInt8]? = fromEnvironment()
}

extension Transcript {
    /// The transcript as saved: `encoded()` with a seal over everything else, under `key`.
    public func sealedEncoding(key: [UInt8]? = SealKey.current) throws -> Data {
        var unsealed = self
        unsealed.seal = nil
        let content = try unsealed.encoded()
        var sealed = self
        sealed.seal = TranscriptSeal(method: key == nil ? TranscriptSeal.plain : TranscriptSeal.keyed,
                                     digest: Self.digest(Array(content), key: key), fields: try Self.fieldDigests(content, key: key))
        return try sealed.encoded()
    }

    /// What is wrong with the seal of the saved call `data` (nil: it is intact), checked with
    /// `key`; an edit is named by the fields it changed. A file only laid out again (another
    /// indentation, keys in another order) with every field as sealed is intact.
    public static func sealProblem(_ data: Data, key: [UInt8]? = SealKey.current) -> String? {
        let split = splitSeal(data)
        var object: [String: Any]? = nil
        var seal = split.flatMap { try? JSONDecoder().decode(TranscriptSeal.self, from: $0.seal) }
        if seal == nil {
            object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            if let member = object?["seal"], let bytes = try? JSONSerialization.data(withJSONObject: member) {
                seal = try? JSONDecoder().decode(TranscriptSeal.self, from: bytes)
            }
        }
        guard let seal else { return "no seal: saved before calls were sealed, or its seal was removed" }
        switch (seal.method, key) {
        case (TranscriptSeal.keyed, nil):
            return "sealed with a site key this machine does not have (set RECOVERY_SEAL_KEY or RECOVERY_SEAL_KEY_FILE to check it)"
        case (TranscriptSeal.plain, _?):
            return "not sealed with the site key: sealed again by someone without it, or saved where no key was set"
        case (TranscriptSeal.keyed, _?), (TranscriptSeal.plain, nil):
            if let split, digest(split.content, key: key) == seal.digest { return nil }
        default:
            return "a seal of an unknown kind ('\(seal.method)')"
        }
        if object == nil { object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] }
        guard var content = object, let fields = try? fieldDigests(of: { content["seal"] = nil; return content }(), key: key) else {
            return "edited after the call: it is no longer a transcript"
        }
        var changed = Set(fields.keys).union(seal.fields.keys).filter { fields[$0] != seal.fields[$0] }
        // Every field as sealed: the file was only laid out again.
        guard !changed.isEmpty else { return nil }
        if key != nil, changed.count == Set(fields.keys).union(seal.fields.keys).count {
            return "sealed with another site key than this machine's (or every field was edited)"
        }
        // A changed reply is named by its number, not also as "turns".
        if changed.contains(where: { $0.hasPrefix("turns[") }) { changed.remove("turns") }
        return "edited after the call: \(changed.sorted(by: fieldOrder).joined(separator: ", ")) changed"
    }

    /// The file without its seal member, and the seal's JSON: the bytes `encoded()` wrote before
    /// the seal was added, exactly.
    static func splitSeal(_ data: Data) -> (content: [UInt8], seal: Data)? {
        let bytes = [UInt8](data)
        let open = Array("\n  \"seal\" : {".utf8), close = Array("\n  },\n".utf8)
        guard let start = find(open, in: bytes, from: 0), let end = find(close, in: bytes, from: start + open.count) else { return nil }
        let member = start + 1, after = end + close.count
        let sealJSON = Data(bytes[(start + open.count - 1)...(end + 3)])
        return (Array(bytes[..<member]) + Array(bytes[after...]), sealJSON)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func digest(_ bytes: [UInt8], key: [UInt8]?) -> String {
        key.map { HMACSHA256.hex(key: $0, bytes) } ?? SHA256.hex(bytes)
    }

    /// The short digest of every top-level field of the unsealed JSON `content`, and of each reply.
    static func fieldDigests(_ content: some Collection<UInt8>, key: [UInt8]?) throws -> [String: String] {
        guard let object = try JSONSerialization.jsonObject(with: Data(content)) as? [String: Any] else { return [:] }
        return try fieldDigests(of: object, key: key)
    }

    /// The short digest of every field of the parsed transcript `object` (without its seal).
    static func fieldDigests(of object: [String: Any], key: [UInt8]?) throws -> [String: String] {
        func short(_ value: Any) throws -> String {
            let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
            return String(digest(Array(data), key: key).prefix(16))
        }
        var fields: [String: String] = [:]
        for (name, value) in object {
            fields[name] = try short(value)
            if name == "turns", let turns = value as? [Any] {
                for (index, turn) in turns.enumerated() { fields["turns[\(index + 1)]"] = try short(turn) }
            }
        }
        return fields
    }

    /// Field names in reading order: replies by number after the other fields.
    private static func fieldOrder(_ a: String, _ b: String) -> Bool {
        let replyA = a.hasPrefix("turns["), replyB = b.hasPrefix("turns[")
        if replyA != replyB { return !replyA }
        if replyA, let x = Int(a.dropFirst(6).dropLast()), let y = Int(b.dropFirst(6).dropLast()) { return x < y }
        return a < b
    }
}
