import Foundation
import RecoveryCore
import RecoveryScoring

/// An analyzer that loads on its own thread while a call opens: compiling behaviors.yaml and
/// reading the model takes longer than loading the scenario and printing the briefing, and
/// nothing needs the analyzer before the first reply. Asking for it waits until it is ready.
public final class AnalyzerLoading: @unchecked Sendable {
    private let condition = NSCondition()
    private var loaded: Result<Analyzer, DiagnosticError>?

    /// Starts loading the behaviours file at `path` (and the model beside it) on a new thread.
    public init(path: String) {
        Thread.detachNewThread { [self] in
            let result = Result { () throws(DiagnosticError) in try Analyzer.load(path: path) }
            condition.lock()
            loaded = result
            condition.broadcast()
            condition.unlock()
        }
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
