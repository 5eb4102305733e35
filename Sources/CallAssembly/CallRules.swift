/// The call-level rules of SPEC 3.2 that look at several parties at once.
enum CallRules {
    /// Pairs of one customer party and one AGENT or CONSULT party: the only pairs that make a
    /// call answered or that talk counts for.
    static func crossPairs(_ parties: [AssembledParty]) -> [(customer: AssembledParty, staff: AssembledParty)] {
        let customers = parties.filter(\.isCustomer)
        let staff = parties.filter { !$0.isCustomer }
        return customers.flatMap { customer in staff.map { (customer, $0) } }
    }

    /// The first moment a customer and an agent or consult party were connected together.
    static func answerEpoch(_ parties: [AssembledParty]) -> Int64? {
        crossPairs(parties).compactMap { $0.customer.firstMomentConnected(with: $0.staff) }.min()
    }

    /// The AGENT party first connected with a customer; party order breaks a tie.
    static func handlingAgent(_ parties: [AssembledParty]) -> AssembledParty? {
        let customers = parties.filter(\.isCustomer)
        var best: (moment: Int64, party: AssembledParty)?
        for agent in parties where agent.role == .agent {
            guard let moment = customers.compactMap({ agent.firstMomentConnected(with: $0) }).min() else { continue }
            if best == nil || moment < best!.moment { best = (moment, agent) }
        }
        return best?.party
    }

    /// Each party's talk: while it talks and at least one other party talks too.
    static func partyTalk(_ parties: [AssembledParty]) -> [IntervalSet] {
        parties.indices.map { index in
            let others = IntervalSet.union(parties.indices.filter { $0 != index }.map { parties[$0].timeline.talking })
            return parties[index].timeline.talking.intersection(others)
        }
    }

    /// While some customer and some agent or consult party talk at the same time.
    static func callTalkSeconds(_ parties: [AssembledParty]) -> Int64 {
        let customers = IntervalSet.union(parties.filter(\.isCustomer).map(\.timeline.talking))
        let staff = IntervalSet.union(parties.filter { !$0.isCustomer }.map(\.timeline.talking))
        return customers.intersection(staff).totalLength
    }

    /// While at least one party is on hold; overlapping holds count once.
    static func callHoldSeconds(_ parties: [AssembledParty]) -> Int64 {
        IntervalSet.union(parties.map(\.timeline.hold)).totalLength
    }

    /// The side that hung up first among the parties that were connected across sides; without
    /// any such pair, the first of all parties to hang up.
    ///
    /// When such a pair existed but none of its parties has hung up yet, the answer is nil: an
    /// agent who only rang and then dropped out did not end a conversation that is still going.
    static func hangupBy(_ parties: [AssembledParty]) -> String? {
        var talkedAcross = Set<Int>()
        for pair in crossPairs(parties) where pair.customer.firstMomentConnected(with: pair.staff) != nil {
            talkedAcross.insert(pair.customer.ordinal)
            talkedAcross.insert(pair.staff.ordinal)
        }
        let candidates = talkedAcross.isEmpty ? parties : parties.filter { talkedAcross.contains($0.ordinal) }
        let first = candidates
            .compactMap { party in party.timeline.hangupPosition.map { (position: $0, party: party) } }
            .min { $0.position < $1.position }
        return first.map { side(of: $0.party.role) }
    }

    static func side(of role: PartyRole) -> String {
        switch role {
        case .caller, .callee: "customer"
        case .agent: "agent"
        case .consult: "consult"
        }
    }

    /// Why a call that was never answered was not: by direction, and for dial-out by how far the
    /// call got (agent leg first, then the customer leg).
    static func disposition(answered: Bool, direction: String?, parties: [AssembledParty]) -> Disposition {
        if answered { return .answered }
        switch direction?.lowercased() {
        case "dialin":
            return .abandoned
        case "dialout":
            if !parties.contains(where: { $0.role == .agent && $0.timeline.answer != nil }) { return .agentNoAnswer }
            if !parties.contains(where: { $0.role == .callee }) { return .failed }
            return .noAnswer
        default:
            return .unknown
        }
    }
}
