import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT, SIGTERM and SIGHUP into flags that the line readers report instead of dying,
/// and ignores SIGPIPE and SIGXFSZ so that failed writes are errors, not sudden deaths.
///
/// The handlers only store into atomics; they are installed without `SA_RESTART`, so a blocking
/// read returns `EINTR`, and readline's event hook (run while it waits) ends the line.
/// While they are installed Ctrl-C never kills the process: work done between prompts must
/// check `pendingTermination` (and the caller decides what a Ctrl-C means).
public enum SignalMonitor {
    /// Installs the handlers once (later calls do nothing); a signal that is already ignored stays ignored.
    public static func install() {
        guard SignalFlags.installed.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else { return }
        // Touch the flags before any handler can run, so the handler never initialises a global.
        SignalFlags.interrupt.store(0, ordering: .sequentiallyConsistent)
        SignalFlags.termination.store(0, ordering: .sequentiallyConsistent)
        // A parent may have started us with these signals blocked (a thread of a test runner,
        // a supervisor); then they would never arrive. Unblock the ones we handle.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            installHandler(for: signal)
            sigaddset(&handled, signal)
        }
        _ = sigprocmask(SIG_UNBLOCK, &handled, nil)
        // A closed pipe or terminal (SIGPIPE) and a file-size limit (SIGXFSZ) would kill the
        // process mid-call; ignored, they become write errors that the caller reports.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    /// The first SIGTERM or SIGHUP received since `install()`, if any; check it between prompts.
    public static var pendingTermination: Int32? {
        let signal = SignalFlags.termination.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    /// Whether a Ctrl-C arrived that has not been taken yet, taking one: two quick presses
    /// are two interrupts, reported at two prompts.
    static func takeInterrupt() -> Bool {
        var count = SignalFlags.interrupt.load(ordering: .sequentiallyConsistent)
        while count > 0 {
            let (exchanged, current) = SignalFlags.interrupt.compareExchange(
                expected: count, desired: count - 1, ordering: .sequentiallyConsistent)
            if exchanged { return true }
            count = current
        }
        return false
    }

    /// Forgets every recorded signal (tests only: a real termination is final).
    static func resetForTesting() {
        SignalFlags.interrupt.store(0, ordering: .sequentiallyConsistent)
        SignalFlags.termination.store(0, ordering: .sequentiallyConsistent)
    }

    /// Whether any handled signal is waiting to be reported.
    static var hasPendingSignal: Bool {
        SignalFlags.interrupt.load(ordering: .sequentiallyConsistent) != 0
            || SignalFlags.termination.load(ordering: .sequentiallyConsistent) != 0
    }

    private static func installHandler(for signal: Int32) {
        var previous = sigaction()
        guard sigaction(signal, nil, &previous) == 0 else { return }
        #if canImport(Glibc)
        let current = previous.__sigaction_handler.sa_handler
        #else
        let current = previous.__sigaction_u.__sa_handler
        #endif
        if let current, unsafeBitCast(current, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { return }
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = recordSignal
        #else
        action.__sigaction_u.__sa_handler = recordSignal
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: blocking reads return EINTR
        _ = sigaction(signal, &action, nil)
    }
}

/// The flags the handler writes; lock-free atomics, safe to store from a signal handler.
enum SignalFlags {
    static let installed = Atomic<Bool>(false)
    static let interrupt = Atomic<Int32>(0)
    static let termination = Atomic<Int32>(0)
}

/// The signal handler: touches only globals (a capturing C callback crashes the 6.3.1 compiler).
private func recordSignal(_ signal: Int32) {
    if signal == SIGINT {
        SignalFlags.interrupt.wrappingAdd(1, ordering: .sequentiallyConsistent)
    } else {
        _ = SignalFlags.termination.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent)
    }
    // rl_done is deliberately not set here: readline would then stop wherever the signal
    // landed, sometimes without moving to a new line. readline's event hook sets it instead
    // (see ReadlineCallbacks), so readline always ends the line the same way.
}
