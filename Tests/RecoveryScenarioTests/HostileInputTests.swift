import Foundation
import RecoveryCore
import Testing

@testable import RecoveryScenario

/// Scenario files built to break a loader — nested 10,000 deep, alias bombs, thousands of keys —
/// and scenarios whose rules jump in circles: each gives a positioned error (or plays one step
/// per reply), never a crash, a stack overflow or a hang. The time limit guards against a hang
/// only: a one-minute limit could run out on CI before a test was given a thread (see
/// HostileRubricTests).
@Suite("Hostile scenario files", .timeLimit(.minutes(20)))
struct HostileInputTests {
    /// The diagnostics of `text`, after checking that each one points inside it.
    func checkedDiagnostics(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let file = YAMLFile(path: "inline.yaml", text: text)
        let found = diagnostics(text)
        for diagnostic in found {
            let line = file.line(diagnostic.position.line)
            #expect(line != nil && diagnostic.sourceLine == line, "\(diagnostic.rendered)", sourceLocation: sourceLocation)
            #expect(diagnostic.position.column >= 1 && diagnostic.position.column <= (line?.unicodeScalars.count ?? 0) + 1,
                    "\(diagnostic.rendered)", sourceLocation: sourceLocation)
        }
        return found
    }

    static let depth = 10_000

    @Test(arguments: [
        String(repeating: "[", count: depth),
        "nodes: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
        String(repeating: "- ", count: depth) + "x\n",
        "nodes: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth),
    ])
    func deepNestingIsASyntaxErrorNotAStackOverflow(text: String) {
        let found = checkedDiagnostics(text)
        #expect(found.map(\.code) == [CoreDiagnostic.yamlSyntax])
        #expect(found.first?.message.contains("nesting") == true, "\(found.map(\.rendered))")
    }

    /// Nine lists of nine aliases of the list before: 9^9 values from a few hundred bytes.
    static let laughs = (["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        + zip("bcdefghi", "abcdefgh").map { name, previous in
            "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]"
        }).joined(separator: "\n") + "\n"

    @Test func anAliasBombIsRefusedWhereItGoesOff() {
        let found = checkedDiagnostics(Self.laughs)
        #expect(found.map(\.code) == [CoreDiagnostic.aliasExpansion])
        #expect(found.first?.position.line == 6, "the aliases pass 100,000 values on line 6 (each *e stands for 66,430)")
    }

    @Test func anAliasBombUsedAsAKeyIsRefusedBeforeKeysAreCompared() {
        let found = checkedDiagnostics(Self.laughs + "j: {? *i : 1, ? *h : 2}\n")
        #expect(found.map(\.code) == [CoreDiagnostic.aliasExpansion])
    }

    @Test func aFewAliasesStillWork() throws {
        let text = minimal(nodes: """
              opening:
                lines: &greeting ["What now?"]
                branches:
                  - when: apologize
                    goto: done
                  - otherwise:
                    goto: opening
              done: {ending: recovered, lines: *greeting}
            """)
        let loaded = try scenario(text)
        #expect(loaded.nodes["done"]?.lines.map(\.text) == ["What now?"])
    }

    @Test func tenThousandDuplicateKeysGiveOneDiagnostic() {
        let text = (0..<10_000).map { "title: \($0)\n" }.joined()
        let found = checkedDiagnostics(text)
        #expect(found.map(\.code) == [CoreDiagnostic.duplicateKey])
        #expect(found.first?.position.line == 2, "at the second copy, naming the first")
    }

    @Test func tenThousandUnknownKeysAreEachReported() {
        let text = minimal(nodes: "  opening: {ending: lost, lines: [Bye.]}") + "\n"
            + (0..<10_000).map { "key\($0): 1\n" }.joined()
        let found = checkedDiagnostics(text).filter { $0.code == CoreDiagnostic.unknownKey }
        #expect(found.count == 10_000)
    }

    /// Rules and branches that always hold and jump between two nodes: each reply moves the call
    /// exactly one step (nothing runs again until the next reply), so the call cannot spin without input.
    @Test func rulesThatAlwaysJumpMoveOneStepPerReply() throws {
        let text = minimal(extra: """
            rules:
              - when: true
                goto: pong
              - when: true
                after: true
                goto: ping
            """, nodes: """
              opening:
                lines: ["Hello?"]
                branches:
                  - when: apologize
                    goto: done
                  - otherwise:
                    goto: ping
              ping:
                lines: ["Ping."]
                branches:
                  - otherwise:
                    goto: pong
              pong:
                lines: ["Pong."]
                branches:
                  - otherwise:
                    goto: ping
              done: {ending: recovered, lines: ["Fine."]}
            """)
        var engine = Engine(scenario: try scenario(text), seed: 1)
        _ = engine.start()
        for turn in 1...1_000 {
            let step = engine.reply(reply(), latency: 1)
            #expect(step.turn == turn && step.node == "ping" && step.customerLines == ["Ping."])
            #expect(step.fired.map(\.kind) == [.rule, .rule], "each rule fires once; the first one's goto skips the branches")
        }
        #expect(!engine.isOver)
    }

    @Test func aConditionNested100000DeepIsMalformedNotAStackOverflow() {
        for source in [String(repeating: "(", count: 100_000) + "true" + String(repeating: ")", count: 100_000),
                       String(repeating: "not ", count: 100_000) + "true",
                       Array(repeating: "apologize", count: 100_000).joined(separator: " and ")] {
            #expect(throws: ConditionError.self) { try Condition.parse(source) }
        }
        do {
            _ = try Condition.parse(String(repeating: "not ", count: 600) + "true")
        } catch {
            #expect(error.offset == 2_000, "the 501st word is where the condition became too long")
            #expect(error.message.contains("more than 500"))
        }
    }

    @Test func aConditionOfFiveHundredTokensStillWorks() throws {
        let source = String(repeating: "(", count: 249) + "true" + String(repeating: ")", count: 249)
        let condition = try Condition.parse(source)
        #expect(condition.evaluate(in: ConditionContext(vocabulary: ConditionVocabulary())))
    }

    @Test func aRunawayConditionInAFileIsPositioned() {
        let text = minimal(extra: """
            rules:
              - when: \(String(repeating: "(", count: 100_000))true\(String(repeating: ")", count: 100_000))
                mood: +1
            """, nodes: "  opening: {ending: lost, lines: [Bye.]}")
        let found = checkedDiagnostics(text)
        #expect(found.map(\.code) == [ScenarioDiagnostic.malformedCondition.code])
        #expect(found.first?.position.column == 11 + 500, "at the 501st token of the condition")
    }
}
