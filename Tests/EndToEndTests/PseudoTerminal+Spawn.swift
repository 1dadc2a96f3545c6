import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension PseudoTerminal {
    /// Spawns the child as a session leader whose controlling terminal (and stdin, stdout,
    /// stderr) is the pseudo-terminal `terminal`, with default signal dispositions and no
    /// blocked signals. posix_spawn, not fork: the test process is multithreaded.
    static func spawn(
        _ executable: String, arguments: [String], environment: [String: String],
        terminal: String, workingDirectory: String?
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        // setsid happens before the file actions, so opening the terminal makes it the controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        if let workingDirectory {
            guard let addchdir = Self.addChdirAction else {
                throw Failure(description: "posix_spawn_file_actions_addchdir_np is not available")
            }
            _ = addchdir(&actions, workingDirectory)
        }
        var defaults = sigset_t()
        sigfillset(&defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        let flags = Self.spawnSetSID | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// glibc's POSIX_SPAWN_SETSID, which the Glibc module does not export (it needs _GNU_SOURCE).
    private static let spawnSetSID: Int32 = 0x80

    private typealias AddChdir = @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
    ) -> Int32

    /// glibc's posix_spawn_file_actions_addchdir_np (2.29+), looked up at run time for the same reason.
    private static var addChdirAction: AddChdir? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }

    /// An environment for a terminal program: `PATH`, `TERM=xterm`, a UTF-8 locale, and `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "TERM": "xterm",
            "LANG": "C.UTF-8",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// The path of an executable product built next to this test binary (any scratch path).
    static func builtProduct(named name: String) -> String {
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
        // On Darwin the test binary sits inside a bundle: Foo.xctest/Contents/MacOS/Foo.
        while directory.path.contains(".xctest") { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent(name).path
    }
}
