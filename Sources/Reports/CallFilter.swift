import CallAssembly

/// Which calls a listing or report covers (SPEC 4). Every field is optional; all given must match.
public struct CallFilter: Sendable, Equatable {
    /// Inclusive lower bound on `start_time`, `YYYY-MM-DD HH:MM:SS`.
    public var startFrom: String?
    /// Exclusive upper bound on `start_time`.
    public var startBefore: String?
    /// An AGENT or CONSULT party's agent key (SPEC 6.1) or number: the calls the agent was offered
    /// or took part in.
    public var agent: String?
    /// The customer's number, `calls.customer_number`.
    public var number: String?
    public var direction: CallDirection?
    public var disposition: Disposition?
    public var team: String?
    public var group: String?
    /// `calls.model_id`, whatever its `modeltype`.
    public var campaign: String?
    public var did: String?
    /// Only calls whose end (`end_epoch`) is at or before this moment: the day so far of `now`.
    var endedBy: Int64?

    public init() {}

    /// Only a date range and an agent: what an index on the parties' call start can answer alone.
    var coversDatesAndAgentOnly: Bool {
        number == nil && direction == nil && disposition == nil && team == nil && group == nil && campaign == nil && did == nil
            && endedBy == nil
    }

    /// Reads the command line's values, each checked and named by its option in any error.
    public init(
        from: String? = nil, to: String? = nil, agent: String? = nil, number: String? = nil,
        direction: String? = nil, disposition: String? = nil, team: String? = nil, group: String? = nil,
        campaign: String? = nil, did: String? = nil
    ) throws(FilterError) {
        startFrom = try from.map { text throws(FilterError) in try StartTimeBound.from(text, option: "--from") }
        startBefore = try to.flatMap { text throws(FilterError) in try StartTimeBound.to(text, option: "--to") }
        self.agent = try Self.value(agent, option: "--agent")
        self.number = try Self.value(number, option: "--number")
        self.team = try Self.value(team, option: "--team")
        self.group = try Self.value(group, option: "--group")
        self.campaign = try Self.value(campaign, option: "--campaign")
        self.did = try Self.value(did, option: "--did")
        self.direction = try Self.choice(direction, option: "--direction", noun: "a direction")
        self.disposition = try Self.choice(disposition, option: "--disposition", noun: "a disposition")
    }

    private static func value(_ text: String?, option: String) throws(FilterError) -> String? {
        guard let text else { return nil }
        guard !text.isEmpty else { throw .empty(option: option) }
        return text
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ text: String?, option: String, noun: String) throws(FilterError) -> T?
    where T.RawValue == String {
        guard let text = try value(text, option: option) else { return nil }
        guard let chosen = T(rawValue: text.lowercased()) else {
            throw .notOneOf(option: option, value: text, noun: noun, allowed: T.allCases.map(\.rawValue))
        }
        return chosen
    }
}
