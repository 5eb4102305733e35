import ArgumentParser

/// A span of time on the command line (`--stale-after`, `--duration`): `30s`, `15m`, `4h`, or bare seconds.
struct TimeSpan: ExpressibleByArgument {
    let seconds: Int64

    init?(argument: String) {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
        var digits = Substring(argument)
        var unit: Int64 = 1
        if let last = argument.last, let factor = units[last] {
            digits = digits.dropLast()
            unit = factor
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int64(digits), value >= 0 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        seconds = product
    }

    /// `--stale-after`'s default.
    static let fourHours = TimeSpan(argument: "4h")!

    var defaultValueDescription: String {
        switch seconds {
        case let s where s % 3600 == 0: "\(s / 3600)h"
        case let s where s % 60 == 0: "\(s / 60)m"
        case let s: "\(s)s"
        }
    }
}
