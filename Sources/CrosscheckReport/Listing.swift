import CrosscheckCore
import Foundation

/// Renders rows in any `OutputFormat`: JSON forms from the rows' `Encodable` shape (nested values
/// intact), table and CSV from the given columns.
public struct Listing<Row: Encodable>: Sendable {
    public let columns: [Column<Row>]

    public init(columns: [Column<Row>]) {
        self.columns = columns
    }

    public func render(_ rows: [Row], as format: OutputFormat) throws -> String {
        switch format {
        case .table: return TableRenderer.render(header: columns.map(\.name), widths: columns.map(\.maxWidth),
                                                 rows: rows.map { row in columns.map { $0.value(row) } })
        case .csv: return CSVWriter.render(header: columns.map(\.name), rows: rows.map { row in columns.map { $0.value(row) } })
        case .json: return try JSONOutput.array(rows)
        case .jsonl: return try JSONOutput.lines(rows)
        }
    }
}

/// JSON encoding conventions for all output: sorted keys, ISO 8601 dates, no escaped slashes.
public enum JSONOutput {
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    public static func array<T: Encodable>(_ rows: [T]) throws -> String {
        String(decoding: try encoder(pretty: true).encode(rows), as: UTF8.self) + "\n"
    }

    /// One compact line per row (`CompactJSONEncoder`: the same bytes as `encoder(pretty: false)`, several times faster).
    public static func lines<T: Encodable>(_ rows: [T]) throws -> String {
        let e = CompactJSONEncoder()
        var out = ""
        for row in rows { out += String(decoding: try e.encode(row), as: UTF8.self) + "\n" }
        return out
    }

    public static func object<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        let bytes = pretty ? try encoder(pretty: true).encode(value) : Data(try CompactJSONEncoder().encode(value))
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }
}

/// Aligned plain-text tables.
public enum TableRenderer {
    public static func render(header: [String], widths: [Int], rows: [[String]]) -> String {
        let cells = rows.map { row in
            zip(row, widths).map { cell, width in fit(cell, width) }
        }
        var columnWidths = header.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() { columnWidths[i] = max(columnWidths[i], cell.count) }
        }
        func line(_ row: [String]) -> String {
            var text = zip(row, columnWidths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
                .joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var out = line(header) + "\n"
        out += line(columnWidths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in cells { out += line(row) + "\n" }
        return out
    }

    /// One line, cut to `width` characters with an ellipsis.
    static func fit(_ cell: String, _ width: Int) -> String {
        let single = cell.replacingOccurrences(of: "\n", with: " ")
        return single.count <= width ? single : String(single.prefix(max(1, width - 1))) + "…"
    }
}

/// RFC 4180 CSV.
public enum CSVWriter {
    public static func render(header: [String], rows: [[String]]) -> String {
        var out = header.map(escape).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map(escape).joined(separator: ",") + "\r\n" }
        return out
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
