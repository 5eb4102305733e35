import AgentStates
import SQLite

/// One agent's row of `report agents` (SPEC 5, per agent): sums and counts over its AGENT
/// parties, and its time (SPEC 6.4).
struct AgentTally {
    var offered: Int64 = 0
    var answered: Int64 = 0
    var handled: Int64 = 0
    var talk: Int64 = 0
    var hold: Int64 = 0
    var answeredRing: Int64 = 0
    /// Talk, hold and the ACW that belongs to them, of its answered parties: what its AHT averages.
    var answeredHandle: Int64 = 0
    var time = AgentTimeFigures()

    init() {}

    /// Adds one AGENT party: (answered, talk, hold, ring, acw) from column `offset` on.
    mutating func add(party statement: Statement, at offset: Int32) {
        let answeredParty = statement.int64(at: offset) != 0
        let talk = statement.int64(at: offset + 1), hold = statement.int64(at: offset + 2)
        offered += 1
        self.talk += talk
        self.hold += hold
        guard answeredParty else { return }
        answered += 1
        answeredRing += statement.int64(at: offset + 3)
        answeredHandle += talk + hold + statement.int64(at: offset + 4)
    }

    static func += (total: inout AgentTally, tally: AgentTally) {
        total.offered += tally.offered
        total.answered += tally.answered
        total.handled += tally.handled
        total.talk += tally.talk
        total.hold += tally.hold
        total.answeredRing += tally.answeredRing
        total.answeredHandle += tally.answeredHandle
        total.time += tally.time
    }

    static let columns: [Column] = [
        Column("agent", .text),
        Column("offered", .number),
        Column("answered", .number),
        Column("missed", .number),
        Column("handled", .number),
        Column("talk_seconds", .seconds, title: "talk"),
        Column("avg_talk_seconds", .averageSeconds, title: "avg talk"),
        Column("hold_seconds", .seconds, title: "hold"),
        Column("avg_ring_seconds", .averageSeconds, title: "avg ring"),
        Column("acw_seconds", .seconds, title: "ACW"),
        Column("aht_seconds", .averageSeconds, title: "AHT"),
        Column("login_seconds", .seconds, title: "login"),
        Column("pause_seconds", .seconds, title: "pause"),
        Column("available_seconds", .seconds, title: "avail"),
        Column("occupancy", .percent, title: "occ"),
    ]

    /// The columns a table shows; csv and json have them all.
    static let tableColumns = ["agent", "offered", "answered", "handled", "talk_seconds", "aht_seconds",
                               "acw_seconds", "login_seconds", "pause_seconds", "available_seconds", "occupancy"]

    /// The HTML page: each agent's talk, after-call work and available time side by side.
    static func pageShape(_ filter: CallFilter) -> PageShape {
        let time = ChartShape(
            id: "chart-agents-time", caption: "Agents' time: talk, after-call work and available", key: "agent",
            bars: .sideBySide([("talk_seconds", "talk"), ("acw_seconds", "after-call work"), ("available_seconds", "available")]))
        return PageShape(heading: "Agents", scope: filter.scope, charts: [time])
    }

    /// The row of `columns` after the agent.
    var figures: [ReportValue] {
        [
            .integer(offered),
            .integer(answered),
            .integer(offered - answered),
            .integer(handled),
            .integer(talk),
            Tenths.ratio(talk, answered).map(ReportValue.tenths) ?? .null,
            .integer(hold),
            Tenths.ratio(answeredRing, answered).map(ReportValue.tenths) ?? .null,
            .integer(time.acwSeconds),
            Tenths.ratio(answeredHandle, answered).map(ReportValue.tenths) ?? .null,
            .integer(time.loginSeconds),
            .integer(time.pauseSeconds),
            .integer(time.availableSeconds),
            time.occupancyTenths.map(ReportValue.tenths) ?? .null,
        ]
    }
}
