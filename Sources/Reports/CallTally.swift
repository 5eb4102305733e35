import SQLite

/// The whole-number sums and counts that SPEC 5's figures come from. Two tallies of disjoint
/// calls add up to the tally of both, so a table's totals row needs no second query.
struct CallTally: Equatable {
    var calls: Int64 = 0
    var answered: Int64 = 0
    var abandoned: Int64 = 0
    var unanswered: Int64 = 0
    var dialin: Int64 = 0
    var dialinAnswered: Int64 = 0
    var dialinAnsweredWait: Int64 = 0
    var abandonedWait: Int64 = 0
    var withinServiceLevel: Int64 = 0
    var answeredTalk: Int64 = 0
    /// Talk, hold and after-call work of answered calls: what AHT averages (SPEC 5).
    var answeredHandle: Int64 = 0
    var talk: Int64 = 0
    var acw: Int64 = 0
    /// nil when there was no dial-in call.
    var longestDialinWait: Int64?

    /// The columns one call contributes, selected from `calls` named `alias`. A call counts as
    /// answered, abandoned or unanswered by SPEC 5, whether it is complete or not.
    static func perCall(_ alias: String) -> String {
        """
        \(alias).direction = 'dialin' COLLATE NOCASE AS dialin, \
        \(alias).direction = 'dialout' COLLATE NOCASE AS dialout, \
        \(alias).disposition = 'answered' AS answered, \
        \(alias).wait_seconds AS wait, \(alias).talk_seconds AS talk, \(alias).hold_seconds AS hold, \
        \(alias).acw_seconds AS acw
        """
    }

    /// The aggregates over rows of `perCall`, in the order `init(_:at:)` reads them.
    static func aggregates(serviceLevel placeholder: String) -> [String] {
        [
            "count(*)",
            "count(*) FILTER (WHERE answered)",
            "count(*) FILTER (WHERE dialin AND NOT answered)",
            "count(*) FILTER (WHERE dialout AND NOT answered)",
            "count(*) FILTER (WHERE dialin)",
            "count(*) FILTER (WHERE dialin AND answered)",
            "sum(wait) FILTER (WHERE dialin AND answered)",
            "sum(wait) FILTER (WHERE dialin AND NOT answered)",
            "count(*) FILTER (WHERE dialin AND answered AND wait <= \(placeholder))",
            "sum(talk) FILTER (WHERE answered)",
            "sum(talk + hold + acw) FILTER (WHERE answered)",
            "sum(talk)",
            "sum(acw)",
            "max(wait) FILTER (WHERE dialin)",
        ]
    }

    init() {}

    /// Reads `aggregates` from column `offset` on; NULLs (a LEFT JOIN's empty hour) read as nothing.
    init(_ statement: Statement, at offset: Int32) {
        calls = statement.count(at: offset)
        answered = statement.count(at: offset + 1)
        abandoned = statement.count(at: offset + 2)
        unanswered = statement.count(at: offset + 3)
        dialin = statement.count(at: offset + 4)
        dialinAnswered = statement.count(at: offset + 5)
        dialinAnsweredWait = statement.count(at: offset + 6)
        abandonedWait = statement.count(at: offset + 7)
        withinServiceLevel = statement.count(at: offset + 8)
        answeredTalk = statement.count(at: offset + 9)
        answeredHandle = statement.count(at: offset + 10)
        talk = statement.count(at: offset + 11)
        acw = statement.count(at: offset + 12)
        longestDialinWait = statement.optionalInt64(at: offset + 13)
    }

    static func += (total: inout CallTally, tally: CallTally) {
        total.calls += tally.calls
        total.answered += tally.answered
        total.abandoned += tally.abandoned
        total.unanswered += tally.unanswered
        total.dialin += tally.dialin
        total.dialinAnswered += tally.dialinAnswered
        total.dialinAnsweredWait += tally.dialinAnsweredWait
        total.abandonedWait += tally.abandonedWait
        total.withinServiceLevel += tally.withinServiceLevel
        total.answeredTalk += tally.answeredTalk
        total.answeredHandle += tally.answeredHandle
        total.talk += tally.talk
        total.acw += tally.acw
        total.longestDialinWait = [total.longestDialinWait, tally.longestDialinWait].compactMap { $0 }.max()
    }

    static func columns(serviceLevel: Int) -> [Column] {
        [
            Column("calls", .number),
            Column("answered", .number),
            Column("abandoned", .number),
            Column("unanswered", .number),
            Column("answer_rate", .percent, title: "rate", label: "answer rate"),
            Column("asa_seconds", .averageSeconds, title: "ASA", label: "average speed of answer (ASA)"),
            Column("avg_abandon_seconds", .averageSeconds, title: "aband wait", label: "average abandon wait"),
            Column("service_level", .percent, title: "SL \(serviceLevel)s", label: "service level (answered within \(serviceLevel)s)"),
            Column("service_level_answered", .percent, title: "SL ans", label: "service level of answered calls"),
            Column("avg_talk_seconds", .averageSeconds, title: "avg talk", label: "average talk"),
            Column("aht_seconds", .averageSeconds, title: "AHT", label: "average handle time (AHT)"),
            Column("total_talk_seconds", .seconds, title: "talk", label: "total talk"),
            Column("total_acw_seconds", .seconds, title: "ACW", label: "total after-call work (ACW)"),
            Column("max_wait_seconds", .seconds, title: "max wait", label: "longest dial-in wait"),
        ]
    }

    /// The figures of `columns`, averages and rates rounded to one decimal, nil where nothing was averaged.
    var figures: [ReportValue] {
        [
            .integer(calls),
            .integer(answered),
            .integer(abandoned),
            .integer(unanswered),
            tenths(Tenths.percent(answered, of: calls)),
            tenths(Tenths.ratio(dialinAnsweredWait, dialinAnswered)),
            tenths(Tenths.ratio(abandonedWait, abandoned)),
            tenths(Tenths.percent(withinServiceLevel, of: dialin)),
            tenths(Tenths.percent(withinServiceLevel, of: dialinAnswered)),
            tenths(Tenths.ratio(answeredTalk, answered)),
            tenths(Tenths.ratio(answeredHandle, answered)),
            .integer(talk),
            .integer(acw),
            ReportValue(longestDialinWait),
        ]
    }

    private func tenths(_ value: Int64?) -> ReportValue {
        value.map(ReportValue.tenths) ?? .null
    }
}
