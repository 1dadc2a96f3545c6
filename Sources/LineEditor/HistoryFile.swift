import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// readline's in-memory history, optionally kept in a file (mode 0600, parents created).
struct HistoryFile {
    /// How many lines are kept in memory and in the file.
    static let capacity: Int32 = 1000

    let path: String?

    /// Replaces readline's history with the file's, creating the file (and missing parent
    /// directories, mode 0700) if needed.
    init(path: String?) {
        self.path = path
        clear_history()
        stifle_history(Self.capacity)
        guard let path, Self.prepare(path) else { return }
        _ = read_history(path)
        _ = history_truncate_file(path, Self.capacity)
    }

    /// Adds an accepted line unless it is blank or repeats the previous entry; appends it to the file.
    func record(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }), line != lastEntry else { return }
        add_history(line)
        guard let path else { return }
        if append_history(1, path) != 0 { _ = write_history(path) }
    }

    /// The most recent history entry, if any.
    var lastEntry: String? {
        guard history_length > 0, let entry = history_get(history_base + history_length - 1),
              let line = entry.pointee.line else { return nil }
        return String(cString: line)
    }

    /// Makes sure `path` exists as a file only its owner can read; false if that is impossible.
    static func prepare(_ path: String) -> Bool {
        if access(path, F_OK) == 0 { return true }
        makeDirectories(for: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor); return true }
        return errno == EEXIST
    }

    /// Creates each missing directory above `path` with mode 0700.
    private static func makeDirectories(for path: String) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/").dropLast() {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return }
        }
    }
}
