/// A report's table as HTML, every column: `th` carries the column's name in `data-column`; a
/// figure's `td` (class `n`) carries its value as CSV and JSON write it in `data-value` and shows
/// it as the terminal table does (`m:ss`, `87.5%`); a cell with no value has class `null` and shows `-`.
struct HTMLTable {
    let columns: [Column]
    /// One row as a list of labelled figures, one a line (the summary), rather than one row a line.
    let figureList: Bool

    func head() -> String {
        if figureList { return "<div class=\"table\"><table class=\"figures\">\n<tbody>\n" }
        let headings = columns.map { column in
            let label = column.label == column.title ? "" : " title=\"\(HTMLEscape.text(column.label))\""
            let figure = column.kind == .text ? "" : " class=\"n\""
            return "<th\(figure) data-column=\"\(HTMLEscape.text(column.name))\"\(label)>\(HTMLEscape.text(column.title))</th>"
        }
        return "<div class=\"table\"><table class=\"report\">\n<thead><tr>" + headings.joined() + "</tr></thead>\n<tbody>\n"
    }

    func row(_ row: [ReportValue]) -> String {
        if figureList {
            return zip(columns, row).map { column, value in
                "<tr><th scope=\"row\" data-column=\"\(HTMLEscape.text(column.name))\">\(HTMLEscape.text(column.label))</th>"
                    + Self.cell(value, column) + "</tr>\n"
            }.joined()
        }
        return "<tr>" + zip(row, columns).map(Self.cell).joined() + "</tr>\n"
    }

    /// `totals`: the whole range's row, under the others.
    func end(totals: [ReportValue]?) -> String {
        let foot = totals.map { "<tfoot><tr>" + zip($0, columns).map(Self.cell).joined() + "</tr></tfoot>\n" } ?? ""
        return "</tbody>\n" + foot + "</table></div>\n"
    }

    static func cell(_ value: ReportValue, _ column: Column) -> String {
        let shown = HTMLEscape.text(TableCell.text(value, column.kind))
        if value == .null { return column.kind == .text ? "<td class=\"null\">\(shown)</td>" : "<td class=\"n null\">\(shown)</td>" }
        guard column.kind != .text else { return "<td>\(shown)</td>" }
        let plain = HTMLEscape.text(value.plainText)
        // A duration shown as m:ss keeps its seconds where a pointer shows them.
        let seconds = column.kind == .seconds || column.kind == .averageSeconds ? " title=\"\(plain) seconds\"" : ""
        return "<td class=\"n\" data-value=\"\(plain)\"\(seconds)>\(shown)</td>"
    }
}
