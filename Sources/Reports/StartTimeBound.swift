import CallEvents
import Foundation

/// `--from` and `--to` as bounds on `calls.start_time`, whose text sorts in time order.
enum StartTimeBound {
    /// The inclusive lower bound: a date means its midnight.
    static func from(_ text: String, option: String) throws(FilterError) -> String {
        try parse(text, option: option).start.text
    }

    /// The exclusive upper bound: a date-only `--to` takes in that whole day, so the bound is the
    /// next midnight. nil when there is no later time to bound by (`--to 9999-12-31`).
    static func to(_ text: String, option: String) throws(FilterError) -> String? {
        let (start, dateOnly) = try parse(text, option: option)
        return dateOnly ? nextMidnight(after: start)?.text : start.text
    }

    private static func parse(_ text: String, option: String) throws(FilterError) -> (start: CivilTime, dateOnly: Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.utf8.count == 10, let midnight = CivilTime(parsing: trimmed + " 00:00:00") {
            return (midnight, true)
        }
        guard let time = CivilTime(parsing: trimmed) else { throw .notATime(option: option, value: text) }
        return (time, false)
    }

    private static func nextMidnight(after day: CivilTime) -> CivilTime? {
        CivilTime(year: day.year, month: day.month, day: day.day + 1, hour: 0, minute: 0, second: 0)
            ?? CivilTime(year: day.year, month: day.month + 1, day: 1, hour: 0, minute: 0, second: 0)
            ?? CivilTime(year: day.year + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0)
    }
}
