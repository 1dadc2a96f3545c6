import FuzzSupport
import RecoveryCore
import RecoveryScenario

/// The entry point SwiftPM gives this executable; hands over to libFuzzer.
@_cdecl("fuzz_scenario_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzScenario)
}

/// Scenario loader: any bytes give a scenario or positioned diagnostics, never a crash or a hang;
/// a scenario that loads plays a few replies without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard let text = DiagnosticCheck.text(of: UnsafeRawBufferPointer(start: data, count: size)) else { return 0 }
    let file = YAMLFile(path: "fuzz.yaml", text: text)
    do {
        let scenario = try ScenarioLoader.load(file: file)
        DiagnosticCheck.verify(scenario.warnings, in: file)
        var engine = Engine(scenario: scenario, seed: 7)
        _ = engine.start()
        for analysis in sampleReplies where !engine.isOver {
            _ = engine.reply(analysis, latency: 3)
        }
    } catch {
        require(!error.diagnostics.isEmpty, "a refused file needs at least one diagnostic")
        DiagnosticCheck.verify(error.diagnostics, in: file)
    }
    return 0
}

private let sampleReplies: [ReplyAnalysis] = [
    ReplyAnalysis(text: "sorry", behaviors: [.apologize]),
    ReplyAnalysis(text: "not my problem", behaviors: Array(Behavior.allCases.suffix(3))),
    ReplyAnalysis(text: "everything", behaviors: Behavior.allCases),
    ReplyAnalysis(text: ""),
]
