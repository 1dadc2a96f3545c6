import Foundation
import RecoveryCore
import Testing

@testable import RecoveryScenario

/// `recovery graph`'s drawings, and the engine's debug entry points and `/why` explanations.
@Suite("Drawing and debug")
struct DrawingAndDebugTests {
    /// A scenario whose customer lines and title hold every character the formats treat specially.
    static let awkward = minimal(extra: """
        turn_limit: {turns: 5, goto: timeout}
        rules:
          - when: mood >= 10
            after: true
            goto: gone
        """, nodes: #"""
          opening:
            lines: ["She said \"no\" \\ <b>|x|</b> {y} # & `z`"]
            branches:
              - when: apologize and (empathize or own)
                goto: listening
              - when: blame or dismiss
                goto: gone
              - otherwise:
                goto: opening
          listening:
            lines: ["Go on."]
            branches:
              - when: resolve
                goto: fixed
              - when: count(apologize) >= 2 and mood < 4
                goto: fixed
              - otherwise:
                goto: opening
          fixed:
            ending: recovered
            lines: ["Thanks."]
          gone:
            ending: lost
            lines: ["Bye."]
          timeout:
            ending: escalated
            lines: ["Manager."]
        """#)

    @Test func dotHasEveryNodeOnceAndEveryBranchEdgeOnceWithEscapedLabels() throws {
        let scenario = try scenario(Self.awkward)
        let dot = ScenarioDrawing(scenario).dot()
        let lines = dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for node in scenario.nodeOrder {
            #expect(lines.filter { $0.hasPrefix("\"\(node)\" [label=") }.count == 1, "node \(node)")
        }
        // One arrow per target, listing the conditions of every branch that leads there; an
        // arrow back to its own node is marked ↺.
        for node in scenario.orderedNodes {
            for target in Set(node.branches.compactMap(\.effects.goto)) {
                let arrows = lines.filter { $0.hasPrefix("\"\(node.id)\" -> \"\(target)\" [label=") }
                #expect(arrows.count == 1, "one arrow \(node.id) -> \(target): \(arrows)")
                for branch in node.branches where branch.effects.goto == target {
                    let condition = branch.condition?.source ?? "otherwise"
                    let shown = condition.count > ScenarioDrawing.labelLength ? String(condition.prefix(ScenarioDrawing.labelLength - 1)) : condition
                    #expect(arrows.first?.contains(shown.replacingOccurrences(of: "\"", with: "\\\"")) == true, "\(condition) on \(arrows)")
                }
                if target == node.id { #expect(arrows.first?.contains("↺") == true) }
            }
        }
        #expect(lines.contains("\"(any node)\" -> \"gone\" [label=\"mood >= 10\", style=dashed];"))
        #expect(lines.contains("\"(any node)\" -> \"timeout\" [label=\"turn limit: 5 replies\", style=dashed];"))
        #expect(lines.contains("\"(start)\" -> \"opening\";"))
        // Quotes and backslashes escaped, the rest verbatim (no record shapes are used).
        #expect(dot.contains(#"label="opening\nShe said \"no\" \\ <b>|x|</b> {y} …"]"#))
        #expect(!dot.contains("shape=record"))
        #expect(lines.contains { $0.hasPrefix("\"fixed\" [label=\"fixed\\nrecovered\", shape=doubleoctagon") })
        for outcome in Outcome.allCases { #expect(dot.contains("\"(legend) \(outcome.rawValue)\"")) }
    }

    @Test func unreachableNodesDeadEndsAndMoodChangesAreMarked() throws {
        let scenario = try scenario("""
            id: inline
            title: Marks
            briefing: b
            customer: {name: Sam, mood: 5}
            start: opening
            nodes:
              opening:
                lines: ["Hello."]
                branches:
                  - when: apologize
                    mood: -2
                    goto: done
                  - otherwise:
                    goto: stuck
              stuck:
                lines: ["Well?"]
                branches:
                  - otherwise:
                    goto: stuck
              island:
                lines: ["Nobody comes here."]
                branches:
                  - otherwise:
                    goto: done
              done: {ending: recovered, lines: ["Bye."]}
            """)
        let dot = ScenarioDrawing(scenario).dot()
        #expect(dot.contains(#""stuck" [label="stuck\nWell?\n(no way out)", color=red3"#), "\(dot)")
        #expect(dot.contains(#""island" [label="island\nNobody comes here.\n(unreachable)", style="rounded,dashed""#))
        #expect(dot.contains(#""opening" -> "done" [label="apologize (mood -2)"]"#))
        #expect(dot.contains(#""stuck" -> "stuck" [label="↺ otherwise"]"#))
    }

    @Test func aFortyNodeScenarioStaysReadable() throws {
        // A long call in the compact form: a chain of 40 nodes, each with a way on, a way back,
        // a way to the lost ending, and replies that stay put; rules that apply at every node.
        let behaviours = ["apologize", "empathize", "own", "explore", "resolve", "choice", "commit", "verify"]
        var yaml = """
            id: inline
            title: Forty nodes
            briefing: b
            customer: {name: Robin, mood: 6}
            start: n0
            turn_limit: {turns: 30, goto: lost}
            rules:
              - when: dismiss
                mood: +3
                goto: lost
            nodes:

            """
        for i in 0..<40 {
            let next = i < 39 ? "n\(i + 1)" : "recovered"
            yaml += """
                  n\(i): {say: "Step \(i).", branches: ["\(behaviours[i % 8]) -> \(next), mood -1", "blame or deflect -> lost, mood +2", \
                "vague_promise -> n\(max(0, i - 2)), mood +1", "explore and not own -> n\(i)", "otherwise -> n\(i), mood +1"]}

                """
        }
        yaml += "  recovered: {ending: recovered, say: \"Thanks.\"}\n  lost: {ending: lost, say: \"Bye.\"}\n"
        let scenario = try scenario(yaml)
        let dot = ScenarioDrawing(scenario).dot()
        let edges = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        for i in 0..<40 {
            // Staying put, however many ways, is one loop with a count.
            let loops = edges.filter { $0.hasPrefix("  \"n\(i)\" -> \"n\(i)\"") }
            #expect(loops.count == 1 && loops[0].contains(i == 0 ? "↺ 3 ways back" : "↺ 2 ways back"), "n\(i): \(loops)")
        }
        // Rules are drawn once, from one "(any node)" box, not from each of the 40 nodes.
        #expect(dot.split(separator: "\n").filter { $0.hasPrefix("  \"(any node)\" [") }.count == 1, "\(dot)")
        #expect(edges.filter { $0.contains("dismiss") }.count == 1)
        // Graphviz lays it out, where it is installed (apt-get install graphviz).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
            process.arguments = ["-Tsvg", "-o", "/dev/null"]
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(dot.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        } else {
            print("not rendered: Graphviz's dot is not installed")
        }
    }

    @Test func mermaidUsesSafeIdsAndEntityCodes() throws {
        let scenario = try scenario(Self.awkward)
        let text = ScenarioDrawing(scenario).mermaid()
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.filter { $0.hasPrefix("n1[") }.count == 1)
        #expect(lines.contains("n3([\"fixed<br/>recovered\"]):::recovered"))
        #expect(text.contains("She said #quot;no#quot; \\ #lt;b#gt;#124;x#124;#lt;/b#gt; {y} …"))
        let edges = lines.filter { $0.contains("-->|") }
        #expect(edges.count == scenario.orderedNodes.map { Set($0.branches.compactMap(\.effects.goto)).count }.reduce(0, +))
        #expect(edges.contains { $0.hasPrefix("n2 -->|") && $0.contains("count(apologize) #gt;= 2 and mood #lt; 4") && $0.hasSuffix("| n3") })
        #expect(lines.contains("any -.->|\"mood #gt;= 10\"| n4"))
        // Inside every quoted label there is no raw quote, < or > left.
        for line in lines where line.contains("[\"") {
            let label = line.split(separator: "\"", omittingEmptySubsequences: false).dropFirst().dropLast().joined()
                .replacingOccurrences(of: "<br/>", with: " ")
            #expect(!label.contains("<b") && !label.contains(">"), "\(line)")
        }
    }

    @Test func drawingIsTheSameEveryTime() throws {
        let scenario = try scenario(Self.awkward)
        #expect(ScenarioDrawing(scenario).dot() == ScenarioDrawing(scenario).dot())
        #expect(ScenarioDrawing(scenario).mermaid() == ScenarioDrawing(scenario).mermaid())
    }

    @Test func whyNamesTheTruePartsOfEachFiredCondition() throws {
        var engine = Engine(scenario: try scenario(Self.awkward), seed: 1)
        _ = engine.start()
        #expect(engine.explainLastReply().isEmpty)
        _ = engine.reply(reply(.apologize, .own), latency: 2)
        let branch = try #require(engine.explainLastReply().first)
        #expect(branch.entry.kind == .branch)
        #expect(branch.entry.condition == "apologize and (empathize or own)")
        #expect(branch.matched == ["apologize", "own"], "only the side of the 'or' that held")
        engine.setMood(2)
        _ = engine.reply(reply(.apologize), latency: 2)
        #expect(engine.explainLastReply().first?.matched == ["count(apologize) >= 2 (count(apologize) was 2)", "mood < 4 (mood was 2)"])
    }

    @Test func jumpAndSetMoodAreExplicitAndChecked() throws {
        var engine = Engine(scenario: try scenario(Self.awkward), seed: 1)
        _ = engine.start()
        let nowhere = engine.jump(to: "nowhere")
        #expect(nowhere == nil)
        #expect(engine.node == "opening")
        engine.setMood(42)
        #expect(engine.mood == 10)
        let step = engine.jump(to: "listening")
        #expect(step?.customerLines == ["Go on."])
        #expect(engine.node == "listening" && !engine.isOver)
        let end = engine.jump(to: "fixed")
        #expect(end?.outcome == .recovered && engine.isOver)
        let afterEnd = engine.jump(to: "opening")
        #expect(afterEnd == nil, "no jumping once the call is over")
    }
}
