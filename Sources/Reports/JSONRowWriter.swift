import CallEvents
/// A JSON array of objects keyed by column name, one object a line, written as the rows come.
final class JSONRowWriter: RowWriter {
    private let sink: TextSink
    private var keys: [String] = []
    private var rows = 0

    init(_ sink: TextSink) {
        self.sink = sink
    }

    func begin(_ columns: [Column]) {
        keys = columns.map { JSONString.literal($0.name) }
        sink.write("[")
    }

    func write(_ row: [ReportValue]) {
        sink.write((rows == 0 ? "\n" : ",\n") + Self.object(keys: keys, row))
        rows += 1
    }

    func finish(totals: [ReportValue]?) {
        sink.write(rows == 0 ? "]\n" : "\n]\n")
    }

    func note(_ text: String) {}

    /// `{"key":value,...}` from pre-escaped keys.
    static func object(keys: [String], _ row: [ReportValue]) -> String {
        "{" + zip(keys, row).map { "\($0):\(value($1))" }.joined(separator: ",") + "}"
    }

    static func object(_ columns: [Column], _ row: [ReportValue]) -> String {
        object(keys: columns.map { JSONString.literal($0.name) }, row)
    }

    static func value(_ value: ReportValue) -> String {
        switch value {
        case .null: "null"
        case .integer(let integer): String(integer)
        case .text(let text): JSONString.literal(text)
        case .tenths(let tenths): Tenths.text(tenths)
        }
    }
}
