/// Aligned columns for a terminal. Widths are taken from the first thousand rows, so a long
/// listing is written as it streams; a later, wider cell pushes its line along.
final class TableRowWriter: RowWriter {
    /// A bar drawn after the last column from two columns of each row (counts of calls).
    struct BarColumn {
        let total: String
        let part: String
        let legend: String
    }

    private let sink: TextSink
    private let shown: [String]?
    private let bar: BarColumn?
    private let lookahead: Int
    private var columns: [Column] = []
    private var indices: [Int] = []
    private var barIndices: (total: Int, part: Int)?
    private var pending: [(cells: [String], bar: (part: Int64, total: Int64))] = []
    private var layout: TableLayout?
    private var notes: [String] = []

    /// `shown` names the columns the table shows, in order (nil: all of them).
    init(_ sink: TextSink, shown: [String]? = nil, bar: BarColumn? = nil) {
        self.sink = sink
        self.shown = shown
        self.bar = bar
        // The bar's scale is the largest row, so every row must be seen first.
        lookahead = bar == nil ? 1000 : .max
    }

    func begin(_ columns: [Column]) {
        indices = shown.map { names in names.compactMap { name in columns.firstIndex { $0.name == name } } }
            ?? Array(columns.indices)
        self.columns = indices.map { columns[$0] }
        if let bar, let total = columns.firstIndex(where: { $0.name == bar.total }),
           let part = columns.firstIndex(where: { $0.name == bar.part }) {
            barIndices = (total, part)
        }
    }

    func write(_ row: [ReportValue]) {
        let cells = cells(row)
        if let layout {
            sink.write(layout.line(cells) + "\n")
            return
        }
        pending.append((cells, barValues(row)))
        if pending.count >= lookahead { flushPending(totals: nil) }
    }

    func finish(totals: [ReportValue]?) {
        let totalCells = totals.map(cells)
        if layout == nil { flushPending(totals: totalCells) }
        if let layout, let totalCells {
            sink.write(layout.rule() + "\n" + layout.line(totalCells) + "\n")
        }
        if let bar, barIndices != nil { notes.insert(bar.legend, at: 0) }
        for note in notes { sink.write(note + "\n") }
    }

    func note(_ text: String) {
        notes.append(text)
    }

    private func cells(_ row: [ReportValue]) -> [String] {
        zip(indices, columns).map { TableCell.text(row[$0], $1.kind) }
    }

    private func barValues(_ row: [ReportValue]) -> (part: Int64, total: Int64) {
        guard let barIndices,
              case .integer(let total) = row[barIndices.total], case .integer(let part) = row[barIndices.part]
        else { return (0, 0) }
        return (part, total)
    }

    private func flushPending(totals: [String]?) {
        let headers = columns.map(\.title)
        let layout = TableLayout(
            headers: headers, alignments: columns.map { TableCell.alignment($0.kind) },
            rows: pending.map(\.cells) + (totals.map { [$0] } ?? []))
        self.layout = layout
        sink.write(layout.line(headers) + "\n" + layout.rule() + "\n")
        let largest = pending.map(\.bar.total).max() ?? 0
        let barWidth = max(10, 80 - layout.width - layout.separator.count)
        for row in pending {
            var line = layout.line(row.cells)
            if barIndices != nil, row.bar.total > 0 {
                line = layout.paddedLine(row.cells) + layout.separator
                    + Bar.text(part: row.bar.part, total: row.bar.total, largest: largest, width: barWidth)
            }
            sink.write(line + "\n")
        }
        pending = []
    }
}
