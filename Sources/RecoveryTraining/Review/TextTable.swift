import Foundation
import RecoveryCore

/// Rows of cells that print as an aligned text table or as CSV.
public struct TextTable: Sendable, Equatable {
    /// The column names.
    public var headers: [String]
    /// The cells, one array per row, as many cells as headers.
    public var rows: [[String]]
    /// Columns aligned to the right (numbers).
    public var rightAligned: Set<Int>

    /// A table with `headers`, `rows`, and the numeric columns in `rightAligned`.
    public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// Aligned columns separated by two spaces; every cell made terminal-safe first.
    public func aligned() -> String {
        let safe = ([headers] + rows).map { $0.map { TerminalSafe.escape($0) } }
        var widths = Array(repeating: 0, count: headers.count)
        for row in safe { for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], cell.count) } }
        return safe.map { row in
            var line = ""
            for (column, cell) in row.enumerated() where column < widths.count {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let isLast = column == widths.count - 1
                if column > 0 { line += "  " }
                line += rightAligned.contains(column) ? padding + cell : cell + (isLast ? "" : padding)
            }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV (CRLF line ends, fields quoted when needed), with spreadsheet formulas
    /// defused: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
    public func csv() -> String {
        ([headers] + rows).map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One CSV field: formula-guarded, then quoted if it holds a comma, quote or line break.
    public static func csvField(_ raw: String) -> String {
        var cell = raw
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
