import RecoveryCore

extension ScenarioDrawing {
    /// The graph as Graphviz DOT. Every id and label is a quoted string with `\`, `"` and line
    /// breaks escaped; no record or HTML shapes are used, so `<`, `>`, `|`, `{` and `}` are plain text.
    public func dot() -> String {
        let any = "(any node)", startID = "(start)"
        var out = ["digraph \(Self.dotQuoted(title)) {"]
        out.append("  graph [label=\(Self.dotQuoted(title)), labelloc=t, fontname=\"Helvetica\"];")
        out.append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];")
        out.append("  edge [fontname=\"Helvetica\", fontsize=10];")
        out.append("  \(Self.dotQuoted(startID)) [label=\"start\", shape=circle, style=filled, fillcolor=black, fontcolor=white, fontsize=9];")
        out.append("  \(Self.dotQuoted(startID)) -> \(Self.dotQuoted(start));")
        for box in boxes {
            let label = Self.dotQuoted(box.lines.joined(separator: "\n"))
            if let outcome = box.outcome {
                out.append("  \(Self.dotQuoted(box.id)) [label=\(label), \(Self.dotEndingStyle(outcome))];")
            } else if box.problem == "unreachable" {
                out.append("  \(Self.dotQuoted(box.id)) [label=\(label), style=\"rounded,dashed\", color=gray50, fontcolor=gray40];")
            } else if box.problem != nil {
                out.append("  \(Self.dotQuoted(box.id)) [label=\(label), color=red3, penwidth=2.5];")
            } else {
                out.append("  \(Self.dotQuoted(box.id)) [label=\(label)];")
            }
        }
        if hasAnyNodeJumps { out.append("  \(Self.dotQuoted(any)) [shape=note, style=dashed];") }
        for arrow in arrows {
            let style = arrow.dashed ? ", style=dashed" : ""
            out.append("  \(Self.dotQuoted(arrow.from ?? any)) -> \(Self.dotQuoted(arrow.to)) [label=\(Self.dotQuoted(arrow.label))\(style)];")
        }
        if !objectives.isEmpty {
            out.append("  \(Self.dotQuoted("(objectives)")) [label=\(Self.dotQuoted((["Objectives"] + objectives).joined(separator: "\n"))), shape=note];")
        }
        // The legend sits below the graph, out of the way of the arrows.
        out.append("  subgraph cluster_legend {")
        out.append("    label=\"Endings\"; style=dashed;")
        for outcome in Outcome.allCases {
            out.append("    \(Self.dotQuoted("(legend) " + outcome.rawValue)) [label=\(Self.dotQuoted(outcome.rawValue)), \(Self.dotEndingStyle(outcome))];")
        }
        out.append("  }")
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// The graph as a Mermaid flowchart. Nodes get safe ids (`n1`, `n2`, … in file order) and
    /// show the scenario's ids in their labels; labels are quoted, with `"`, `#`, `&`, `<`, `>`,
    /// `|` and backticks written as Mermaid entity codes and line breaks as `<br/>`.
    public func mermaid() -> String {
        var ids: [String: String] = [:]
        for (index, box) in boxes.enumerated() { ids[box.id] = "n\(index + 1)" }
        func id(_ node: String) -> String { ids[node] ?? "missing_" + String(node.unicodeScalars.filter { $0.properties.isAlphabetic }) }
        var out = ["%% " + title.split(whereSeparator: \.isNewline).joined(separator: " "), "flowchart TD"]
        out.append("  start((\"start\")) --> \(id(start))")
        for box in boxes {
            let label = "\"" + box.lines.map(Self.mermaidText).joined(separator: "<br/>") + "\""
            if let outcome = box.outcome {
                out.append("  \(id(box.id))([\(label)]):::\(outcome.rawValue)")
            } else {
                out.append("  \(id(box.id))[\(label)]")
            }
        }
        if hasAnyNodeJumps { out.append("  any>\"(any node)\"]") }
        for arrow in arrows {
            let link = arrow.dashed ? "-.->" : "-->"
            out.append("  \(arrow.from.map(id) ?? "any") \(link)|\"\(Self.mermaidText(arrow.label))\"| \(id(arrow.to))")
        }
        if !objectives.isEmpty {
            out.append("  objectives[\"" + (["Objectives"] + objectives).map(Self.mermaidText).joined(separator: "<br/>") + "\"]")
        }
        for box in boxes where box.problem != nil {
            out.append("  style \(id(box.id)) \(box.problem == "unreachable" ? "stroke-dasharray:4,stroke:#888" : "stroke:#c00,stroke-width:3px")")
        }
        out.append("  subgraph legend [\"Endings\"]")
        for outcome in Outcome.allCases {
            out.append("    legend_\(outcome.rawValue)([\"\(outcome.rawValue)\"]):::\(outcome.rawValue)")
        }
        out.append("  end")
        for outcome in Outcome.allCases {
            let colors = Self.colors(outcome)
            out.append("  classDef \(outcome.rawValue) fill:\(colors.fill),stroke:\(colors.stroke),stroke-width:2px")
        }
        out.append("  style start fill:#000,color:#fff")
        return out.joined(separator: "\n") + "\n"
    }

    /// `text` as a DOT quoted string: backslashes and quotes escaped, line breaks as `\n`.
    static func dotQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r", "\t": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `text` safe inside a quoted Mermaid label (entity codes for the characters Mermaid reads).
    static func mermaidText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "#": result += "#35;"
            case "\"": result += "#quot;"
            case "&": result += "#amp;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "|": result += "#124;"
            case "`": result += "#96;"
            case "\n": result += "<br/>"
            case "\r", "\t": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func dotEndingStyle(_ outcome: Outcome) -> String {
        let colors = colors(outcome)
        return "shape=doubleoctagon, style=filled, fillcolor=\"\(colors.fill)\", color=\"\(colors.stroke)\""
    }
}
