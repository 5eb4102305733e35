/// The frame of a self-contained HTML page: the styles inline, system fonts, nothing fetched, so
/// that a supervisor can open it from a mail. The markup is XHTML-compatible (every element
/// closed, attributes quoted, no named entities but XML's own), so that an XML parser reads it too.
enum HTMLPage {
    static func start(_ page: PageShape) -> String {
        let heading = HTMLEscape.text(page.heading)
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>astercdr: \(heading)</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <h1>\(heading)</h1>
            <p class="scope">\(HTMLEscape.text(page.scope))</p>

            """
    }

    static func figure(id: String, _ chart: SVGBarChart) -> String {
        "<figure class=\"chart\" id=\"\(HTMLEscape.text(id))\">\n<figcaption>\(HTMLEscape.text(chart.caption))</figcaption>\n"
            + chart.svg() + chart.legend() + "</figure>\n"
    }

    static func note(_ text: String) -> String {
        "<p class=\"note\">\(HTMLEscape.text(text))</p>\n"
    }

    static let end = "</body>\n</html>\n"

    /// Series colours s0–s2 both fill a bar and paint its swatch in the legend.
    private static let style = """
        body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #222; margin: 24px; }
        h1 { font-size: 20px; margin: 0 0 4px; }
        p.scope, p.note { color: #555; margin: 0 0 16px; }
        figure.chart { margin: 0 0 24px; }
        figcaption { font-weight: 600; margin-bottom: 4px; }
        svg.chart { max-width: 100%; height: auto; font-size: 11px; }
        svg.chart text { fill: #555; }
        svg.chart .grid { stroke: #e2e2e2; }
        svg.chart .target { stroke: #c0392b; stroke-width: 2; stroke-dasharray: 6 3; }
        svg.chart text.target { fill: #c0392b; stroke: none; }
        .s0 { fill: #2f6fb0; background: #2f6fb0; }
        .s1 { fill: #f0a35e; background: #f0a35e; }
        .s2 { fill: #5aa469; background: #5aa469; }
        ul.legend { list-style: none; padding: 0; margin: 4px 0 0; display: flex; flex-wrap: wrap; gap: 16px; }
        .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; }
        div.table { overflow-x: auto; margin-bottom: 16px; }
        table { border-collapse: collapse; }
        th, td { padding: 3px 10px; border-bottom: 1px solid #e4e4e4; white-space: nowrap; text-align: left; }
        thead th, table.figures th { background: #f4f4f4; font-weight: 600; }
        .n { text-align: right; font-variant-numeric: tabular-nums; }
        td.null { color: #999; }
        tfoot td { font-weight: 600; border-top: 2px solid #999; }
        @media print { body { margin: 0; } div.table { overflow: visible; } }
        """
}
