import CYaml

/// Guards against alias bombs ("billion laughs"): a few lines whose aliases expand to millions of
/// values, which composing, comparing keys or reading the file would then walk. Reads the YAML
/// events once (no nodes are built) and totals what every alias stands for.
enum YAMLAliasGuard {
    /// Most values aliases may add to a file, counting every value inside an aliased list or mapping.
    static let maximumExpansion = 100_000

    /// Where the aliases first pass `maximumExpansion` (1-based line and column), or nil if they never
    /// do; syntax errors are left for the composer to report.
    static func firstExcessiveAlias(in text: String) -> (line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser)
        }
    }

    /// The sizes of the open lists and mappings, with their anchors; the size of every anchored value.
    private static func scan(_ parser: inout yaml_parser_t) -> (line: Int, column: Int)? {
        var open: [(size: Int, anchor: String?)] = []
        var anchored: [String: Int] = [:]
        var expansion = 0
        func add(_ size: Int, anchor: String?) {
            if let anchor { anchored[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                add(1, anchor: name(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                open.append((1, name(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                open.append((1, name(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let closed = open.popLast() { add(closed.size, anchor: closed.anchor) }
            case YAML_ALIAS_EVENT:
                let size = name(event.data.alias.anchor).flatMap { anchored[$0] } ?? 1
                expansion += size
                if expansion > maximumExpansion {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                }
                add(size, anchor: nil)
            default:
                continue
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
