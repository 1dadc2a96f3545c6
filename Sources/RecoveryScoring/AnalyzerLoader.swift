import RecoveryCore
import Yams

/// Codes of the diagnostics only behaviors.yaml can get.

extension Analyzer {
    /// Loads behaviors.yaml text already read, reporting every problem at once.
    static func load(file: YAMLFile) throws(DiagnosticError) -> Analyzer {
        let root = try file.compose()
        var loader = CatalogLoader(reader: YAMLReader(file: file))
        let analyzer = loader.read(root)
        let diagnostics = loader.reader.diagnostics
        if let analyzer, !diagnostics.contains(where: { $0.severity == .error }) { return analyzer }
        throw DiagnosticError(diagnostics)
    }

    /// Loads behaviors.yaml from `text`, shown in diagnostics as `path`.
    static func load(yaml text: String, path: String = "behaviors.yaml") throws(DiagnosticError) -> Analyzer {
        try load(file: YAMLFile(path: path, text: text))
    }
}

/// Reads the behaviors.yaml document into a catalog and compiled rules.
private struct CatalogLoader {
    var reader: YAMLReader
    private var classes: [String: PatternNode] = [:]
    /// Each class's plain phrases, for the learned reader's class features.
    private var classPhrases: [(name: String, words: [String])] = []

    /// A class option as a plain phrase for the model's class features ("fed up", "the
    /// technician"); nil for options written in the pattern language.
    static func featurePhrase(_ option: String) -> String? {
        let plain = option.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == " " || $0 == "'" || $0 == "-" }
        return plain && !option.isEmpty ? option : nil
    }

    init(reader: YAMLReader) { self.reader = reader }

    mutating func read(_ root: Node) -> Analyzer? {
        let top = reader.pairs(root, what: "behaviors.yaml", allowedKeys: ["classes", "behaviors"])
        if let classesNode = top.first(where: { $0.key == "classes" })?.value { readClasses(classesNode) }
        guard let behaviorsPair = top.first(where: { $0.key == "behaviors" }) else {
            reader.error(CoreDiagnostic.missingKey, "behaviors.yaml needs 'behaviors'", at: root,
                         hint: "add `behaviors:` with one entry per behaviour id")
            return nil
        }
        var entries: [Behavior: BehaviorEntry] = [:]
        var rules: [Behavior: [CompiledRule]] = [:]
        for (id, keyNode, value) in reader.pairs(behaviorsPair.value, what: "behaviors") {
            guard let behavior = Behavior(id: id) else {
                reader.report(ScoringDiagnostic.unknownBehavior, id,
                              Spelling.closest(to: id, in: Behavior.allIDs).map { "did you mean '\($0)'?" }
                                  ?? "the ids are: \(Behavior.allIDs.joined(separator: " "))", at: keyNode)
                continue
            }
            let (entry, compiled) = readBehavior(behavior, value)
            entries[behavior] = entry
            rules[behavior] = compiled
        }
        let missing = Behavior.allCases.filter { entries[$0] == nil }
        if !missing.isEmpty {
            reader.report(ScoringDiagnostic.missingBehavior, missing.map { "'\($0.id)'" }.joined(separator: ", "),
                          at: behaviorsPair.keyNode)
        }
        let catalog = BehaviorCatalog(entries: Behavior.allCases.compactMap { entries[$0] })
        return Analyzer(catalog: catalog, rules: Behavior.allCases.flatMap { rules[$0] ?? [] }, classPhrases: classPhrases)
    }

    private mutating func readClasses(_ node: Node) {
        for (name, keyNode, value) in reader.pairs(node, what: "classes") {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }),
                  BuiltInClass(rawValue: name) == nil else {
                reader.report(ScoringDiagnostic.badClassName, name, at: keyNode)
                continue
            }
            let items = reader.list(value, what: "class '\(name)'")
            classPhrases.append((name, items.compactMap { $0.scalar.flatMap { Self.featurePhrase($0.string) } }))
            let options = items.compactMap { compile($0, what: "class '\(name)'") }
            if !options.isEmpty { classes[name] = options.count == 1 ? options[0] : .alternatives(options) }
        }
    }

    private mutating func readBehavior(_ behavior: Behavior, _ node: Node) -> (BehaviorEntry, [CompiledRule]) {
        let what = "behaviour '\(behavior.id)'"
        let keys = ["summary", "description", "patterns", "exceptions", "examples"]
        _ = reader.pairs(node, what: what, allowedKeys: keys)
        func text(_ key: String) -> String {
            guard let value = reader.value(key, in: node, what: what, required: true) else { return "" }
            return reader.string(value, what: "\(key) of \(what)") ?? ""
        }
        let summary = text("summary"), description = text("description")
        var compiled: [CompiledRule] = []
        for (key, isException) in [("patterns", false), ("exceptions", true)] {
            guard let list = reader.value(key, in: node, what: what, required: !isException) else { continue }
            for item in reader.list(list, what: "\(key) of \(what)") {
                if let pattern = compile(item, what: "\(key) of \(what)") {
                    compiled.append(CompiledRule(behavior: behavior, isException: isException, node: pattern,
                                                 source: item.scalar?.string ?? "", line: item.mark?.line ?? 0))
                }
            }
        }
        var examples: [BehaviorExample] = []
        if let examplesNode = reader.value("examples", in: node, what: what, required: true) {
            let pairs = reader.pairs(examplesNode, what: "examples of \(what)", allowedKeys: ["trigger", "ignore"])
            for (kind, triggers) in [("trigger", true), ("ignore", false)] {
                guard let list = pairs.first(where: { $0.key == kind })?.value else {
                    reader.error(CoreDiagnostic.missingKey, "examples of \(what) need '\(kind)'", at: examplesNode,
                                 hint: "add `\(kind):` with replies that \(triggers ? "show" : "do not show") it")
                    continue
                }
                for item in reader.list(list, what: "\(kind) examples") {
                    guard let text = reader.string(item, what: "each \(kind) example") else { continue }
                    let position = reader.file.error("", "", at: item.mark).position
                    examples.append(BehaviorExample(text: text, triggers: triggers, position: position))
                }
            }
        }
        let entry = BehaviorEntry(behavior: behavior, summary: summary, description: description, examples: examples)
        return (entry, compiled)
    }

    /// Compiles one pattern node, reporting a `bad-pattern` at the column inside the pattern.
    private mutating func compile(_ node: Node, what: String) -> PatternNode? {
        guard let text = reader.string(node, what: "each item of \(what)") else { return nil }
        do {
            return try PatternParser.parse(text, classes: classes)
        } catch {
            var diagnostic = reader.file.diagnostic(ScoringDiagnostic.badPattern, [what, error.message, error.hint], at: node.mark)
            let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
            let single = !(text.contains("\n"))
            if single { diagnostic.position.column += error.offset + (quoted ? 1 : 0) }
            reader.report(diagnostic)
            return nil
        }
    }
}
