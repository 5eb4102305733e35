/// The call record astercdr should assemble for a simulated call (SPEC section 3), worked out
/// from what the simulator played: when each party rang, was connected (a caller: put through
/// to an agent), held and hung up. It reads no event line, so it checks the assembler from
/// outside, not against itself.
struct ExpectedCall: Equatable {
    var sessionid: String
    var direction: String
    var disposition: String
    var customerNumber: String
    var agentNumber: String?
    /// The agent key (SPEC 6.1) of the party `agentNumber` names.
    var agent: String?
    var agentsRung: Int
    var did: String?
    var teamID: String
    var groupID: String
    var modeltype: String
    var modelID: String
    var start: Int64
    var answer: Int64?
    var end: Int64
    var durationSeconds: Int64
    var waitSeconds: Int64
    var talkSeconds: Int64
    var holdSeconds: Int64
    /// The after-call work of its AGENT parties.
    var acwSeconds: Int64
    var hangupBy: String?
    var eventCount: Int
    var parties: [ExpectedParty]

    init(_ call: CallScript) {
        guard let end = call.endedAt else { preconditionFailure("a call is expected once it has ended") }
        let header = call.header
        // Session order: by time, then in the order the call played its events.
        let sessionOrder = call.events.indices.sorted { (call.events[$0].time, $0) < (call.events[$1].time, $1) }
        var partyOrder: [CallScript.PartyID] = []
        for index in sessionOrder {
            if let party = call.events[index].party, !partyOrder.contains(party) { partyOrder.append(party) }
        }
        let rank = Dictionary(uniqueKeysWithValues: sessionOrder.enumerated().map { ($1, $0) })
        let legs = partyOrder.map { Leg(call.parties[$0], callEnd: end) }

        sessionid = header.sessionid
        direction = header.direction.rawValue
        customerNumber = header.customer
        did = header.did.isEmpty ? nil : header.did
        teamID = header.team
        groupID = header.group
        modeltype = "Campaign"
        modelID = header.campaign
        agentsRung = legs.count { $0.party.role == .agent }
        eventCount = call.events.count
        start = call.events.map(\.time).min()!
        self.end = end

        // Customers on one side; agents and consulted supervisors on the other.
        let customers = legs.filter { !$0.party.role.isStaff }, staff = legs.filter(\.party.role.isStaff)
        func firstTogether(_ leg: Leg, with others: [Leg]) -> Int64? {
            guard let mine = leg.connected else { return nil }
            return others.compactMap { other in
                other.connected.flatMap { theirs in mine.overlaps(theirs) ? max(mine.start, theirs.start) : nil }
            }.min()
        }
        answer = customers.compactMap { firstTogether($0, with: staff) }.min()
        talkSeconds = customers.flatMap(\.talking).intersection(staff.flatMap(\.talking)).coveredSeconds
        holdSeconds = legs.flatMap(\.held).coveredSeconds
        let firstWithCustomer = legs.indices
            .filter { legs[$0].party.role == .agent }
            .compactMap { index in firstTogether(legs[index], with: customers).map { (time: $0, index: index) } }
            .min { ($0.time, $0.index) < ($1.time, $1.index) }
        agentNumber = firstWithCustomer.map { legs[$0.index].party.number }
        agent = firstWithCustomer.flatMap { legs[$0.index].party.agentKey }
        acwSeconds = legs.filter { $0.party.role == .agent }.reduce(0) { $0 + $1.party.afterCallWorkSeconds }

        let pairedWithOtherSide = legs.filter { firstTogether($0, with: $0.party.role.isStaff ? customers : staff) != nil }
        let hangupCandidates = pairedWithOtherSide.isEmpty ? legs : pairedWithOtherSide
        let firstToHangUp = hangupCandidates
            .filter { $0.party.hangupAt != nil }
            .min { ($0.party.hangupAt!, rank[$0.party.hangupEvent!]!) < ($1.party.hangupAt!, rank[$1.party.hangupEvent!]!) }
        hangupBy = firstToHangUp.map { leg in
            switch leg.party.role {
            case .caller, .callee: "customer"
            case .agent: "agent"
            case .consult: "consult"
            }
        }

        durationSeconds = end - start
        waitSeconds = (answer ?? end) - start
        if answer != nil {
            disposition = "answered"
        } else if header.direction == .dialIn {
            disposition = "abandoned"
        } else if !legs.contains(where: { $0.party.role == .agent && $0.party.answerAt != nil }) {
            disposition = "agent_no_answer"
        } else if !legs.contains(where: { $0.party.role == .callee }) {
            disposition = "failed"
        } else {
            disposition = "no_answer"
        }

        parties = legs.enumerated().map { index, leg in
            let others = legs.enumerated().filter { $0.offset != index }.flatMap(\.element.talking)
            return ExpectedParty(leg, number: index + 1, callEnd: end, talkSeconds: leg.talking.intersection(others).coveredSeconds)
        }
    }

    /// A party's spans: connected from its answer to its end (its hangup, or the call's end), on
    /// hold, and talking (connected and not on hold).
    struct Leg {
        let party: PartyScript
        let end: Int64
        let connected: Span?
        let held: [Span]
        let talking: [Span]

        init(_ party: PartyScript, callEnd: Int64) {
            self.party = party
            let end = party.hangupAt ?? callEnd
            self.end = end
            let connected = party.answerAt.map { Span($0, end) }
            let held = connected.map { party.holds.clipped(to: $0) } ?? []
            self.connected = connected
            self.held = held
            talking = connected.map { [$0].subtracting(held) } ?? []
        }
    }
}

/// One row of `call_parties` as it should be.
struct ExpectedParty: Equatable {
    var party: Int
    var role: String
    var number: String
    /// Its agentno: only AGENT parties of traffic with agent state have one.
    var agentno: String?
    /// Its agent key (SPEC 6.1), for AGENT and CONSULT parties.
    var agent: String?
    var uniqueid: String
    var channel: String
    var ring: Int64
    var answer: Int64?
    var hangup: Int64?
    var ringSeconds: Int64
    var answerSeconds: Int64?
    var talkSeconds: Int64
    var holdSeconds: Int64
    /// The after-call work its agent played once it hung up.
    var acwSeconds: Int64

    init(_ leg: ExpectedCall.Leg, number: Int, callEnd: Int64, talkSeconds: Int64) {
        let p = leg.party
        party = number
        role = p.role.rawValue
        self.number = p.number
        agentno = p.agentno.isEmpty ? nil : p.agentno
        agent = p.agentKey
        uniqueid = p.uniqueid
        channel = p.channel
        ring = p.ringAt
        answer = p.answerAt
        hangup = p.hangupAt
        ringSeconds = (p.answerAt ?? p.hangupAt ?? callEnd) - p.ringAt
        answerSeconds = p.answerAt.map { (p.hangupAt ?? callEnd) - $0 }
        self.talkSeconds = talkSeconds
        holdSeconds = leg.held.coveredSeconds
        acwSeconds = p.afterCallWorkSeconds
    }
}
