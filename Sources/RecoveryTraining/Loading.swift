import Foundation
import RecoveryCore
import RecoveryScenario
import RecoveryScoring

/// A value that loads on its own thread while a call opens; asking for it waits until it is ready.
/// The analyzer loads this way (compiling behaviors.yaml and reading the model takes longer than
/// printing the briefing, and nothing needs it before the first reply), and so does a scenario
/// whose briefing is already known (`CallPreparation`): the first prompt does not wait for either.
public final class Loading<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var loaded: Result<Value, DiagnosticError>?

    /// Starts `work` on a new thread; `background` lowers the thread's priority below the one
    /// printing the briefing, so that on a busy machine it does not delay the first prompt: it
    /// gets the processor while the trainee reads.
    public init(background: Bool, _ work: @escaping @Sendable () throws(DiagnosticError) -> Value) {
        Thread.detachNewThread { [self] in
            if background { Self.yieldToForeground() }
            let result = Result { () throws(DiagnosticError) in try work() }
            condition.lock()
            loaded = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// A value that is already loaded.
    public init(ready value: Value) { loaded = .success(value) }

    /// The value, or why it could not load; waits for the loading thread.
    public var result: Result<Value, DiagnosticError> {
        condition.lock()
        defer { condition.unlock() }
        while loaded == nil { condition.wait() }
        return loaded!
    }

    /// Why the value could not load, if it could not (waits for the loading thread).
    public var failure: DiagnosticError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    /// The value; a failure to load is a programming error here (check `failure` first).
    var value: Value {
        switch result {
        case .success(let value): return value
        case .failure(let error): preconditionFailure("\(Value.self) failed to load: \(error)")
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
}

/// The analyzer of a call, loading.
public typealias AnalyzerLoading = Loading<Analyzer>

extension Loading where Value == Analyzer {
    /// Starts loading the behaviours file at `path` (and the model beside it) on a background thread.
    public convenience init(path: String) {
        self.init(background: true) { () throws(DiagnosticError) in try Analyzer.load(path: path) }
    }
}

/// A scenario as a call plays it: decoded, with its intents compiled for the analyzer. A class,
/// so that handing it out of `Loading` (once per reply, for the intents) retains one object.
public final class LoadedScenario: Sendable {
    /// The scenario.
    public let scenario: Scenario
    /// Its intents, compiled once.
    public let intents: PhraseSet

    /// `scenario` with its intents compiled.
    public init(_ scenario: Scenario) {
        self.scenario = scenario
        intents = PhraseSet(scenario.intents)
    }
}
