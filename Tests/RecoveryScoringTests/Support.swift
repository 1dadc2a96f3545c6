import Foundation
import RecoveryCore
@testable import RecoveryScoring

/// The repository root, found from this file's path (Tests/RecoveryScoringTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The path of the shipped scoring data.
let behaviorsPath = repositoryRoot.appendingPathComponent("Scoring/behaviors.yaml").path

/// The shipped analyzer, or the diagnostics that stopped it loading.
let shippedAnalyzer: Result<Analyzer, DiagnosticError> = Result { () throws(DiagnosticError) in
    try Analyzer.load(path: behaviorsPath)
}

/// The shipped analyzer; tests that need it fail through `ShippedDataTests` when it cannot load.
var analyzer: Analyzer {
    get throws { try shippedAnalyzer.get() }
}

/// A behaviors.yaml text with every behaviour present and minimal, for loader tests;
/// `replacing` swaps one behaviour's block for custom lines.
func minimalYAML(replacing behavior: Behavior? = nil, with block: String = "") -> String {
    var text = "classes:\n  feeling: [upset, angry]\nbehaviors:\n"
    for each in Behavior.allCases {
        if each == behavior { text += block; continue }
        text += """
          \(each.id):
            summary: s
            description: d
            patterns: ["\(each.id) word"]
            examples: {trigger: ["\(each.id) word"], ignore: ["nothing"]}

        """
    }
    return text
}

/// The diagnostics thrown when loading `yaml`, or an empty list if it loaded.
func loadDiagnostics(_ yaml: String) -> [Diagnostic] {
    do {
        _ = try Analyzer.load(yaml: yaml, path: "test.yaml")
        return []
    } catch {
        return error.diagnostics
    }
}
