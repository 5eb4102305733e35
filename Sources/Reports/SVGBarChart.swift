/// A bar chart as inline SVG, drawn from nothing but its figures: groups of bars along the
/// bottom, each bar a stack of segments, every height proportional to its amount on one axis
/// that starts at 0.
///
/// Each group is a `g class="group"` with the row's key in `data-key`; each segment a `rect` with
/// `data-series` and its figure in `data-value`, drawn even at height 0 so that every group has
/// every bar. The axis lines are `line class="grid"` with their value in `data-value`, the lowest
/// on the baseline; a target is one `line class="target"`. Heights are in tenths of a pixel.
struct SVGBarChart {
    struct Series {
        /// `data-series`: the report column the bars show.
        let name: String
        let label: String
    }

    struct Segment {
        /// The index of its series, which gives its colour.
        let series: Int
        let amount: Int64
    }

    struct Group {
        let key: String
        /// Side by side; each stacked from the bottom. An empty bar leaves its place blank (no value).
        let bars: [[Segment]]
    }

    let caption: String
    let axis: ChartAxis
    let series: [Series]
    let groups: [Group]
    /// A line across the plot at this amount.
    let target: Int64?

    private static let plotHeight: Int64 = 200
    private static let topMargin: Int64 = 16
    /// A generous average width of a character at the chart's 11 px font.
    private static let characterWidth = 7

    init(caption: String, kind: Column.Kind, series: [Series], groups: [Group], target: Int64? = nil) {
        self.caption = caption
        self.series = series
        self.groups = groups
        self.target = target
        let largest = groups.flatMap(\.bars).map { $0.map(\.amount).reduce(0, +) }.max() ?? 0
        axis = ChartAxis(largest: max(largest, target ?? 0), kind: kind)
    }

    func svg() -> String {
        let layout = Layout(self)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(layout.totalWidth)\" height=\"\(layout.totalHeight)\""
            + " viewBox=\"0 0 \(layout.totalWidth) \(layout.totalHeight)\" role=\"img\" aria-label=\"\(HTMLEscape.text(caption))\">\n"
        svg += "<g class=\"axis\">\n"
        for tick in axis.ticks {
            let y = Tenths.text(layout.y(tick))
            svg += "<line class=\"grid\" data-value=\"\(axis.value(tick).plainText)\" x1=\"\(layout.left)\" x2=\"\(layout.plotRight)\" y1=\"\(y)\" y2=\"\(y)\"/>"
                + "<text x=\"\(layout.left - 6)\" y=\"\(Tenths.text(layout.y(tick) + 40))\" text-anchor=\"end\">\(label(tick))</text>\n"
        }
        svg += "</g>\n"
        for (index, group) in groups.enumerated() {
            svg += "<g class=\"group\" data-key=\"\(HTMLEscape.text(group.key))\">\n"
            for (place, bar) in group.bars.enumerated() {
                let x = layout.barX(group: index, place: place)
                var bottom = 10 * layout.baseline
                for segment in bar {
                    let height = layout.barHeight(segment.amount)
                    bottom -= height
                    let name = series[segment.series]
                    let value = axis.value(segment.amount)
                    svg += "<rect class=\"s\(segment.series)\" data-series=\"\(HTMLEscape.text(name.name))\" data-value=\"\(value.plainText)\""
                        + " x=\"\(x)\" y=\"\(Tenths.text(bottom))\" width=\"\(layout.barWidth)\" height=\"\(Tenths.text(height))\">"
                        + "<title>\(HTMLEscape.text("\(group.key) \(name.label): \(TableCell.text(value, axis.kind))"))</title></rect>\n"
                }
            }
            svg += layout.keyLabel(group.key, group: index) + "\n</g>\n"
        }
        if let target {
            let y = Tenths.text(layout.y(target))
            svg += "<line class=\"target\" data-value=\"\(axis.value(target).plainText)\" x1=\"\(layout.left)\" x2=\"\(layout.plotRight)\" y1=\"\(y)\" y2=\"\(y)\"/>"
                + "<text class=\"target\" x=\"\(layout.plotRight + 6)\" y=\"\(Tenths.text(layout.y(target) + 40))\">target \(label(target))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The chart's key to its colours, as HTML beside the SVG.
    func legend() -> String {
        "<ul class=\"legend\">" + series.enumerated().map { index, series in
            "<li><span class=\"swatch s\(index)\"></span>\(HTMLEscape.text(series.label))</li>"
        }.joined() + "</ul>\n"
    }

    private func label(_ amount: Int64) -> String {
        HTMLEscape.text(TableCell.text(axis.value(amount), axis.kind))
    }

    /// Where everything goes, in whole pixels across and tenths of a pixel up.
    private struct Layout {
        let left: Int
        let slot: Int
        let barWidth: Int
        /// Bars side by side in each group.
        let bars: Int
        let plotRight: Int
        let totalWidth: Int
        let totalHeight: Int
        let baseline: Int64
        let slanted: Bool
        let axisTop: Int64

        init(_ chart: SVGBarChart) {
            bars = max(1, chart.groups.map(\.bars.count).max() ?? 1)
            let count = max(1, chart.groups.count)
            let keyWidth = (chart.groups.map(\.key.count).max() ?? 0) * SVGBarChart.characterWidth + 4
            // About 640 px of bars, each between 10 and 40 px wide; wider, to fit the keys, if that stays within it.
            slot = max(min(max(640 / count, bars * 10 + 8), bars * 40 + 16), keyWidth * count <= 640 ? keyWidth : 0)
            // A fifth of the slot between groups.
            barWidth = min((slot - max(4, slot / 5)) / bars, 40)
            // A key too long to sit under its bars (a date under a month of days) is slanted, steeply
            // enough that the next one clears it; the first leans out over the axis's labels.
            slanted = keyWidth > slot
            let ticks = chart.axis.ticks.map { TableCell.text(chart.axis.value($0), chart.axis.kind).count }
            left = max((ticks.max() ?? 1) * SVGBarChart.characterWidth + 12, slanted ? keyWidth / 2 : 0)
            plotRight = left + slot * chart.groups.count
            let bottom = slanted ? keyWidth * 9 / 10 + 16 : 24
            // Room on the right for the target's label.
            totalWidth = plotRight + (chart.target == nil ? 12 : 96)
            baseline = SVGBarChart.topMargin + SVGBarChart.plotHeight
            totalHeight = Int(baseline) + bottom
            axisTop = chart.axis.top
        }

        /// `amount`'s height on the axis, in tenths of a pixel.
        func barHeight(_ amount: Int64) -> Int64 {
            // The axis's top is never 0.
            Tenths.ratio(amount * SVGBarChart.plotHeight, axisTop)!
        }

        /// The line at `amount`, in tenths of a pixel from the top.
        func y(_ amount: Int64) -> Int64 {
            10 * baseline - barHeight(amount)
        }

        func barX(group: Int, place: Int) -> Int {
            left + group * slot + (slot - barWidth * bars) / 2 + place * barWidth
        }

        func keyLabel(_ key: String, group: Int) -> String {
            let x = left + group * slot + slot / 2
            let y = Int(baseline) + 14
            let text = HTMLEscape.text(key)
            guard slanted else { return "<text class=\"key\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\">\(text)</text>" }
            return "<text class=\"key\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"end\" transform=\"rotate(-60 \(x) \(y))\">\(text)</text>"
        }
    }
}
