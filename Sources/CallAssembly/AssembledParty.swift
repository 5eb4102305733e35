/// A party with everything the call-level rules need to know about it.
struct AssembledParty {
    /// 1, 2, ... in session order of first events.
    let ordinal: Int
    let role: PartyRole
    let number: String?
    let uniqueid: String?
    let channel: String?
    let agentno: String?
    let timeline: PartyTimeline

    var isCustomer: Bool { role.isCustomer }

    /// The first moment this party and `other` were connected at the same time.
    func firstMomentConnected(with other: AssembledParty) -> Int64? {
        guard let mine = timeline.connected, let theirs = other.timeline.connected else { return nil }
        return mine.firstCommonMoment(with: theirs)
    }

    /// `talk`: the moments it talked while another party talked too.
    func record(talk: IntervalSet, callEnd: Int64) -> CallParty {
        CallParty(
            party: ordinal, role: role, number: number, uniqueid: uniqueid, channel: channel,
            ringEpoch: timeline.ring, answerEpoch: timeline.answer, hangupEpoch: timeline.hangup,
            ringSeconds: timeline.ringSeconds, answerSeconds: timeline.answerSeconds,
            talkSeconds: talk.totalLength, holdSeconds: timeline.hold.totalLength,
            agentno: role.isCustomer ? nil : agentno, talkStartEpoch: talk.intervals.first?.lower,
            endEpoch: timeline.hangup ?? callEnd, holdIntervals: timeline.hold.intervals.map { $0.lower..<$0.upper }
        )
    }
}
