/// `--format`: a terminal table, RFC 4180 CSV, JSON, or a self-contained HTML page.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table
    case csv
    case json
    case html
}

/// How a report is laid out as a table: which columns (csv, json and html always have them all)
/// and whether a bar or a single list of figures.
struct TableShape {
    var shown: [String]?
    var bar: TableRowWriter.BarColumn?
    var figureList = false

    static let allColumns = TableShape()
}

extension OutputFormat {
    /// `page` is what only an HTML page shows: its heading, the calls it covers, and its charts.
    func writer(_ sink: TextSink, table shape: TableShape = .allColumns, page: PageShape) -> RowWriter {
        switch self {
        case .csv: CSVRowWriter(sink)
        case .json: JSONRowWriter(sink)
        case .html: HTMLRowWriter(sink, page: page, figureList: shape.figureList)
        case .table where shape.figureList: FigureListWriter(sink)
        case .table: TableRowWriter(sink, shown: shape.shown, bar: shape.bar)
        }
    }
}
