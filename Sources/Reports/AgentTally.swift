import SQLite

/// One agent's sums and counts over its AGENT parties (SPEC 5, per agent).
struct AgentTally {
    var offered: Int64 = 0
    var answered: Int64 = 0
    var handled: Int64 = 0
    var talk: Int64 = 0
    var hold: Int64 = 0
    var answeredRing: Int64 = 0

    init() {}

    init(_ statement: Statement, at offset: Int32) {
        offered = statement.count(at: offset)
        answered = statement.count(at: offset + 1)
        handled = statement.count(at: offset + 2)
        talk = statement.count(at: offset + 3)
        hold = statement.count(at: offset + 4)
        answeredRing = statement.count(at: offset + 5)
    }

    static func += (total: inout AgentTally, tally: AgentTally) {
        total.offered += tally.offered
        total.answered += tally.answered
        total.handled += tally.handled
        total.talk += tally.talk
        total.hold += tally.hold
        total.answeredRing += tally.answeredRing
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
    ]

    /// The row of `columns` after the agent's number.
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
        ]
    }
}
