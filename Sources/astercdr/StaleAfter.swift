import ArgumentParser

/// `--stale-after`: `30s`, `15m`, `4h`, or bare seconds.
struct StaleAfter: ExpressibleByArgument {
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
        seconds = value * unit
    }

    static let `default` = StaleAfter(argument: "4h")!
    var defaultValueDescription: String { "4h" }
}
