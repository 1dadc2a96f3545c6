import Testing
import Yams
import RecoveryCore

/// `Node.value(forName:)` finds what Yams's own `node[name]` finds, without its per-lookup tag resolution.
@Suite struct YAMLLookupTests {
    static let document = """
        set: first
        'quoted': two
        "otherwise": three
        yes: a-bool-in-yaml-1.1
        12: number
        nested: {branches: [a, b], goto: here}
        empty:
        """

    @Test(arguments: ["set", "quoted", "otherwise", "nested", "empty", "branches", "missing", "goto", "yes"])
    func findsWhatYamsFinds(name: String) throws {
        let root = try YAMLFile(path: "t.yaml", text: Self.document).compose()
        #expect(root.value(forName: name) == root[name])
    }

    @Test func lastDuplicateWinsAsInYams() {
        // The composer refuses duplicate keys in files; a mapping built in code may still have them.
        let root = Node.mapping(Node.Mapping([(Node("a"), Node("1")), (Node("b"), Node("2")), (Node("a"), Node("3"))]))
        #expect(root.value(forName: "a")?.string == "3")
        #expect(root.value(forName: "a") == root["a"])
    }

    @Test func listsAndTextHaveNoNames() throws {
        let list = try #require(try Yams.compose(yaml: "- set\n- goto\n"))
        let text = try #require(try Yams.compose(yaml: "set"))
        #expect(list.value(forName: "set") == nil && list["set"] == nil)
        #expect(text.value(forName: "set") == nil && text["set"] == nil)
    }
}
