/// How a value reads in a table: durations as `m:ss`, percentages with `%`, nothing as `-`.
enum TableCell {
    static func text(_ value: ReportValue, _ kind: Column.Kind) -> String {
        switch (value, kind) {
        case (.null, _): "-"
        case (.integer(let seconds), .seconds): Clock.text(seconds: seconds)
        case (.integer(let integer), _): String(integer)
        case (.tenths(let tenths), .averageSeconds), (.tenths(let tenths), .seconds): Clock.text(tenths: tenths)
        case (.tenths(let tenths), .percent): Tenths.text(tenths) + "%"
        case (.tenths(let tenths), _): Tenths.text(tenths)
        case (.text(let text), _): printable(text)
        }
    }

    static func alignment(_ kind: Column.Kind) -> TableLayout.Alignment {
        kind == .text ? .left : .right
    }

    /// A tab or line break inside a value would break the table's lines.
    private static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }
}
