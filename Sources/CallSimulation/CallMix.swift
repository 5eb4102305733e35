/// Which kinds of call the centre gets, and how often.
public struct CallMix: Sendable, Equatable {
    /// The share of calls that are dial-in; the rest are dial-out.
    public var dialIn: Double
    /// The share of dial-in calls the caller gives up on, in the queue or while an agent rings.
    public var abandon: Double
    /// The share of dial-out calls the customer never answers.
    public var noAnswer: Double

    /// The usual mix: 60% dial-in, 12% of it abandoned; 25% of dial-out unanswered.
    public init(dialIn: Double = 0.6, abandon: Double = 0.12, noAnswer: Double = 0.25) {
        self.dialIn = dialIn
        self.abandon = abandon
        self.noAnswer = noAnswer
    }

    /// Every kind with its weight. The kinds other than abandoned (dial-in) and customer no answer
    /// (dial-out) share the rest of their direction in fixed proportions: of dial-in, 61
    /// answered, 10 ring-all, 8 on hold, 4 consult, 5 ring-no-answer-then-next; of dial-out, 62
    /// answered, 5 on hold, 5 agent no answer, 3 failed.
    var weights: [(kind: CallKind, weight: Double)] {
        let answeredDialIn: [(CallKind, Double)] = [
            (.dialInAnswered, 61), (.dialInRingAll, 10), (.dialInOnHold, 8), (.dialInWithConsult, 4),
            (.dialInRingNoAnswerThenNext, 5),
        ]
        let answeredDialOut: [(CallKind, Double)] = [
            (.dialOutAnswered, 62), (.dialOutOnHold, 5), (.dialOutAgentNoAnswer, 5), (.dialOutFailed, 3),
        ]
        let dialInRest = (1 - abandon) / answeredDialIn.map(\.1).reduce(0, +)
        let dialOutRest = (1 - noAnswer) / answeredDialOut.map(\.1).reduce(0, +)
        return [(.dialInAbandoned, dialIn * abandon)]
            + answeredDialIn.map { ($0, dialIn * dialInRest * $1) }
            + [(.dialOutCustomerNoAnswer, (1 - dialIn) * noAnswer)]
            + answeredDialOut.map { ($0, (1 - dialIn) * dialOutRest * $1) }
    }
}

/// One way a call goes; see DialInCalls.swift and DialOutCalls.swift for the events of each.
enum CallKind: CaseIterable {
    case dialInAnswered, dialInAbandoned, dialInRingAll, dialInOnHold, dialInWithConsult, dialInRingNoAnswerThenNext
    case dialOutAnswered, dialOutOnHold, dialOutCustomerNoAnswer, dialOutAgentNoAnswer, dialOutFailed

    var isDialIn: Bool {
        switch self {
        case .dialInAnswered, .dialInAbandoned, .dialInRingAll, .dialInOnHold, .dialInWithConsult, .dialInRingNoAnswerThenNext: true
        case .dialOutAnswered, .dialOutOnHold, .dialOutCustomerNoAnswer, .dialOutAgentNoAnswer, .dialOutFailed: false
        }
    }

    /// How many agents must be free at once to take it.
    var agentsRungAtOnce: Int {
        self == .dialInRingAll ? 2 : 1
    }
}
