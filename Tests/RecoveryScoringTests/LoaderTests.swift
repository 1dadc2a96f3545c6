import RecoveryCore
@testable import RecoveryScoring
import Testing

@Suite("Loading behaviors.yaml")
struct LoaderTests {
    /// The 1-based line and column where `needle` first appears in `text`.
    private func position(of needle: String, in text: String) -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            if let range = line.range(of: needle) {
                return (number + 1, line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        Issue.record("'\(needle)' is not in the text")
        return (0, 0)
    }

    private func block(_ id: String, patterns: String = "[\"x\"]", extra: String = "") -> String {
        """
          \(id):
            summary: s
            description: d
            patterns: \(patterns)
            examples: {trigger: ["x"], ignore: ["y"]}
        \(extra)
        """
    }

    @Test("a minimal file loads and compiles")
    func minimal() throws {
        let analyzer = try Analyzer.load(yaml: minimalYAML())
        #expect(analyzer.catalog.entries.count == Behavior.allCases.count)
        #expect(analyzer.analyze("thank word").behaviors == [.thank])
        #expect(analyzer.catalog.entry(.thank).examples.first?.position.line == position(of: "trigger: [\"thank word", in: minimalYAML()).line)
    }

    @Test("an unknown behaviour id is reported at its key, with a suggestion")
    func unknownBehavior() {
        let yaml = minimalYAML() + block("emphatize")
        let diagnostics = loadDiagnostics(yaml)
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics.first
        #expect(diagnostic?.code == "unknown-behavior")
        #expect(diagnostic?.position.line == position(of: "emphatize:", in: yaml).line)
        #expect(diagnostic?.position.column == 3)
        #expect(diagnostic?.hint?.contains("empathize") == true)
        #expect(diagnostic?.rendered.hasPrefix("test.yaml:\(diagnostic?.position.line ?? 0):3: error: [unknown-behavior]") == true)
    }

    @Test("a missing behaviour is reported at the behaviors key")
    func missingBehavior() {
        let yaml = minimalYAML(replacing: .verify, with: "")
        let diagnostics = loadDiagnostics(yaml)
        #expect(diagnostics.map(\.code) == ["missing-behavior"])
        #expect(diagnostics.first?.message.contains("'verify'") == true)
        #expect(diagnostics.first?.position.line == position(of: "behaviors:", in: yaml).line)
    }

    @Test("'^' holds a pattern to a sentence's start and '$' to a clause's end: a comma, a sentence mark or the reply's end",
          arguments: [
              ("Whatever.", true), ("whatever", true), ("Fine, whatever, I'll cancel it.", true), ("Yeah. Whatever!", true),
              ("Whatever happened, that's on us.", false), ("I'll pay whatever the garage charged.", false),
              ("Fine whatever you say", false), ("I said whatever.", false),
          ])
    func anchors(_ text: String, _ shows: Bool) throws {
        let yaml = minimalYAML(replacing: .dismiss, with: block("dismiss", patterns: "[\"^ [fine] whatever $\"]"))
        let analyzer = try Analyzer.load(yaml: yaml)
        #expect(analyzer.analyze(text).shows(.dismiss) == shows)
    }

    @Test("'~' holds a pattern to where the next word is none of those named, or there is none", arguments: [
        ("They'll call you when they land.", true), ("They'll call you when they can.", false),
        ("They'll call you when they could.", false), ("They'll call you when they", true),
    ])
    func notFollowedBy(_ text: String, _ shows: Bool) throws {
        let yaml = minimalYAML(replacing: .vaguePromise, with: block("vague_promise", patterns: "[\"when they ~(can|could)\"]"))
        #expect(try Analyzer.load(yaml: yaml).analyze(text).shows(.vaguePromise) == shows)
    }

    @Test("a malformed pattern is reported at the column inside the pattern", arguments: [
        ("\"sorry (if you\"", "(", "never closed"),
        ("\"sorry <feelings>\"", "feelings", "unknown class"),
        ("\"thanks ...99 a lot\"", "...99", "gap"),
        ("\"[maybe] | x\"", "[maybe]", "match nothing"),
        ("\"a || b\"", "| b", "empty alternative"),
        ("\"a ) b\"", ")", "unexpected"),
        ("\"when they ~(get round)\"", "~", "single words"),
    ])
    func badPattern(_ pattern: String, _ marker: String, _ message: String) {
        let line = "    patterns: [\(pattern)]"
        let yaml = minimalYAML(replacing: .thank, with: block("thank", patterns: "[\(pattern)]"))
        let diagnostics = loadDiagnostics(yaml)
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics.first
        #expect(diagnostic?.code == "bad-pattern")
        #expect(diagnostic?.message.contains(message) == true, "\(diagnostic?.message ?? "")")
        let expected = position(of: line, in: yaml)
        #expect(diagnostic?.position.line == expected.line)
        #expect(diagnostic?.position.column == position(of: marker, in: line).column)
        #expect(diagnostic?.sourceLine == line)
    }

    @Test("wrong types, missing keys and unknown keys are positioned")
    func wrongTypes() {
        let yaml = minimalYAML(replacing: .own, with: """
          own:
            summary: [not, text]
            description: d
            patterns: ["x"]
            examples: {trigger: ["x"], ignore: ["y"]}
            exampels: []

        """)
        let diagnostics = loadDiagnostics(yaml)
        #expect(diagnostics.map(\.code) == ["wrong-type", "unknown-key"])
        #expect(diagnostics.first?.position.line == position(of: "summary: [not", in: yaml).line)
        #expect(diagnostics.last?.hint?.contains("examples") == true)

        let noPatterns = minimalYAML(replacing: .own, with: "  own:\n    summary: s\n    description: d\n    examples: {trigger: [x]}\n")
        #expect(loadDiagnostics(noPatterns).map(\.code) == ["missing-key", "missing-key"])
    }

    @Test("YAML syntax errors and a bad top level never crash", arguments: [
        "behaviors: [", "just text", "- a\n- b", "behaviors:\n  thank: {summary: s, summary: t}", "\u{FEFF}",
        "classes:\n  Time: [x]\nbehaviors: {}",
    ])
    func brokenFiles(_ yaml: String) {
        let diagnostics = loadDiagnostics(yaml)
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.position.line >= 1 && $0.position.column >= 1 })
    }

    @Test("an unreadable path is a diagnostic, not a crash")
    func unreadable() {
        #expect(throws: DiagnosticError.self) { try Analyzer.load(path: "/no/such/behaviors.yaml") }
    }
}
