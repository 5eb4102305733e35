import Foundation

/// One cell of an HTML report's table: what it shows, the value it keeps in `data-value` (a
/// figure's, as JSON writes it), and whether it marks no value.
struct HTMLCell {
    let shown: String
    let value: String?
    let isNull: Bool

    init(_ element: HTMLElement) {
        shown = element.text
        value = element["data-value"]
        isNull = element.classes.contains("null")
    }
}

/// The table of a page `astercdr report|calls --format html` writes, read back through its markup.
enum HTMLReport {
    static let percentColumns: Set = ["answer_rate", "service_level", "service_level_answered", "occupancy"]

    /// Its rows keyed by column name: the `report` table's body, or the summary's list of figures.
    static func rows(_ page: HTMLElement) -> [[String: HTMLCell]] {
        if let figures = page.all("table").first(where: { $0.classes.contains("figures") }) {
            let pairs = figures.all("tr").map { row in (row.all("th")[0]["data-column"]!, HTMLCell(row.all("td")[0])) }
            return [Dictionary(uniqueKeysWithValues: pairs)]
        }
        guard let table = page.all("table").first(where: { $0.classes.contains("report") }) else { return [] }
        let names = table.all("thead")[0].all("th").map { $0["data-column"]! }
        return table.all("tbody")[0].all("tr").map { row in
            Dictionary(uniqueKeysWithValues: zip(names, row.all("td").map(HTMLCell.init)))
        }
    }

    static func totals(_ page: HTMLElement) -> [String: HTMLCell]? {
        guard let table = page.all("table").first(where: { $0.classes.contains("report") }),
              let foot = table.all("tfoot").first else { return nil }
        let names = table.all("thead")[0].all("th").map { $0["data-column"]! }
        return Dictionary(uniqueKeysWithValues: zip(names, foot.all("td").map(HTMLCell.init)))
    }

    /// Where an HTML row and a JSON row differ: the same keys; null shown as `-`; text shown as it
    /// is; a figure kept as the same number and shown as the terminal table shows it.
    static func differences(_ row: [String: HTMLCell], _ json: [String: Any]) -> [String] {
        var found = Set(row.keys).symmetricDifference(json.keys).map { "key \($0)" }
        for (key, value) in json {
            guard let cell = row[key] else { continue }
            let same: Bool
            switch value {
            case is NSNull:
                same = cell.isNull && cell.shown == "-" && cell.value == nil
            case let text as String:
                same = !cell.isNull && cell.shown == text && cell.value == nil
            case let number as NSNumber:
                guard let kept = cell.value, let parsed = Double(kept) else { same = false; break }
                let shown = key.hasSuffix("_seconds") ? clock(kept) : percentColumns.contains(key) ? kept + "%" : kept
                same = !cell.isNull && abs(parsed - number.doubleValue) < 1e-9 && cell.shown == shown
            default:
                same = false
            }
            if !same { found.append("\(key): \(cell.shown) [\(cell.value ?? "no value")] != \(value)") }
        }
        return found.sorted()
    }
}

/// A chart of an HTML report read back from its SVG: its axis and its bars.
struct SVGChart {
    let svg: HTMLElement
    /// The y of the axis's 0, and pixels per unit of its figures.
    let baseline: Double
    let perUnit: Double

    init(_ svg: HTMLElement) {
        self.svg = svg
        let grid = svg.all("line").filter { $0.classes.contains("grid") }
            .map { (value: Double($0["data-value"]!)!, y: Double($0["y1"]!)!) }
        let zero = grid.first { $0.value == 0 }!
        let top = grid.max { $0.value < $1.value }!
        baseline = zero.y
        perUnit = (zero.y - top.y) / top.value
    }

    var groups: [HTMLElement] {
        svg.all("g").filter { $0.classes.contains("group") }
    }

    /// The bar `series` of `group`.
    func bar(_ group: HTMLElement, _ series: String) -> HTMLElement? {
        group.all("rect").first { $0["data-series"] == series }
    }

    /// Whether `bar` stands `amount` high on the axis, to the tenth of a pixel it is rounded to.
    func isProportional(_ bar: HTMLElement, _ amount: Double) -> Bool {
        abs(Double(bar["height"]!)! - amount * perUnit) <= 0.05 + 1e-9
    }

    /// The y the target line would have at `percent`.
    func y(_ amount: Double) -> Double {
        baseline - amount * perUnit
    }
}
