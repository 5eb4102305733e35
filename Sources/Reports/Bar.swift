/// A horizontal bar for the hourly and daily tables: its length is `total` against the largest
/// total, the first `part` of it drawn solid, so the day's shape and its answered share show at once.
enum Bar {
    static let solid: Character = "█"
    static let light: Character = "░"

    static func text(part: Int64, total: Int64, largest: Int64, width: Int) -> String {
        guard largest > 0, total > 0, width > 0 else { return "" }
        // Any call at all gets at least one character, so a quiet hour never looks empty.
        let length = max(1, scaled(total, largest, width))
        // The solid share is taken of the bar's own length, so a lone answered call is never drawn light.
        let solid = Int((2 * min(part, total) * Int64(length) + total) / (2 * total))
        return String(repeating: Self.solid, count: solid) + String(repeating: Self.light, count: length - solid)
    }

    private static func scaled(_ value: Int64, _ largest: Int64, _ width: Int) -> Int {
        Int((2 * value * Int64(width) + largest) / (2 * largest))
    }
}
