import Foundation
import Testing

/// `play --debug`, `graph` and `explore`, through the built binary as a trainer would run them.
@Suite(.serialized) struct TrainerToolsTests {
    @Test func aPipedDebugCallJumpsExplainsAndRecordsIt() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let input = ["/goto the-stroy", "/goto the-story", "/set mood 3", "I can only imagine how awful that was. What would you like to happen next?",
                     "/why", "/quit"].joined(separator: "\n") + "\n"
        let result = try RecoveryBinary.run(["play", "escalation", "--debug", "--transcripts", directory, "--seed", "1"], input: input)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Did you mean 'the-story'?"))
        #expect(result.output.contains("Jumped from opening to the-story."))
        #expect(result.output.contains("Mood set from 7 to 3."))
        #expect(result.output.contains("branch when (empathize or own or apologize) and explore → what-she-wants; true: empathize, explore"),
                "\(result.output.suffix(1200))")
        #expect(result.output.contains("Behaviours:\n    empathize “"))
        let transcript = try #require(RecoveryBinary.transcripts(in: directory).first)
        #expect(transcript["debug"] as? Bool == true)
        let actions = try #require(transcript["debugActions"] as? [[String: Any]])
        #expect(actions.map { $0["command"] as? String } == ["/goto the-story", "/set mood 3"])
    }

    @Test func withoutDebugTheDebugCommandsAreRefused() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let result = try RecoveryBinary.run(["play", "escalation", "--transcripts", directory], input: "/goto the-story\n/quit\n")
        #expect(result.output.contains("/goto needs debug mode"))
        let transcript = try #require(RecoveryBinary.transcripts(in: directory).first)
        #expect(transcript["debug"] == nil && transcript["debugActions"] == nil)
    }

    @Test func exploreFindsNoProblemInTheShippedScenariosAndIsReproducible() throws {
        let first = try RecoveryBinary.run(["explore", "--runs", "50", "--seed", "3"])
        #expect(first.status == 0, "\(first.output)\(first.errors)")
        for id in ["cold-house-furnace", "escalation", "irate-caller"] { #expect(first.output.contains("\(id) (")) }
        #expect(first.output.contains("dead ends: none"))
        let second = try RecoveryBinary.run(["explore", "--runs", "50", "--seed", "3"])
        #expect(second.output == first.output)
        let json = try RecoveryBinary.run(["explore", "escalation", "--runs", "20", "--format", "json"])
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(reports.first?["scenario"] as? String == "escalation")
    }

    @Test func exploreExitsOneOnADeadEnd() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        let path = directory + "/limbo.yaml"
        try """
            id: limbo
            title: Limbo
            briefing: A test.
            customer: { name: Sam, mood: 5 }
            start: opening
            nodes:
              opening:
                lines: ["Hello?"]
                branches:
                  - otherwise:
                    goto: opening
              done:
                ending: recovered
                lines: ["Thanks."]
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try RecoveryBinary.run(["explore", path, "--runs", "5"])
        #expect(result.status == 1)
        #expect(result.output.contains("dead end: 5 runs stuck at opening (line 7), which leads to no ending"), "\(result.output)")
    }

    @Test func graphWritesDotThatGraphvizAcceptsAndMermaid() throws {
        let dot = try RecoveryBinary.run(["graph", "irate-caller"])
        #expect(dot.status == 0)
        #expect(dot.output.hasPrefix("digraph "))
        #expect(dot.output.contains("\"(start)\" -> \"pickup\";"))
        let mermaid = try RecoveryBinary.run(["graph", "irate-caller", "--format", "mermaid"])
        #expect(mermaid.output.contains("flowchart TD"))
        let file = RecoveryBinary.temporaryDirectory() + "/g.dot"
        _ = try RecoveryBinary.run(["graph", "irate-caller", "-o", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == dot.output)
        let graphviz = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let graphviz else { return }  // Graphviz is optional (.ci/run installs it); the structure is checked in RecoveryScenarioTests.
        // Every shipped scenario's drawing is laid out by Graphviz without an error.
        let shipped = try FileManager.default.contentsOfDirectory(atPath: RecoveryBinary.repositoryRoot + "/Scenarios")
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(shipped.count >= 3)
        for id in shipped {
            let drawing = RecoveryBinary.temporaryDirectory() + "/\(id).dot"
            #expect(try RecoveryBinary.run(["graph", id, "-o", drawing]).status == 0)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: graphviz)
            process.arguments = ["-Tsvg", drawing, "-o", drawing + ".svg"]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            process.waitUntilExit()
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0 && said.isEmpty, "\(id): \(said)")
            #expect(try String(contentsOfFile: drawing + ".svg", encoding: .utf8).contains("<svg"), "\(id)")
        }
    }
}
