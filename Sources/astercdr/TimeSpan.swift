import ArgumentParser
import CallStore

/// A span of time on the command line (`--stale-after`, `--duration`): `30s`, `15m`, `4h`, or bare
/// seconds, at most a year: longer is surely a slip, and the stores add it to event times.
struct TimeSpan: ExpressibleByArgument {
    let seconds: Int64

    static let largest: Int64 = 8760 * 3600

    init(parsing argument: String) throws(OptionValueError) {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
        var digits = Substring(argument)
        var unit: Int64 = 1
        if let last = argument.last, let factor = units[last] {
            digits = digits.dropLast()
            unit = factor
        }
        // Compared before multiplying, so no span overflows.
        guard digits.allSatisfy(\.isASCII), let value = Int64(digits), value >= 0, value <= Self.largest / unit else {
            throw OptionValueError("must be 0s–\(Self.largest)s, 0m–\(Self.largest / 60)m or 0h–\(Self.largest / 3600)h (one year), or bare seconds")
        }
        seconds = value * unit
    }

    init?(argument: String) {
        try? self.init(parsing: argument)
    }

    private init(seconds: Int64) {
        self.seconds = seconds
    }

    /// `--stale-after`'s default: the store's own.
    static let staleAfterDefault = TimeSpan(seconds: SessionKeeper.defaultStaleAfter)

    var defaultValueDescription: String {
        switch seconds {
        case let s where s % 3600 == 0: "\(s / 3600)h"
        case let s where s % 60 == 0: "\(s / 60)m"
        case let s: "\(s)s"
        }
    }
}
