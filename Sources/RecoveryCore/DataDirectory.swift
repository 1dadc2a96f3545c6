import Foundation

/// A folder of YAML data files named by id (`Scenarios/`, `Scoring/rubrics/`): the one place
/// that turns an id or a path into a file, and lists the ids there.
public enum DataDirectory {
    /// `id` -> `<directory>/id.yaml`; a path to an existing file is used as is.
    public static func resolve(_ idOrPath: String, in directory: String) -> String? {
        if isFile(idOrPath) { return idOrPath }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        for candidate in [base + idOrPath + ".yaml", base + idOrPath] where isFile(candidate) {
            return candidate
        }
        return nil
    }

    /// The suffix of a scenario's sibling test file, which is not a data file of its own.
    public static let testFileSuffix = ".tests.yaml"

    /// The ids of the `*.yaml` files in `directory`, sorted; empty if it cannot be read.
    /// Hidden files and sibling test files (`*.tests.yaml`) are not listed.
    public static func ids(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") && !$0.hasSuffix(testFileSuffix) }
            .map { String($0.dropLast(".yaml".count)) }
            .sorted()
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
