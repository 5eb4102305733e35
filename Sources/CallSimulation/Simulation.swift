import CallEvents
import Foundation

/// What to simulate, and how to send it.
public struct SimulationOptions: Sendable {
    /// How much traffic.
    public enum Length: Sendable, Equatable {
        /// This many calls.
        case calls(Int)
        /// Every call that arrives within this many seconds of the start.
        case span(seconds: Int64)
        /// Exactly this many lines, calls without end until then (the last calls are cut short).
        case lines(Int)
    }

    public var length: Length
    public var seed: UInt64
    /// When the first call arrives, in `zone`.
    public var start: CivilTime
    /// The asterCC server's zone: its event times are this zone's wall clock.
    public var zone: TimeZone
    public var format: EventFormat
    /// A shift around the calls: agent-state events (login, logoff, paused, nopaused, hangupacw,
    /// acwstop), and agentnos on the agents' call events (AgentShift.swift).
    public var agentState: Bool
    public var mix: CallMix
    /// The share of events sent a second time, a little later.
    public var duplicates: Double
    /// The share of events delivered late, after some of the events that follow them.
    public var outOfOrder: Double
    /// Work out the call record each call should give, and with agent state each agent's time
    /// (see `appendExpectedCalls`).
    public var expectsCalls: Bool
    /// How many agents take calls (8 or more), shared by the 4 groups: a busy centre has hundreds,
    /// and as many calls in flight.
    public var agents = CallCentre.defaultAgents

    public init(length: Length = .calls(100), seed: UInt64 = 1, start: CivilTime, zone: TimeZone, format: EventFormat = .keyValue,
                agentState: Bool = false, mix: CallMix = CallMix(), duplicates: Double = 0, outOfOrder: Double = 0,
                expectsCalls: Bool = false) {
        self.length = length
        self.seed = seed
        self.start = start
        self.zone = zone
        self.format = format
        self.agentState = agentState
        self.mix = mix
        self.duplicates = duplicates
        self.outOfOrder = outOfOrder
        self.expectsCalls = expectsCalls
    }
}

/// asterCC traffic from a simulated call centre, one event line at a time, and the call records
/// it should give. The same options give the same bytes. Only the calls in flight are kept, so
/// memory stays the same however long it runs.
///
/// Calls are played whole when they arrive (every moment of them decided then) and their events
/// wait on a timeline; lines go out in time order, each with the next `eventid`, so session
/// order is exact whatever the delivery order.
public final class Simulation {
    private let options: SimulationOptions
    private let clock: ZoneClock
    private let timeline = Timeline()
    private let generator: CallGenerator
    private let deadline: Int64?
    private var writer: EventLineWriter
    private var delivery: Delivery
    /// Every call has been played and everyone has signed out: only events on the timeline are left.
    private var shiftIsOver = false
    /// The agents' time, to write once the shift is over; nil once written, or when not asked for.
    private var timesheets: Timesheets?
    private var callsPlayed = 0
    private var lastEventid: UInt64 = 0
    /// Calls played whose expected record is not yet written.
    private(set) var played: [(kind: CallKind, expected: ExpectedCall)] = []

    public private(set) var linesDelivered = 0

    /// Events whose eventTime will be read as another instant: the second pass through an hour
    /// the zone repeats when its clocks go back.
    public var misdatedEvents: Int { writer.misdatedLines }

    /// Events played and not yet sent: the calls in flight.
    var pendingEvents: Int { timeline.count }

    public init(_ options: SimulationOptions) {
        self.options = options
        clock = ZoneClock(options.zone)
        let start = clock.epoch(of: options.start)
        timesheets = options.agentState && options.expectsCalls ? Timesheets() : nil
        generator = CallGenerator(
            seed: options.seed, start: start, agents: options.agents, mix: options.mix, agentState: options.agentState,
            timesheets: timesheets, timeline: timeline)
        if case .span(let seconds) = options.length { deadline = start + seconds } else { deadline = nil }
        writer = EventLineWriter(format: options.format, clock: clock)
        delivery = Delivery(duplicates: options.duplicates, outOfOrder: options.outOfOrder, seed: options.seed)
    }

    /// Appends the next line (with its LF) to `buffer`; false when the traffic is over.
    public func appendLine(to buffer: inout [UInt8]) -> Bool {
        if case .lines(let limit) = options.length, linesDelivered >= limit { return false }
        while true {
            if let line = delivery.takeDue(delivered: linesDelivered) {
                buffer.append(contentsOf: line)
                linesDelivered += 1
                return true
            }
            guard let entry = nextEvent() else {
                guard let line = delivery.takeRest() else { return false }
                buffer.append(contentsOf: line)
                linesDelivered += 1
                return true
            }
            lastEventid += 1
            let start = buffer.count
            writer.append(entry.event, at: entry.time, eventid: lastEventid, to: &buffer)
            if delivery.goesNow(lineFrom: start, in: &buffer, delivered: linesDelivered) {
                linesDelivered += 1
                return true
            }
        }
    }

    /// Appends the expected record of every call played since the last time, one JSON line each
    /// (see `ExpectedCall.jsonLine`), and once the shift is over, with agent state, one line per
    /// agent after every call's (see `Timesheet.jsonLine`). A call is played before its first
    /// line goes out.
    public func appendExpectedCalls(to buffer: inout [UInt8]) {
        for call in played {
            buffer.append(contentsOf: call.expected.jsonLine(clock: clock))
        }
        played.removeAll(keepingCapacity: true)
        if shiftIsOver, let timesheets {
            for (agent, time) in timesheets.everyAgent {
                buffer.append(contentsOf: time.jsonLine(agent: agent))
            }
            self.timesheets = nil
        }
    }

    /// The next event in time order, playing calls as the timeline reaches their arrival.
    private func nextEvent() -> Timeline.Entry? {
        while true {
            if let time = timeline.nextTime, shiftIsOver || time <= generator.nextArrival {
                return timeline.takeNext()
            }
            guard !shiftIsOver else { return nil }
            if !playNextCall() {
                // Everyone's last call is played: they sign out before the events left go out,
                // so that those go out in time order too.
                generator.signOutEveryone()
                shiftIsOver = true
            }
        }
    }

    /// False, and nothing played, when the traffic asked for is all played.
    private func playNextCall() -> Bool {
        if case .calls(let count) = options.length, callsPlayed >= count { return false }
        guard let call = generator.playNextCall(before: deadline) else { return false }
        callsPlayed += 1
        if options.expectsCalls {
            played.append((call.kind, ExpectedCall(call)))
        }
        return true
    }
}
