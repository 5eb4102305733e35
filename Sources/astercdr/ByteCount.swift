import ArgumentParser

/// `--max-body`: bytes, or with a K or M suffix (binary units), from 1 byte to 1024M. A body is
/// held in memory until it is committed, so the ceiling keeps one request from taking the machine.
struct ByteCount: ExpressibleByArgument {
    let bytes: Int

    static let largest = 1 << 30
    /// `--max-body`'s default.
    static let oneMiB = ByteCount(bytes: 1 << 20)

    init(parsing argument: String) throws(OptionValueError) {
        let units: [Character: Int] = ["K": 1 << 10, "k": 1 << 10, "M": 1 << 20, "m": 1 << 20]
        var digits = Substring(argument)
        var unit = 1
        if let last = argument.last, let factor = units[last] {
            digits = digits.dropLast()
            unit = factor
        }
        // Compared before multiplying, so no count overflows.
        guard digits.allSatisfy(\.isASCII), let value = Int(digits), value >= 1, value <= Self.largest / unit else {
            throw OptionValueError("must be 1–\(Self.largest) bytes, or 1K–\(Self.largest >> 10)K, or 1M–\(Self.largest >> 20)M")
        }
        bytes = value * unit
    }

    init?(argument: String) {
        try? self.init(parsing: argument)
    }

    init(bytes: Int) {
        self.bytes = bytes
    }

    /// The shortest way to write it back: `1M`, `64K`, `1000`.
    var defaultValueDescription: String {
        switch bytes {
        case let b where b % (1 << 20) == 0: "\(b >> 20)M"
        case let b where b % (1 << 10) == 0: "\(b >> 10)K"
        case let b: "\(b)"
        }
    }
}
