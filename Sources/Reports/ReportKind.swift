/// `astercdr report KIND`.
public enum ReportKind: String, CaseIterable, Sendable {
    case summary
    case agents
    case teams
    case groups
    case campaigns
    case dids
    case hourly
    case daily

    /// What the summary's figures are grouped by; nil for `agents`, which has figures of its own.
    var grouping: Grouping? {
        switch self {
        case .summary: Grouping.none
        case .agents: nil
        case .teams: .team
        case .groups: .group
        case .campaigns: .campaign
        case .dids: .did
        case .hourly: .hour
        case .daily: .date
        }
    }
}
