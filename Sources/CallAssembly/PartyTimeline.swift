/// When one party rang, was connected, hung up and was on hold (SPEC 3.1).
struct PartyTimeline {
    let ring: Int64
    let answer: Int64?
    let hangup: Int64?
    /// Where its first hangup stands in session order: "who hung up first" is decided by session
    /// order, not by epoch alone, because both sides often hang up in the same second.
    let hangupPosition: Int?
    /// From answer to hangup (the call's end without one); nil when never connected.
    let connected: ClosedInterval?
    /// Its hold intervals, clipped to its connected interval.
    let hold: IntervalSet
    /// Connected and not on hold.
    let talking: IntervalSet
    let ringSeconds: Int64
    let answerSeconds: Int64?

    /// - Parameters:
    ///   - bridgeMoments: the epochs of every `answer` of an AGENT or CONSULT party, ascending;
    ///     a CALLER never answers itself, it is bridged when an agent picks up.
    ///   - callEnd: where a missing hangup ends the party's durations.
    init(events: [RecognizedEvent], role: PartyRole, bridgeMoments: [Int64], callEnd: Int64) {
        func first(_ kinds: EventKind...) -> RecognizedEvent? {
            events.first { kinds.contains($0.kind) }
        }
        let ring = (first(.ringing, .incoming) ?? events[0]).event.epoch
        let hangupEvent = first(.hangup)
        let hangup = hangupEvent?.event.epoch
        var answer = (first(.answer) ?? first(.join))?.event.epoch
        if answer == nil, role == .caller {
            answer = bridgeMoments.first { $0 >= ring && $0 <= (hangup ?? .max) }
        }
        self.ring = ring
        self.hangup = hangup
        self.answer = answer
        hangupPosition = hangupEvent?.position

        let end = hangup ?? callEnd
        ringSeconds = max(0, (answer ?? end) - ring)
        answerSeconds = answer.map { max(0, end - $0) }

        guard let answer else {
            connected = nil
            hold = .empty
            talking = .empty
            return
        }
        let connected = ClosedInterval(answer, end)
        self.connected = connected
        hold = Self.holdIntervals(events, end: end).intersection(connected.halfOpen)
        talking = connected.halfOpen.subtracting(hold)
    }

    /// Each `onhold` to the next `resume`, or to the hangup, or to `end` when neither comes.
    /// A second `onhold` while on hold continues the same hold; a `resume` without a hold is
    /// ignored.
    private static func holdIntervals(_ events: [RecognizedEvent], end: Int64) -> IntervalSet {
        var intervals: [HalfOpenInterval] = []
        var heldSince: Int64?
        for recognized in events {
            let epoch = recognized.event.epoch
            switch recognized.kind {
            case .onhold where heldSince == nil:
                heldSince = epoch
            case .resume, .hangup:
                if let since = heldSince { intervals.append(HalfOpenInterval(since, epoch)) }
                heldSince = nil
            default:
                break
            }
        }
        if let since = heldSince { intervals.append(HalfOpenInterval(since, end)) }
        return IntervalSet(intervals)
    }
}
