/// One self-contained HTML page: the heading and the calls it covers, the charts of the page's
/// shape, then the table of every column and the notes. The charts need every row, so a page with
/// charts (a report of at most a few hundred rows) holds its rows until `finish`; a page without
/// (a listing of any length) writes each row as it comes.
final class HTMLRowWriter: RowWriter {
    private let sink: TextSink
    private let page: PageShape
    private let figureList: Bool
    private var table = HTMLTable(columns: [], figureList: false)
    private var held: [[ReportValue]] = []
    private var opened = false
    private var notes: [String] = []

    init(_ sink: TextSink, page: PageShape, figureList: Bool) {
        self.sink = sink
        self.page = page
        self.figureList = figureList
    }

    func begin(_ columns: [Column]) {
        table = HTMLTable(columns: columns, figureList: figureList)
        if page.charts.isEmpty { open() }
    }

    func write(_ row: [ReportValue]) {
        if opened {
            sink.write(table.row(row))
        } else {
            held.append(row)
        }
    }

    func finish(totals: [ReportValue]?) {
        if !opened {
            open()
            for row in held { sink.write(table.row(row)) }
        }
        sink.write(table.end(totals: totals) + notes.map(HTMLPage.note).joined() + HTMLPage.end)
    }

    func note(_ text: String) {
        notes.append(text)
    }

    private func open() {
        var top = HTMLPage.start(page)
        // With no rows there is nothing to draw.
        if !held.isEmpty {
            for chart in page.charts {
                top += HTMLPage.figure(id: chart.id, chart.chart(table.columns, held))
            }
        }
        sink.write(top + table.head())
        opened = true
    }
}
