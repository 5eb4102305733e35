import ArgumentParser

/// A share of something on the command line: a fraction from 0 to 1 (`0.05`), or a percentage (`5%`).
struct Share: ExpressibleByArgument {
    let fraction: Double

    init?(argument: String) {
        let percent = argument.hasSuffix("%")
        guard let value = Double(percent ? String(argument.dropLast()) : argument), value.isFinite else { return nil }
        let fraction = percent ? value / 100 : value
        guard (0...1).contains(fraction) else { return nil }
        self.fraction = fraction
    }

    init(_ fraction: Double) {
        self.fraction = fraction
    }

    var defaultValueDescription: String { "\(fraction)" }
}
