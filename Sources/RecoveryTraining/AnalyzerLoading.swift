import Foundation
import RecoveryCore
import RecoveryScoring

/// An analyzer that loads on its own thread while a call opens: compiling behaviors.yaml and
/// reading the model takes longer than loading the scenario and printing the briefing, and
/// nothing needs the analyzer before the first reply. Asking for it waits until it is ready.
/// The thread runs at a lower priority than the one printing the briefing, so that on a busy
/// machine it does not delay the first prompt: it gets the processor while the trainee reads.
public final class AnalyzerLoading: @unchecked Sendable {
    private let condition = NSCondition()
    private var loaded: Result<Analyzer, DiagnosticError>?

    /// Starts loading the behaviours file at `path` (and the model beside it) on a new thread.
    public init(path: String) {
        Thread.detachNewThread { [self] in
            Self.yieldToForeground()
            let result = Result { () throws(DiagnosticError) in try Analyzer.load(path: path) }
            condition.lock()
            loaded = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Lowers the calling thread's priority (Linux: its nice value, which is per thread there, so
    /// `who` 0 is this thread alone; elsewhere: its quality of service).
    private static func yieldToForeground() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #else
        Thread.current.qualityOfService = .utility
        #endif
    }

    /// An analyzer that is already loaded.
    public init(ready analyzer: Analyzer) { loaded = .success(analyzer) }

    /// The analyzer, or why it could not load; waits for the loading thread.
    public var result: Result<Analyzer, DiagnosticError> {
        condition.lock()
        defer { condition.unlock() }
        while loaded == nil { condition.wait() }
        return loaded!
    }
}
