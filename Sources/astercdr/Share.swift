import ArgumentParser

/// A share of something on the command line: a fraction from 0 to 1 (`0.05`), or a percentage (`5%`).
struct Share: ExpressibleByArgument {
    let fraction: Double

    init(parsing argument: String) throws(OptionValueError) {
        let percent = argument.hasSuffix("%")
        guard let value = Double(percent ? String(argument.dropLast()) : argument), value.isFinite,
              case let fraction = percent ? value / 100 : value, (0...1).contains(fraction) else {
            throw OptionValueError("must be a fraction 0–1 (such as 0.05) or a percentage 0%–100% (such as 5%)")
        }
        self.fraction = fraction
    }

    init?(argument: String) {
        try? self.init(parsing: argument)
    }

    init(_ fraction: Double) {
        self.fraction = fraction
    }

    var defaultValueDescription: String { "\(fraction)" }
}
