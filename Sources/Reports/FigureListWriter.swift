/// One row shown as a list of figures, one a line, for a report that has a single row (the summary).
final class FigureListWriter: RowWriter {
    private let sink: TextSink
    private var columns: [Column] = []
    private var notes: [String] = []

    init(_ sink: TextSink) {
        self.sink = sink
    }

    func begin(_ columns: [Column]) {
        self.columns = columns
    }

    func write(_ row: [ReportValue]) {
        let values = zip(row, columns).map { TableCell.text($0, $1.kind) }
        let titleWidth = columns.map(\.label.count).max() ?? 0
        let valueWidth = values.map(\.count).max() ?? 0
        for (column, value) in zip(columns, values) {
            let title = column.label + String(repeating: " ", count: titleWidth - column.label.count)
            sink.write(title + "  " + String(repeating: " ", count: valueWidth - value.count) + value + "\n")
        }
    }

    func finish(totals: [ReportValue]?) {
        for note in notes { sink.write(note + "\n") }
    }

    func note(_ text: String) {
        notes.append(text)
    }
}
