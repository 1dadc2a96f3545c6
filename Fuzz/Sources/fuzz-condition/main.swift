import FuzzSupport
import RecoveryCore
import RecoveryScenario

/// The entry point SwiftPM gives this executable; hands over to libFuzzer.
@_cdecl("fuzz_condition_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzCondition)
}

/// Condition language: any text parses or gives an error inside the text; a condition that parses
/// resolves against a fixed vocabulary and evaluates in a few contexts without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCondition(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let length = source.unicodeScalars.count
    var condition: Condition
    do {
        condition = try Condition.parse(source)
    } catch {
        require(error.offset >= 0 && error.offset <= length, "offset \(error.offset) outside \(length) scalars: \(error)")
        return 0
    }
    for error in condition.resolve(in: vocabulary) {
        require(error.offset >= 0 && error.offset < length, "offset \(error.offset) outside \(length) scalars: \(error)")
        guard case .unknownName(let name) = error.kind else { continue }
        let scalars = Array(source.unicodeScalars)
        let written = String(String.UnicodeScalarView(scalars[error.offset..<min(length, error.offset + name.unicodeScalars.count)]))
        require(written == name, "unknown name '\(name)' is not at offset \(error.offset) of \(source)")
    }
    let first = condition.evaluate(in: contexts[0])
    require(condition.evaluate(in: contexts[0]) == first, "evaluation is not deterministic")
    for context in contexts.dropFirst() { _ = condition.evaluate(in: context) }
    return 0
}

private let vocabulary = ConditionVocabulary(intents: ["refund", "manager", "credit"], flags: ["escalated", "offered_refund"])

private let contexts: [ConditionContext] = {
    let fresh = ConditionContext(vocabulary: vocabulary)
    var busy = ConditionContext(vocabulary: vocabulary, mood: 10)
    busy.record(ReplyAnalysis(text: "sorry, a refund", behaviors: [.apologize, .resolve], intents: ["refund"]), latency: 12.5)
    busy.record(ReplyAnalysis(text: "all", behaviors: Behavior.allCases, intents: vocabulary.intents), latency: 0)
    busy.setFlag("escalated", true)
    var calm = ConditionContext(vocabulary: vocabulary, mood: 0)
    calm.record(ReplyAnalysis(text: "not my fault", behaviors: [.blame, .deflect]), latency: 400)
    calm.setFlag("offered_refund", true)
    calm.setFlag("nonexistent", true)
    return [fresh, busy, calm]
}()
