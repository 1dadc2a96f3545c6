import Foundation

extension TranscriptStore {
    /// How old a temporary file must be before it counts as left over: a save takes
    /// milliseconds, so a file this old belongs to a process that was killed mid-save.
    public static let leftoverAge: TimeInterval = 10 * 60

    /// Removes the temporary files (`.NAME.json.PID.RANDOM.tmp`, `.NAME.md.…`) that saves killed
    /// half-way left in `directory`, when older than `leftoverAge`; returns the names removed.
    /// Transcripts themselves are never touched: a killed save leaves them whole.
    @discardableResult
    public static func removeLeftoverTemporaries(in directory: String, now: Date = Date()) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var removed: [String] = []
        for name in names.sorted() where isTemporaryName(name) {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  (attributes[.type] as? FileAttributeType) == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > leftoverAge else { continue }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(name) }
        }
        return removed
    }

    /// Whether `name` has the shape of this store's temporary files.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        // NAME (may contain dots) . json|md . PID . RANDOM . tmp
        guard parts.count >= 5 else { return false }
        let kind = parts[parts.count - 4], pid = parts[parts.count - 3], random = parts[parts.count - 2]
        return (kind == "json" || kind == "md") && pid.allSatisfy(\.isNumber) && random.allSatisfy(\.isNumber)
    }
}
