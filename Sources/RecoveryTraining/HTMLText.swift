import RecoveryCore

/// Makes untrusted text inert in HTML: markup characters become entities, and control
/// characters (ANSI escapes, bells) are shown as visible `\u{..}` notation.
public enum HTMLText {
    /// `raw` safe inside an element or a quoted attribute.
    public static func escape(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for character in TerminalSafe.escape(raw) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The style sheet shared by the debrief and team pages: plain, printable, no web fonts.
    public static let styleSheet = """
        body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
        table { border-collapse: collapse; } td, th { padding: .2rem .6rem; border-bottom: 1px solid #eee; text-align: left; }
        .note { background: #fff4d6; border-left: 4px solid #e0a800; padding: .5rem 1rem; }
        .you { background: #eef5ff; border-left: 4px solid #4a7bd0; padding: .4rem .8rem; margin: .6rem 0; }
        .customer { margin: .4rem 0 .4rem 1rem; } .narration { color: #666; font-style: italic; margin-left: 1rem; }
        .detected { color: #555; font-size: .9em; } .met { color: #1b7a2e; } .missed { color: #b3261e; }
        .chart { max-width: 100%; height: auto; } .chart text { font-size: 11px; fill: #555; }
        code { background: #f3f3f3; padding: 0 .2rem; }
        """

    /// A whole page: `title` (escaped here), `body` (already HTML), any `extraStyle` after the
    /// shared style sheet, and a class on `<body>`.
    public static func page(title: String, body: String, extraStyle: String = "", bodyClass: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(escape(title))</title>
        <style>
        \(styleSheet)\(extraStyle.isEmpty ? "" : "\n" + extraStyle)
        </style>
        </head>
        <body\(bodyClass.map { " class=\"\(escape($0))\"" } ?? "")>
        \(body)
        </body>
        </html>

        """
    }
}
