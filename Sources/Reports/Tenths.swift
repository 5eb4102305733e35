/// Figures rounded to one decimal, computed exactly from whole-number sums and counts.
enum Tenths {
    /// `numerator / denominator` in tenths, rounded half up; nil when there is nothing to divide by.
    static func ratio(_ numerator: Int64, _ denominator: Int64) -> Int64? {
        guard denominator > 0 else { return nil }
        // Integer arithmetic, so that 12.25 rounds to 12.3 and never to 12.2 through a binary fraction.
        return (20 * numerator + denominator) / (2 * denominator)
    }

    /// `part / whole` as a percentage in tenths.
    static func percent(_ part: Int64, of whole: Int64) -> Int64? {
        ratio(100 * part, whole)
    }

    /// `125` -> `12.5`.
    static func text(_ tenths: Int64) -> String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
