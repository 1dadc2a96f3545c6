import FuzzSupport
import RecoveryCore
import RecoveryScoring

/// The entry point SwiftPM gives this executable; hands over to libFuzzer.
@_cdecl("fuzz_rubric_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzRubric)
}

/// Rubric loader: any bytes give a rubric or positioned diagnostics, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRubric(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard let text = DiagnosticCheck.text(of: UnsafeRawBufferPointer(start: data, count: size)) else { return 0 }
    let file = YAMLFile(path: "fuzz-rubric.yaml", text: text)
    do {
        _ = try RubricLoader.load(file: file)
    } catch {
        require(!error.diagnostics.isEmpty, "a refused file needs at least one diagnostic")
        DiagnosticCheck.verify(error.diagnostics, in: file)
    }
    return 0
}
