import FuzzSupport
import Foundation
import RecoveryCore
import RecoveryScoring

/// The entry point SwiftPM gives this executable; hands over to libFuzzer.
@_cdecl("fuzz_analyzer_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzAnalyzer)
}

/// Analyzer: any text is read without trapping, and every evidence quote is the reply's own
/// words at its offset (counted in Unicode scalars), once per behaviour or intent found.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let analysis = analyzer.analyze(text, intents: intents)
    require(analysis.text == text, "the analysis does not keep the reply")
    require(analysis.behaviors == analysis.behaviors.sorted(), "behaviours out of order")
    let scalars = Array(text.unicodeScalars)
    for evidence in analysis.evidence {
        let length = evidence.quote.unicodeScalars.count
        require(evidence.offset >= 0 && evidence.offset + length <= scalars.count,
                     "evidence \(evidence) outside a reply of \(scalars.count) scalars")
        let written = String(String.UnicodeScalarView(scalars[evidence.offset..<evidence.offset + length]))
        require(written == evidence.quote, "evidence \(evidence) is not the reply's words '\(written)'")
        require(!evidence.quote.isEmpty, "empty evidence \(evidence)")
        require(analysis.behaviors.map(\.id).contains(evidence.label) || analysis.intents.contains(evidence.label),
                     "evidence \(evidence) for nothing the analysis shows")
    }
    for behavior in analysis.behaviors {
        require(analysis.evidence.contains { $0.label == behavior.id }, "\(behavior.id) shown without evidence")
    }
    return 0
}

/// Scoring/behaviors.yaml, from `RECOVERY_HOME` (set by scripts/fuzz), loaded once.
private let analyzer: Analyzer = {
    let home = ProcessInfo.processInfo.environment["RECOVERY_HOME"] ?? "."
    do {
        return try Analyzer.load(path: "\(home)/Scoring/behaviors.yaml")
    } catch {
        fatalError("cannot load the scoring data: \(error)")
    }
}()

private let intents = PhraseSet([(name: "refund", phrases: ["refund", "money back"]), (name: "manager", phrases: ["manager", "supervisor"])])
