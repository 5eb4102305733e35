/// `--format`: a terminal table, RFC 4180 CSV, or JSON.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table
    case csv
    case json
}

/// How a report is laid out as a table: which columns (csv and json always have them all) and
/// whether a bar or a single list of figures.
struct TableShape {
    var shown: [String]?
    var bar: TableRowWriter.BarColumn?
    var figureList = false

    static let allColumns = TableShape()
}

extension OutputFormat {
    func writer(_ sink: TextSink, table shape: TableShape = .allColumns) -> RowWriter {
        switch self {
        case .csv: CSVRowWriter(sink)
        case .json: JSONRowWriter(sink)
        case .table where shape.figureList: FigureListWriter(sink)
        case .table: TableRowWriter(sink, shown: shape.shown, bar: shape.bar)
        }
    }
}
