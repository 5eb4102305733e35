/// Someone who takes calls: an agent of a group, or a supervisor who takes consults.
final class Agent {
    /// Their phone: the `activenum` of their calls.
    let number: String
    /// The login number an agent signs in with (SPEC 6.1); empty for a supervisor, who does not.
    let agentno: String
    let team: String
    let group: String
    /// When they can take their next call: never earlier, so nobody is on two calls at once.
    var freeAt: Int64
    /// When an agent on a shift goes to lunch, after the first call they finish from then on; nil
    /// once they have been, or without a shift.
    var lunchAt: Int64?

    init(number: String, agentno: String, team: String, group: String, freeAt: Int64) {
        self.number = number
        self.agentno = agentno
        self.team = team
        self.group = group
        self.freeAt = freeAt
    }
}

/// The simulated call centre: 40 agents by default (phones 041139735840 .. 041139735879, agentnos
/// 8001 .. 8040; more or fewer in multiples of 4) in 4 groups and 3 teams, 3 inbound DIDs, 2
/// campaigns, 5 supervisors who take consults.
final class CallCentre {
    /// An inbound number: the group that answers it, its campaign, and its share of dial-in calls.
    struct DID: Weighted {
        let number: String
        let group: String
        let campaign: String
        let weight: Double
    }

    /// A group whose agents dial out, for which campaign, and its share of dial-out calls.
    struct DialOutGroup: Weighted {
        let group: String
        let campaign: String
        let weight: Double
    }

    static let dids = [
        DID(number: "800888", group: "100", campaign: "10", weight: 40),
        DID(number: "8008008", group: "101", campaign: "10", weight: 40),
        DID(number: "4006558800", group: "102", campaign: "12", weight: 20),
    ]
    static let dialOutGroups = [
        DialOutGroup(group: "102", campaign: "10", weight: 25),
        DialOutGroup(group: "103", campaign: "12", weight: 75),
    ]

    /// group id -> its agents. 100 and 101: inbound hotlines; 102: blended (inbound and
    /// callbacks); 103: outbound sales.
    private(set) var groups: [String: [Agent]] = [:]
    let supervisors: [Agent]

    /// The default number of agents.
    static let defaultAgents = 40

    /// Everyone is free some time in the ten minutes before `start`, when they logged in. `agents`
    /// is shared evenly by the 4 groups; a ring-all call, and a call passed on to the next agent,
    /// need two of a group.
    init(start: Int64, agents: Int = CallCentre.defaultAgents, random: inout SeededRandom) {
        precondition(agents >= 8, "a group needs two agents")
        let perGroup = agents / 4
        let agentnoDigits = max(3, String(4 * perGroup).count)
        // Numbered from 041139735840 (agentno 8001) on: group 101 first, then 100, 102 and 103.
        let layout: [(group: String, team: String, block: Int)] = [("100", "3", 1), ("101", "3", 0), ("102", "20", 2), ("103", "21", 3)]
        for (group, team, block) in layout {
            let first = block * perGroup
            groups[group] = (first..<first + perGroup).map { index in
                Agent(number: Self.number(40 + index), agentno: Self.agentno(index + 1, digits: agentnoDigits), team: team, group: group,
                      freeAt: start - Int64(random.int(in: 0...600)))
            }
        }
        let afterAgents = 40 + 4 * perGroup + 10
        supervisors = (afterAgents..<afterAgents + 5).map { Agent(number: Self.number($0), agentno: "", team: "", group: "", freeAt: start) }
    }

    /// The `n`-th phone number: 041139735800 + n.
    private static func number(_ n: Int) -> String {
        "0" + String(41_139_735_800 + n)
    }

    /// The login number of the `index`-th agent (from 1): 8 and the index zero-padded to `digits`,
    /// which is 3 or, from 1,000 agents on, as many as the last index has (80001 ... 81000), so
    /// the agentnos of one centre are all one length and sort in numeric order as text.
    private static func agentno(_ index: Int, digits: Int) -> String {
        let text = String(index)
        return "8" + String(repeating: "0", count: digits - text.count) + text
    }

    /// Agents in a stable order: groups by id, agents by number.
    var everyAgent: [Agent] {
        groups.keys.sorted().flatMap { groups[$0]! }
    }

    func team(of group: String) -> String {
        groups[group]![0].team
    }

    /// `count` agents of `group` for a call that wants them at `time`, and the moment they are
    /// all free (`time`, or later when too few are free then).
    func freeAgents(of group: String, count: Int, at time: Int64, excluding excluded: Agent? = nil,
                    random: inout SeededRandom) -> (agents: [Agent], at: Int64) {
        free(among: groups[group]!.filter { $0 !== excluded }, count: count, at: time, random: &random)
    }

    /// A supervisor free at `time`, or the one free soonest after it.
    func freeSupervisor(at time: Int64, random: inout SeededRandom) -> (supervisor: Agent, at: Int64) {
        let (chosen, at) = free(among: supervisors, count: 1, at: time, random: &random)
        return (chosen[0], at)
    }

    /// When the `count`-th agent of `group` to come free is free.
    func soonestFree(of group: String, count: Int) -> Int64 {
        Self.soonestFree(count, among: groups[group]!)[count - 1].freeAt
    }

    private func free(among people: [Agent], count: Int, at time: Int64, random: inout SeededRandom) -> ([Agent], Int64) {
        var free = people.filter { $0.freeAt <= time }
        if free.count >= count {
            // A partial shuffle: `count` of them, each equally likely.
            for index in 0..<count {
                free.swapAt(index, random.int(in: index...free.count - 1))
            }
            return (Array(free.prefix(count)), time)
        }
        let soonest = Self.soonestFree(count, among: people)
        return (soonest, max(time, soonest[count - 1].freeAt))
    }

    /// The `count` of `people` free soonest, in that order (of those free at the same time, the
    /// first in `people` first). Asked for every call, and for many when the centre falls behind:
    /// one pass, not a sort.
    private static func soonestFree(_ count: Int, among people: [Agent]) -> [Agent] {
        var soonest: [Agent] = []
        soonest.reserveCapacity(count + 1)
        for person in people where soonest.count < count || person.freeAt < soonest[count - 1].freeAt {
            soonest.insert(person, at: soonest.firstIndex { person.freeAt < $0.freeAt } ?? soonest.count)
            if soonest.count > count { soonest.removeLast() }
        }
        return soonest
    }
}
