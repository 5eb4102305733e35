/// Where each agent's time went over the run, as SPEC 6.4 counts it, from what the simulator
/// played (never from event lines): when they signed in and out, their after-call work and
/// pauses, and on each call they were a party of (an AGENT or a supervisor's CONSULT party),
/// when they rang and when they were busy. Only running totals and the stretches of the call
/// being played are kept, so memory does not grow with the run.
final class Timesheets {
    private var sheets: [String: Timesheet] = [:]

    func signIn(_ agent: String, at time: Int64) {
        sheets[agent, default: Timesheet()].signIn(at: time)
    }

    func signOut(_ agent: String, at time: Int64) {
        sheets[agent, default: Timesheet()].signOut(at: time)
    }

    /// After-call work or a pause, played before the call it follows is recorded.
    func add(_ state: Timesheet.State, _ span: Span, for agent: String) {
        sheets[agent, default: Timesheet()].add(state, span)
    }

    /// The time the call's staff spent on it. Once a call is played, nothing its staff do later
    /// can come before what they did in it, so their stretches so far are added up.
    func record(_ call: CallScript) {
        guard let end = call.endedAt else { preconditionFailure("a call is recorded once it has ended") }
        let legs = call.parties.map { ExpectedCall.Leg($0, callEnd: end) }
        for (index, leg) in legs.enumerated() {
            guard let agent = leg.party.agentKey else { continue }
            let others = legs.indices.filter { $0 != index }.flatMap { legs[$0].talking }
            let (ringing, busy) = leg.ringingAndBusy(talkingWith: others)
            sheets[agent, default: Timesheet()].add(.ringing, ringing)
            sheets[agent, default: Timesheet()].add(.busy, busy)
        }
        for agent in legs.compactMap(\.party.agentKey) {
            sheets[agent]!.settle()
        }
    }

    /// Every agent's figures, in the plain (byte) order of their agent keys.
    var everyAgent: [(agent: String, time: Timesheet)] {
        sheets.keys.sorted().map { ($0, sheets[$0]!) }
    }
}

/// One agent's time: running totals of each state (SPEC 6.4), and the stretches played since
/// they were last added up. An agent is in one state at a time: a stretch that overlaps another
/// is a bug of the simulator's, and stops it.
struct Timesheet {
    enum State {
        /// On a call before their first moment of talk.
        case ringing
        /// On a call from then on: talking or on hold.
        case busy
        case acw
        case paused
    }

    private(set) var loginSeconds: Int64 = 0
    private(set) var acwSeconds: Int64 = 0
    private(set) var pauseSeconds: Int64 = 0
    private(set) var availableSeconds: Int64 = 0
    private(set) var busySeconds: Int64 = 0
    private(set) var ringingSeconds: Int64 = 0
    private var signedInAt: Int64?
    private var signedOut = false
    /// Everything before it is added up.
    private var settledUntil: Int64?
    private var unsettled: [(state: State, span: Span)] = []

    mutating func signIn(at time: Int64) {
        precondition(signedInAt == nil && settledUntil == nil, "an agent signs in once, before anything else")
        signedInAt = time
        settledUntil = time
    }

    mutating func signOut(at time: Int64) {
        settle()
        guard let signedInAt, let settledUntil else { preconditionFailure("an agent signs out after signing in") }
        precondition(time >= settledUntil, "an agent signs out once all else is done")
        availableSeconds += time - settledUntil
        loginSeconds += time - signedInAt
        self.signedInAt = nil
        self.settledUntil = time
        signedOut = true
    }

    mutating func add(_ state: State, _ span: Span) {
        precondition(!signedOut, "nothing happens to an agent after they sign out")
        unsettled.append((state, span))
    }

    mutating func add(_ state: State, _ spans: [Span]) {
        for span in spans { add(state, span) }
    }

    /// Adds up the stretches played so far; while signed in, the time between them is available.
    mutating func settle() {
        guard !unsettled.isEmpty else { return }
        let spans = unsettled.map(\.span)
        let start = spans.map(\.start).min()!, end = spans.map(\.end).max()!
        precondition(spans.coveredSeconds == spans.reduce(0) { $0 + $1.length }, "an agent is in one state at a time")
        if let settledUntil {
            precondition(start >= settledUntil, "an agent's stretches come in time order, one call at a time")
        }
        if let signedInAt, let settledUntil {
            precondition(start >= signedInAt, "an agent takes calls only once signed in")
            availableSeconds += [Span(settledUntil, end)].subtracting(spans).coveredSeconds
        }
        for (state, span) in unsettled {
            switch state {
            case .ringing: ringingSeconds += span.length
            case .busy: busySeconds += span.length
            case .acw: acwSeconds += span.length
            case .paused: pauseSeconds += span.length
            }
        }
        settledUntil = end
        unsettled.removeAll(keepingCapacity: true)
    }

    /// (busy + acw) / (busy + acw + ringing + available) in tenths of a percent, rounded half up
    /// from whole seconds; nil when the divisor is 0.
    var occupancyTenths: Int64? {
        let occupied = busySeconds + acwSeconds, divisor = occupied + ringingSeconds + availableSeconds
        return divisor == 0 ? nil : (2000 * occupied + divisor) / (2 * divisor)
    }
}

extension ExpectedCall.Leg {
    /// Its time on the call (SPEC 6.4), from its ring to its end: busy from its first moment of
    /// talk (talking while one of `others` talks) and on hold; ringing before that, or all the
    /// time when it never talked with anyone.
    func ringingAndBusy(talkingWith others: [Span]) -> (ringing: [Span], busy: [Span]) {
        let onCall = Span(party.ringAt, end)
        let firstTalk = talking.firstMomentShared(with: others)
        let busy = ((firstTalk.map { [Span($0, onCall.end)] } ?? []) + party.holds.clipped(to: onCall)).merged
        return ([onCall].subtracting(busy), busy)
    }
}
