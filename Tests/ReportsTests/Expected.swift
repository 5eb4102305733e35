import Foundation

/// SPEC 5's figures worked out in Swift from the generated calls, the way a person would with a
/// calculator, written as CSV writes them ("" for nothing, one decimal for averages and rates).
enum Expected {
    static func tenths(_ numerator: Int64, _ denominator: Int64) -> String {
        guard denominator > 0 else { return "" }
        // numerator * 10 / denominator is exact in a Double at every .5 it can land on.
        let scaled = (Double(numerator * 10) / Double(denominator)).rounded(.toNearestOrAwayFromZero)
        return String(format: "%.1f", scaled / 10)
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        tenths(Int64(part) * 100, Int64(whole))
    }

    static func average(_ values: [Int64]) -> String {
        tenths(values.reduce(0, +), Int64(values.count))
    }

    static func summary(_ calls: [GeneratedCall], serviceLevel: Int64 = 20) -> [String: String] {
        let dialin = calls.filter(\.isDialin)
        let dialinAnswered = dialin.filter(\.answered)
        let abandoned = dialin.filter { !$0.answered }
        let answered = calls.filter(\.answered)
        let withinServiceLevel = dialinAnswered.filter { $0.wait <= serviceLevel }.count
        return [
            "calls": "\(calls.count)",
            "answered": "\(answered.count)",
            "abandoned": "\(abandoned.count)",
            "unanswered": "\(calls.filter { $0.isDialout && !$0.answered }.count)",
            "answer_rate": percent(answered.count, calls.count),
            "asa_seconds": average(dialinAnswered.map(\.wait)),
            "avg_abandon_seconds": average(abandoned.map(\.wait)),
            "service_level": percent(withinServiceLevel, dialin.count),
            "service_level_answered": percent(withinServiceLevel, dialinAnswered.count),
            "avg_talk_seconds": average(answered.map(\.talk)),
            "aht_seconds": average(answered.map { $0.talk + $0.hold + $0.acw }),
            "total_talk_seconds": "\(calls.map(\.talk).reduce(0, +))",
            "total_acw_seconds": "\(calls.map(\.acw).reduce(0, +))",
            "max_wait_seconds": dialin.map(\.wait).max().map { "\($0)" } ?? "",
        ]
    }

    /// Rows of the summary per key value, in the report's order: ids that are not numbers by
    /// text, then numeric ids by value, then calls without the key.
    static func grouped(_ calls: [GeneratedCall], keys: [String], serviceLevel: Int64 = 20, by key: (GeneratedCall) -> [String?]) -> [[String: String]] {
        let groups = Dictionary(grouping: calls) { key($0) }
        return groups.keys.sorted(by: idOrder).map { values in
            var row = summary(groups[values]!, serviceLevel: serviceLevel)
            for (name, value) in zip(keys, values) { row[name] = value ?? "" }
            return row
        }
    }

    static func idOrder(_ a: [String?], _ b: [String?]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            switch (x, y) {
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?):
                switch (Int(x), Int(y)) {
                case let (i?, j?): return i < j
                case (nil, _?): return true
                case (_?, nil): return false
                case (nil, nil): return x < y
                }
            }
        }
        return false
    }

    static func hourly(_ calls: [GeneratedCall]) -> [[String: String]] {
        (0..<24).map { hour in
            let label = String(format: "%02d", hour)
            var row = summary(calls.filter { $0.start.dropFirst(11).prefix(2) == label })
            row["hour"] = label
            return row
        }
    }

    static func daily(_ calls: [GeneratedCall], dates: [String]) -> [[String: String]] {
        dates.map { date in
            var row = summary(calls.filter { $0.start.hasPrefix(date) })
            row["date"] = date
            return row
        }
    }

    /// Per agent over its AGENT parties; `only` keeps one agent's row. The dataset has calls but no
    /// events, so no time has passed: the time figures are 0, occupancy empty (SPEC 6.4).
    static func agents(_ calls: [GeneratedCall], only: String? = nil) -> [[String: String]] {
        var parties: [String: [GeneratedParty]] = [:]
        for call in calls {
            for party in call.parties where party.role == "AGENT" && (only == nil || party.number == only) {
                parties[party.number, default: []].append(party)
            }
        }
        return parties.keys.sorted { Int($0)! < Int($1)! }.map { agent in
            let offered = parties[agent]!
            let answered = offered.filter(\.answered)
            let talk = offered.map(\.talk).reduce(0, +)
            return [
                "agent": agent,
                "offered": "\(offered.count)",
                "answered": "\(answered.count)",
                "missed": "\(offered.count - answered.count)",
                "handled": "\(calls.filter { $0.agent == agent }.count)",
                "talk_seconds": "\(talk)",
                "avg_talk_seconds": tenths(talk, Int64(answered.count)),
                "hold_seconds": "\(offered.map(\.hold).reduce(0, +))",
                "avg_ring_seconds": average(answered.map(\.ring)),
                "acw_seconds": "0",
                "aht_seconds": average(answered.map { $0.talk + $0.hold + $0.acw }),
                "login_seconds": "0",
                "pause_seconds": "0",
                "available_seconds": "0",
                "occupancy": "",
            ]
        }
    }

    /// The listing's order: newest start first, the later written first on a tie.
    static func newestFirst(_ calls: [GeneratedCall]) -> [String] {
        calls.enumerated().sorted { ($0.element.start, $0.offset) > ($1.element.start, $1.offset) }.map(\.element.sessionid)
    }
}
