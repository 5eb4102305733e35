/// A chart an HTML page draws above its table, naming the report columns it reads.
struct ChartShape {
    enum Bars {
        /// One bar per row, `total` high: `part` at the bottom, the rest above it.
        case split(total: String, part: String, partLabel: String, restLabel: String)
        /// One bar per column, side by side, each with its label.
        case sideBySide([(column: String, label: String)])
        /// One bar of a percentage column, labelled as the column is, against a line across at `target` percent.
        case againstTarget(column: String, target: Int)
    }

    /// The figure's `id`.
    let id: String
    let caption: String
    /// The column naming each group of bars; nil: the report's one row, the whole range.
    let key: String?
    let bars: Bars

    func chart(_ columns: [Column], _ rows: [[ReportValue]]) -> SVGBarChart {
        func index(_ name: String) -> Int { columns.firstIndex { $0.name == name }! }
        let keys = rows.map { row in key.map { TableCell.text(row[index($0)], .text) } ?? "all calls" }
        func amount(_ row: [ReportValue], _ column: String) -> Int64? { ChartAxis.amount(row[index(column)]) }
        switch bars {
        case .split(let total, let part, let partLabel, let restLabel):
            let groups = zip(keys, rows).map { key, row in
                let whole = amount(row, total) ?? 0, inPart = amount(row, part) ?? 0
                return SVGBarChart.Group(key: key, bars: [[.init(series: 0, amount: inPart), .init(series: 1, amount: whole - inPart)]])
            }
            return SVGBarChart(
                caption: caption, kind: .number,
                series: [.init(name: part, label: partLabel), .init(name: "not_" + part, label: restLabel)], groups: groups)
        case .sideBySide(let shown):
            let groups = zip(keys, rows).map { key, row in
                SVGBarChart.Group(key: key, bars: shown.indices.map { [.init(series: $0, amount: amount(row, shown[$0].column) ?? 0)] })
            }
            return SVGBarChart(
                caption: caption, kind: columns[index(shown[0].column)].kind,
                series: shown.map { .init(name: $0.column, label: $0.label) }, groups: groups)
        case .againstTarget(let column, let target):
            let groups = zip(keys, rows).map { key, row in
                SVGBarChart.Group(key: key, bars: [amount(row, column).map { [.init(series: 0, amount: $0)] } ?? []])
            }
            // A percentage is held in tenths.
            return SVGBarChart(
                caption: caption, kind: .percent, series: [.init(name: column, label: columns[index(column)].label)], groups: groups,
                target: Int64(target) * 10)
        }
    }
}
