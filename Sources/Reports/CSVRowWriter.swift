/// A header row of column names, then one RFC 4180 record per row; seconds stay whole seconds.
final class CSVRowWriter: RowWriter {
    private let sink: TextSink

    init(_ sink: TextSink) {
        self.sink = sink
    }

    func begin(_ columns: [Column]) {
        sink.write(CSV.record(columns.map(\.name)))
    }

    func write(_ row: [ReportValue]) {
        sink.write(CSV.record(row.map(\.plainText)))
    }

    func finish(totals: [ReportValue]?) {}

    func note(_ text: String) {}
}
