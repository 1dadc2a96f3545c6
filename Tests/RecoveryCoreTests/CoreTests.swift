import Testing
import RecoveryCore

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test func paddingBoundaries() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test func millionAs() {
        #expect(SHA256.hex(String(repeating: "a", count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct DiagnosticTests {
    @Test func rendersPositionSourceCaretAndHint() {
        let file = YAMLFile(path: "s.yaml", text: "id: x\nstart: nowhere\n")
        let text = file.error("unknown-node", "no node 'nowhere'", at: nil, hint: "add it").rendered
        #expect(text.hasPrefix("s.yaml:1:1: error: [unknown-node] no node 'nowhere'"))
        #expect(text.contains("\n    id: x\n    ^\n    hint: add it"))
    }

    @Test func yamlSyntaxErrorIsPositioned() throws {
        let file = YAMLFile(path: "bad.yaml", text: "id: x\nnodes:\n  a: [1, 2\n")
        #expect(throws: DiagnosticError.self) { try file.compose() }
        do { _ = try file.compose() } catch {
            #expect(error.diagnostics.first?.code == CoreDiagnostic.yamlSyntax)
            #expect(error.diagnostics.first?.position.line == 4)
        }
    }

    @Test func duplicateKeysAreReported() {
        let file = YAMLFile(path: "d.yaml", text: "id: x\nid: y\n")
        do { _ = try file.compose(); Issue.record("expected an error") } catch {
            #expect(error.diagnostics.first?.code == CoreDiagnostic.duplicateKey)
        }
    }

    @Test func escapeSequencesAreShownNotObeyed() {
        #expect(TerminalSafe.escape("a\u{1B}[31mb") == "a\\u{1b}[31mb")
        #expect(TerminalSafe.cleanReply("  hi\u{1B}[2J there\r\n\u{7}you ") == "hi there you")
    }

    @Test func seededGeneratorIsStable() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    }

    @Test func spellingSuggestsCloseWords() {
        #expect(Spelling.closest(to: "apologise", in: Behavior.allIDs) == "apologize")
        #expect(Spelling.closest(to: "zzzz", in: Behavior.allIDs) == nil)
    }
}
