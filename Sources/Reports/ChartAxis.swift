/// The value axis of a chart: from 0 to `top` in steps a person reads at a glance (20 or 50
/// calls; 5 or 15 minutes; 2 hours), at most five of them. Percentages always span 0–100%.
struct ChartAxis {
    /// What the amounts are: `.number` (counts), `.seconds`, or `.percent` (in tenths, as a report holds it).
    let kind: Column.Kind
    let top: Int64
    let step: Int64

    init(largest: Int64, kind: Column.Kind) {
        self.kind = kind
        if kind == .percent {
            top = 1000
            step = 200
            return
        }
        step = Self.readableStep(atLeast: (largest + 4) / 5, durations: kind == .seconds)
        top = max(step, (largest + step - 1) / step * step)
    }

    var ticks: [Int64] {
        Array(stride(from: 0, through: top, by: Int(step)))
    }

    /// An amount as a report row holds it, so that it is shown and kept as the table shows and keeps it.
    func value(_ amount: Int64) -> ReportValue {
        kind == .percent ? .tenths(amount) : .integer(amount)
    }

    /// The amount of a row's cell; nil for no value.
    static func amount(_ value: ReportValue) -> Int64? {
        switch value {
        case .integer(let integer): integer
        case .tenths(let tenths): tenths
        case .null, .text: nil
        }
    }

    private static func readableStep(atLeast least: Int64, durations: Bool) -> Int64 {
        // Below an hour a duration steps by the seconds and minutes a clock has; past it, by hours.
        let clockSteps: [Int64] = durations ? [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800] : []
        if let step = clockSteps.first(where: { $0 >= least }) { return step }
        var decade: Int64 = durations ? 3600 : 1
        while true {
            for multiple: Int64 in [1, 2, 5] where decade * multiple >= least {
                return decade * multiple
            }
            decade *= 10
        }
    }
}
