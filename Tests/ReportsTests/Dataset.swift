@_spi(Inspection) import CallStore
import Foundation
import SQLite

/// One generated call record and what its parties were, chosen by the test, not read back.
struct GeneratedCall {
    var sessionid: String
    var direction: String?
    var disposition: String
    var complete: Bool
    var customer: String
    var agent: String?
    var did: String?
    var team: String?
    var group: String?
    var modeltype: String?
    var campaign: String?
    var start: String
    var wait: Int64
    var talk: Int64
    var hold: Int64
    var parties: [GeneratedParty]

    var isDialin: Bool { direction?.lowercased() == "dialin" }
    var isDialout: Bool { direction?.lowercased() == "dialout" }
    var answered: Bool { disposition == "answered" }
    var agentsRung: Int { parties.filter { $0.role == "AGENT" }.count }
    /// The after-call work of its AGENT parties (SPEC 6.3).
    var acw: Int64 { parties.filter { $0.role == "AGENT" }.map(\.acw).reduce(0, +) }
}

struct GeneratedParty {
    var role: String
    var number: String
    var answered: Bool
    var ring: Int64
    var talk: Int64
    var hold: Int64
    var acw: Int64 = 0
}

/// A deterministic random source, so a failure can be replayed.
struct Dice {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[next(values.count)]
    }
}

/// Calls over three days of November 2026 (UTC), with every disposition, a direction sent in
/// another case, calls without direction or team, open calls, agents rung twice in one call,
/// consults, a team id that needs CSV quoting, and calls on the edges of 2026-11-02.
enum Dataset {
    static let agents = ["1001", "1002", "1003", "1004", "1005"]
    static let teams: [String?] = ["3", "20", "Team \"A\", east", nil]
    static let dids: [String?] = ["800888", "8008008", nil]

    static func generate(count: Int = 400, seed: UInt64 = 7) -> [GeneratedCall] {
        var dice = Dice(seed: seed)
        var calls: [GeneratedCall] = []
        let edges = ["2026-11-01 23:59:59", "2026-11-02 00:00:00", "2026-11-02 12:00:00", "2026-11-02 23:59:59", "2026-11-03 00:00:00"]
        for index in 0..<count {
            let start = index < edges.count
                ? edges[index]
                : String(format: "2026-11-%02d %02d:%02d:%02d", 1 + dice.next(3), dice.next(24), dice.next(60), dice.next(60))
            calls.append(call(index, start: start, &dice))
        }
        return calls
    }

    private static func call(_ index: Int, start: String, _ dice: inout Dice) -> GeneratedCall {
        let direction = dice.pick(["dialin", "dialin", "dialin", "dialout", "dialout", "DialIn", nil] as [String?])
        let disposition: String
        switch direction?.lowercased() {
        case "dialin": disposition = dice.pick(["answered", "answered", "answered", "abandoned"])
        case "dialout": disposition = dice.pick(["answered", "answered", "no_answer", "agent_no_answer", "failed"])
        default: disposition = dice.pick(["answered", "unknown"])
        }
        let answered = disposition == "answered"
        let handler = dice.pick(agents)
        let talk = answered ? Int64(10 + dice.next(900)) : 0
        let hold = answered && dice.next(4) == 0 ? Int64(5 + dice.next(120)) : 0
        let wait = Int64(dice.next(70))
        let team = dice.pick(teams)
        var call = GeneratedCall(
            sessionid: String(format: "%032x", index + 1),
            direction: direction, disposition: disposition, complete: dice.next(10) != 0,
            customer: "0138\(String(format: "%07d", dice.next(50)))",
            agent: answered ? handler : nil,
            did: direction?.lowercased() == "dialin" ? dice.pick(dids) : nil,
            team: team, group: team.map { _ in dice.pick(["100", "101", "102"]) },
            modeltype: dice.next(5) == 0 ? nil : "Campaign", campaign: nil,
            start: start, wait: wait, talk: talk, hold: hold, parties: [])
        call.campaign = call.modeltype.map { _ in dice.pick(["10", "12"]) }

        let customerRole = direction?.lowercased() == "dialout" ? "CALLEE" : "CALLER"
        if disposition != "failed" {
            call.parties.append(GeneratedParty(role: customerRole, number: call.customer, answered: answered, ring: wait, talk: talk, hold: 0))
        }
        // Agents who let it ring: sometimes the one who answers later, rung twice in one call.
        for _ in 0..<dice.next(3) {
            let missed = dice.next(3) == 0 ? handler : dice.pick(agents)
            call.parties.append(GeneratedParty(role: "AGENT", number: missed, answered: false, ring: Int64(1 + dice.next(25)), talk: 0, hold: 0))
        }
        switch disposition {
        case "answered", "no_answer", "failed":
            let talking = disposition == "answered"
            // Wrap-up after the calls it talked in, taken from the talk so the dice stay as they were.
            call.parties.append(GeneratedParty(role: "AGENT", number: handler, answered: true, ring: Int64(dice.next(15)),
                                               talk: talking ? talk : 0, hold: talking ? hold : 0, acw: talking ? talk % 37 : 0))
        case "agent_no_answer":
            call.parties.append(GeneratedParty(role: "AGENT", number: handler, answered: false, ring: Int64(dice.next(30)), talk: 0, hold: 0))
        default:
            break
        }
        if answered && dice.next(6) == 0 {
            call.parties.append(GeneratedParty(role: "CONSULT", number: "2001", answered: true, ring: 3, talk: Int64(dice.next(60)), hold: 0))
        }
        return call
    }

    /// Writes `calls` into a new database at `path` through plain SQL inserts.
    static func write(_ calls: [GeneratedCall], to path: String) throws {
        let store = try CallStore(path: path, access: .create, timeZone: "UTC")
        let db = store.database
        let insertSession = try db.prepare("INSERT INTO sessions (sessionid) VALUES (?)")
        let insertCall = try db.prepare("""
            INSERT INTO call_records (session_no, direction, disposition, complete, customer_number, agent_number, agents_rung,
                did, team_id, group_id, modeltype, model_id, start_time, start_epoch, answer_time, answer_epoch,
                end_time, end_epoch, duration_seconds, wait_seconds, talk_seconds, hold_seconds, hangup_by,
                event_count, assembled_at, agent, acw_seconds)
            VALUES ((SELECT session_no FROM sessions WHERE sessionid = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, unixepoch(?13),
                CASE WHEN ?3 = 'answered' THEN datetime(?13, '+' || ?14 || ' seconds') END,
                CASE WHEN ?3 = 'answered' THEN unixepoch(?13) + ?14 END,
                datetime(?13, '+' || (?14 + ?15 + ?16) || ' seconds'), unixepoch(?13) + ?14 + ?15 + ?16,
                ?14 + ?15 + ?16, ?14, ?15, ?16, 'customer', 5, '2026-11-25T00:00:00.000Z', ?6, ?17)
            """)
        let insertParty = try db.prepare("""
            INSERT INTO parties (session_no, party, role, number, ring_time, ring_epoch, answer_time, answer_epoch,
                ring_seconds, answer_seconds, talk_seconds, hold_seconds, call_start_time, agent, acw_seconds)
            VALUES ((SELECT session_no FROM sessions WHERE sessionid = ?1), ?2, ?3, ?4, ?5, unixepoch(?5),
                CASE WHEN ?6 THEN datetime(?5, '+' || ?7 || ' seconds') END, CASE WHEN ?6 THEN unixepoch(?5) + ?7 END,
                ?7, CASE WHEN ?6 THEN ?8 + ?9 END, ?8, ?9, ?5, CASE WHEN ?3 IN ('AGENT', 'CONSULT') THEN ?4 END, ?10)
            """)
        try db.transaction { () throws(SQLiteError) in
            for call in calls {
                try insertSession.bind(call.sessionid, at: 1)
                try insertSession.run()
                let s = insertCall
                try s.bind(call.sessionid, at: 1)
                try s.bind(call.direction, at: 2)
                try s.bind(call.disposition, at: 3)
                try s.bind(call.complete, at: 4)
                try s.bind(call.customer, at: 5)
                try s.bind(call.agent, at: 6)
                try s.bind(Int64(call.agentsRung), at: 7)
                try s.bind(call.did, at: 8)
                try s.bind(call.team, at: 9)
                try s.bind(call.group, at: 10)
                try s.bind(call.modeltype, at: 11)
                try s.bind(call.campaign, at: 12)
                try s.bind(call.start, at: 13)
                try s.bind(call.wait, at: 14)
                try s.bind(call.talk, at: 15)
                try s.bind(call.hold, at: 16)
                try s.bind(call.acw, at: 17)
                try s.run()
                for (offset, party) in call.parties.enumerated() {
                    let p = insertParty
                    try p.bind(call.sessionid, at: 1)
                    try p.bind(Int64(offset + 1), at: 2)
                    try p.bind(party.role, at: 3)
                    try p.bind(party.number, at: 4)
                    try p.bind(call.start, at: 5)
                    try p.bind(party.answered, at: 6)
                    try p.bind(party.ring, at: 7)
                    try p.bind(party.talk, at: 8)
                    try p.bind(party.hold, at: 9)
                    try p.bind(party.acw, at: 10)
                    try p.run()
                }
            }
        }
    }
}
