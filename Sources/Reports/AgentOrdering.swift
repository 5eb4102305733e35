/// The order of agents in a report: numeric keys by value (8 before 10), others after them by
/// text, no agent last: what SQLite's `ORDER BY agent IS NULL, CAST(agent AS INTEGER), agent` gives.
enum AgentOrdering {
    static func precedes(_ lhs: String?, _ rhs: String?) -> Bool {
        guard let lhs else { return false }
        guard let rhs else { return true }
        let (l, r) = (leadingInteger(lhs), leadingInteger(rhs))
        if l != r { return l < r }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// SQLite's CAST to INTEGER: the leading whole number (sign included), 0 when there is none.
    private static func leadingInteger(_ text: String) -> Int64 {
        var digits = Substring(text.drop { $0 == " " })
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        var value: Int64 = 0
        for character in digits {
            guard let digit = character.wholeNumberValue, character.isASCII else { break }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return negative ? .min : .max }
            value = next
        }
        return negative ? -value : value
    }
}
