/// What the summary's figures are grouped by: nothing (`summary`), or one key per row.
enum Grouping: Equatable {
    case none
    case team
    case group
    case campaign
    case did
    case hour
    case date

    /// The key columns of each row, named as in `calls` where they come from one.
    var keyColumns: [Column] {
        switch self {
        case .none: []
        case .team: [Column("team_id", .text, title: "team")]
        case .group: [Column("group_id", .text, title: "group")]
        case .campaign: [Column("modeltype", .text, title: "type"), Column("model_id", .text, title: "campaign")]
        case .did: [Column("did", .text, title: "DID")]
        case .hour: [Column("hour", .text)]
        case .date: [Column("date", .text)]
        }
    }

    /// The SQL of each key over `calls` named `alias`, in the order of `keyColumns`.
    func keyExpressions(_ alias: String) -> [String] {
        switch self {
        case .none: []
        case .team: ["\(alias).team_id"]
        case .group: ["\(alias).group_id"]
        case .campaign: ["\(alias).modeltype", "\(alias).model_id"]
        case .did: ["\(alias).did"]
        // start_time is `YYYY-MM-DD HH:MM:SS` in the database's zone.
        case .hour: ["substr(\(alias).start_time, 12, 2)"]
        case .date: ["substr(\(alias).start_time, 1, 10)"]
        }
    }

    func tableShape() -> TableShape {
        let keys = keyColumns.map(\.name)
        switch self {
        case .none:
            return TableShape(figureList: true)
        case .team, .group, .campaign, .did:
            return TableShape(shown: keys + ["calls", "answered", "abandoned", "unanswered", "answer_rate", "asa_seconds", "service_level", "aht_seconds"])
        case .hour, .date:
            return TableShape(
                shown: keys + ["calls", "answered", "abandoned", "answer_rate", "asa_seconds", "service_level"],
                bar: TableRowWriter.BarColumn(total: "calls", part: "answered", legend: "bar: calls, \(Bar.solid) answered \(Bar.light) not answered"))
        }
    }

    /// The HTML page: calls answered and not per hour or day, and the service level against
    /// `target` percent per hour or day and over the whole range.
    func pageShape(_ filter: CallFilter, target: Int) -> PageShape {
        func againstTarget(_ per: String) -> ChartShape {
            ChartShape(
                id: "chart-service-level", caption: "Service level\(per), against the target of \(target)%",
                key: keyColumns.first?.name, bars: .againstTarget(column: "service_level", target: target))
        }
        func calls(_ per: String) -> ChartShape {
            ChartShape(
                id: "chart-calls", caption: "Calls\(per): answered and not answered", key: keyColumns[0].name,
                bars: .split(total: "calls", part: "answered", partLabel: "answered", restLabel: "not answered"))
        }
        switch self {
        case .none: return PageShape(heading: "Calls: summary", scope: filter.scope, charts: [againstTarget("")])
        case .team: return PageShape(heading: "Calls by team", scope: filter.scope)
        case .group: return PageShape(heading: "Calls by agent group", scope: filter.scope)
        case .campaign: return PageShape(heading: "Calls by campaign", scope: filter.scope)
        case .did: return PageShape(heading: "Calls by DID", scope: filter.scope)
        case .hour:
            return PageShape(heading: "Calls by hour of day", scope: filter.scope, charts: [calls(" per hour of day"), againstTarget(" per hour of day")])
        case .date:
            return PageShape(heading: "Calls by day", scope: filter.scope, charts: [calls(" per day"), againstTarget(" per day")])
        }
    }
}
