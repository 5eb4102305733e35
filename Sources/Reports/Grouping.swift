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
}
