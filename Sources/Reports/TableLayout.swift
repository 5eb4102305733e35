/// Column widths for a terminal: as wide as the widest cell, two spaces apart, or one space
/// when two would not fit in `maxWidth`.
struct TableLayout {
    enum Alignment {
        case left
        case right
    }

    let alignments: [Alignment]
    let widths: [Int]
    let separator: String

    init(headers: [String], alignments: [Alignment], rows: [[String]], maxWidth: Int = 80) {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], cell.count)
            }
        }
        self.alignments = alignments
        self.widths = widths
        let content = widths.reduce(0, +)
        separator = content + 2 * (widths.count - 1) <= maxWidth ? "  " : " "
    }

    /// The width of a full line.
    var width: Int {
        widths.reduce(0, +) + separator.count * (widths.count - 1)
    }

    /// One line, without trailing spaces; a cell wider than its column pushes the rest along.
    func line(_ cells: [String]) -> String {
        String(paddedLine(cells).reversed().drop { $0 == " " }.reversed())
    }

    /// One line with every column at its full width, for something drawn after the last column.
    func paddedLine(_ cells: [String]) -> String {
        zip(cells, zip(widths, alignments)).map { cell, format in
            let padding = String(repeating: " ", count: max(0, format.0 - cell.count))
            return format.1 == .left ? cell + padding : padding + cell
        }.joined(separator: separator)
    }

    func rule() -> String {
        widths.map { String(repeating: "-", count: $0) }.joined(separator: separator)
    }
}
