/// Reads a report table back: the dashed rule under the header gives each column's span.
struct TableText {
    let lines: [String]
    let spans: [Range<Int>]
    let titles: [String]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rule = Array(lines.count > 1 ? lines[1] + " " : "")
        var spans: [Range<Int>] = []
        var start: Int?
        for (index, character) in rule.enumerated() {
            if character == "-", start == nil { start = index }
            if character != "-", let from = start {
                spans.append(from..<index)
                start = nil
            }
        }
        self.spans = spans
        titles = lines.isEmpty ? [] : Self.raw(lines[0], spans).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Each column's text exactly as laid out, padding included.
    static func raw(_ line: String, _ spans: [Range<Int>]) -> [String] {
        let characters = Array(line)
        return spans.map { span in
            String(span.map { $0 < characters.count ? characters[$0] : " " })
        }
    }

    static func isRule(_ line: String) -> Bool {
        line.contains("--") && line.allSatisfy { $0 == "-" || $0 == " " }
    }

    /// The lines between the rule under the header and the next rule (or a note).
    var body: [String] {
        Array(lines.dropFirst(2).prefix { !Self.isRule($0) && !$0.isEmpty && !$0.hasPrefix("(") && !$0.hasPrefix("bar:") && !$0.hasPrefix("* ") })
    }

    /// The line after the second rule.
    var totals: String? {
        let rules = lines.indices.filter { Self.isRule(lines[$0]) }
        return rules.count > 1 && rules[1] + 1 < lines.count ? lines[rules[1] + 1] : nil
    }

    func cells(_ line: String) -> [String: String] {
        Dictionary(zip(titles, Self.raw(line, spans).map { $0.trimmingCharacters(in: .whitespaces) })) { first, _ in first }
    }

    /// True when every body and totals cell of `title` ends where its column ends.
    func rightAligned(_ title: String) -> Bool {
        guard let column = titles.firstIndex(of: title) else { return false }
        return (body + (totals.map { [$0] } ?? [])).allSatisfy { line in
            let raw = Self.raw(line, spans)[column]
            return raw.last != " "
        }
    }
}

import Foundation

/// `m:ss` or `h:mm:ss` of a whole number of seconds, or of a one-decimal average as CSV writes it.
func clock(_ csv: String) -> String {
    guard let value = Double(csv) else { return "-" }
    let seconds = Int(value.rounded(.toNearestOrAwayFromZero))
    return seconds >= 3600
        ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String(format: "%d:%02d", seconds / 60, seconds % 60)
}
