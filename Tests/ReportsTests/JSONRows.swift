import Foundation

/// Decodes a report's JSON with Foundation's parser and compares it with rows written the way
/// CSV writes them, so that one expectation checks both formats.
enum JSONRows {
    static func array(_ text: String) throws -> [[String: Any]] {
        guard let rows = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else { throw Malformed(text: text) }
        return rows
    }

    static func object(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { throw Malformed(text: text) }
        return object
    }

    /// The keys whose values differ: "" must be null, a number the same number, text the same text.
    static func differences(_ row: [String: Any], _ expected: [String: String]) -> [String] {
        var keys = Set(row.keys).symmetricDifference(expected.keys).map { "key \($0)" }
        for (key, want) in expected {
            guard let value = row[key] else { continue }
            let same: Bool
            switch value {
            case is NSNull: same = want.isEmpty
            case let text as String: same = text == want
            case let number as NSNumber: same = Double(want).map { abs($0 - number.doubleValue) < 1e-9 } ?? false
            default: same = false
            }
            if !same { keys.append("\(key): \(value) != \(want)") }
        }
        return keys.sorted()
    }

    struct Malformed: Error {
        let text: String
    }
}
