import ArgumentParser
import CallEvents
import CallSimulation
import Foundation
import Reports
import UnixSignals

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write realistic asterCC traffic from a simulated call centre, and the call records it should give.",
        discussion: """
            40 agents in 4 groups and 3 teams, 3 DIDs, 2 campaigns and 5 supervisors take dial-in calls \
            (answered, abandoned in the queue or while ringing, ring-all, hold, consult and transfer, \
            ring-no-answer then the next agent) and make dial-out calls (answered, hold, customer or \
            agent no answer, failed); nobody is on two calls at once. Events go to standard output, one \
            a line, in the vendor's key=value& format or as JSON, each with an eventTime and an increasing \
            eventid. With --agent-state the agents work a shift (sign in, after-call work, pauses, sign out) \
            and their call events carry their agentno (8001, 8002, ...). --truth writes the call record \
            astercdr should assemble for each call, as JSON lines, and with --agent-state each agent's time \
            after them. The same options give the same bytes.
            """
    )

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Simulate this many calls (the default is 100).", valueName: "n"),
        transform: { try wholeNumber($0, in: 0...100_000_000) })
    var calls: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Simulate the calls that arrive within this span of simulated time from --start (30s, 15m, 8h or seconds).", valueName: "span"),
        transform: TimeSpan.init(parsing:))
    var duration: TimeSpan?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Write exactly this many lines, for benchmarks: calls go on until then and the last are cut short.", valueName: "n"),
        transform: { try wholeNumber($0, in: 0...1_000_000_000) })
    var events: Int?

    @Option(
        parsing: .unconditional, help: ArgumentHelp(withDefault("The random seed: the same seed and options give the same traffic.", "1")),
        transform: { text throws(OptionValueError) in
            guard let seed = UInt64(text) else { throw OptionValueError("must be a whole number 0–\(UInt64.max)") }
            return seed
        })
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("When the first call arrives, in --timezone.", valueName: "YYYY-MM-DD HH:MM:SS"))
    var start = "2026-11-02 08:00:00"

    @Option(help: ArgumentHelp("IANA zone of the asterCC server's clock, which event times are written in (default: this machine's zone).", valueName: "name"))
    var timezone: String?

    @Option(help: "kv: the vendor's key=value& lines; json: one JSON object a line.")
    var format: EventFormat = .keyValue

    @Flag(help: "Agents work a shift: agent-state events (login, logoff, paused with a reason, nopaused, hangupacw, acwstop; no sessionid), and their agentno on their call events.")
    var agentState = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(withDefault("The share of calls that are dial-in (0 to 1, or a percentage such as 60%).", Share(CallMix().dialIn).defaultValueDescription), valueName: "share"),
        transform: Share.init(parsing:))
    var dialin = Share(CallMix().dialIn)

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(withDefault("The share of dial-in calls the caller abandons (0 to 1, or N%).", Share(CallMix().abandon).defaultValueDescription), valueName: "share"),
        transform: Share.init(parsing:))
    var abandon = Share(CallMix().abandon)

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(withDefault("The share of dial-out calls the customer does not answer (0 to 1, or N%).", Share(CallMix().noAnswer).defaultValueDescription), valueName: "share"),
        transform: Share.init(parsing:))
    var noAnswer = Share(CallMix().noAnswer)

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(withDefault("The share of events sent a second time, a little later (0 to 1, or N%).", Share(0).defaultValueDescription), valueName: "share"),
        transform: Share.init(parsing:))
    var duplicates = Share(0)

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(withDefault("The share of events delivered late, after up to 50 of the events that follow them (0 to 1, or N%).", Share(0).defaultValueDescription), valueName: "share"),
        transform: Share.init(parsing:))
    var outOfOrder = Share(0)

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(withDefault("Agents taking calls, shared by 4 groups (8–4000: a ring-all call rings two of a group); calls arrive as often as they can take them.", "40"), valueName: "n"),
        transform: { text throws(OptionValueError) in
            guard let agents = Int(text), (8...4000).contains(agents) else { throw OptionValueError("must be a whole number 8–4000") }
            return agents
        })
    var agents = 40

    @Option(help: ArgumentHelp("Write the call record each call should give to this file, one JSON object a line (with --agent-state, then each agent's time).", valueName: "file"))
    var truth: String?

    @Option(help: ArgumentHelp("Send the events to astercdr's HTTP receiver (ingest --listen) at this URL instead of standard output.", valueName: "url"))
    var post: String?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("With --post: events per second.", valueName: "n"),
        transform: { try wholeNumber($0, in: 1...1_000_000) })
    var rate: Int?

    @Option(help: ArgumentHelp("With --post: send 'Authorization: Bearer SECRET'.", valueName: "secret"))
    var token: String?

    func validate() throws {
        let lengths = [calls.map { _ in "--calls" }, duration.map { _ in "--duration" }, events.map { _ in "--events" }].compactMap { $0 }
        if lengths.count > 1 {
            throw ValidationError("\(lengths.joined(separator: " and ")) are alternatives: name one")
        }
        if events != nil, truth != nil {
            throw ValidationError("--events cuts the last calls short, so they have no record to expect: use --calls or --duration with --truth")
        }
        if CivilTime(parsing: start) == nil {
            throw ValidationError("--start: '\(start)' is not a time like 2026-11-02 08:00:00 (a real time in the years 0001–9999)")
        }
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw ValidationError("--timezone: unknown time zone '\(timezone)' (use an IANA name such as Asia/Shanghai or UTC)")
        }
        if let post {
            guard let url = URL(string: post), ["http", "https"].contains(url.scheme?.lowercased()), url.host?.isEmpty == false else {
                throw ValidationError("--post: '\(post)' is not an http:// or https:// URL (such as http://127.0.0.1:8080/)")
            }
            guard rate != nil else { throw ValidationError("--post needs --rate (events per second)") }
        } else if rate != nil || token != nil {
            throw ValidationError("\(rate != nil ? "--rate" : "--token") goes with --post")
        }
    }

    func run() async throws {
        let truthFile = try truth.map { path in try reportingFailure { try OutputFile(creating: path, name: "the truth file") } }
        if let post, let rate {
            try await send(options, truth: truthFile, to: EventPoster(url: post, eventsPerSecond: rate, token: token))
        } else {
            try write(Simulation(options), truth: truthFile)
        }
    }

    private var options: SimulationOptions {
        let length: SimulationOptions.Length =
            if let duration { .span(seconds: duration.seconds) } else if let events { .lines(events) } else { .calls(calls ?? 100) }
        var options = SimulationOptions(
            length: length, seed: seed, start: CivilTime(parsing: start)!,
            zone: timezone.flatMap(TimeZone.init(identifier:)) ?? .current, format: format, agentState: agentState,
            mix: CallMix(dialIn: dialin.fraction, abandon: abandon.fraction, noAnswer: noAnswer.fraction),
            duplicates: duplicates.fraction, outOfOrder: outOfOrder.fraction, expectsCalls: truth != nil)
        options.agents = agents
        return options
    }

    /// To standard output in chunks; a reader that goes away (`| head`) ends it quietly.
    private func write(_ simulation: Simulation, truth: OutputFile?) throws {
        let output = OutputFile.standardOutput
        var lines: [UInt8] = []
        var truthLines: [UInt8] = []
        lines.reserveCapacity(1 << 17)
        var more = true
        while more {
            while lines.count < 1 << 16, more {
                more = simulation.appendLine(to: &lines)
            }
            do {
                if let truth {
                    simulation.appendExpectedCalls(to: &truthLines)
                    try truth.write(truthLines)
                    truthLines.removeAll(keepingCapacity: true)
                }
                try output.write(lines)
            } catch .closed {
                return
            } catch {
                printError("astercdr: \(error)")
                throw ExitCode.failure
            }
            lines.removeAll(keepingCapacity: true)
        }
        warnIfMisdated(simulation.misdatedEvents)
    }

    /// Live to the HTTP receiver, until every event is taken or SIGINT/SIGTERM gives up.
    private func send(_ options: SimulationOptions, truth: OutputFile?, to poster: EventPoster) async throws {
        let posting = Task {
            var totals = EventPoster.Totals()
            let simulation = Simulation(options)
            do {
                try await poster.post(simulation, truth: truth, totals: &totals)
                return (totals, simulation.misdatedEvents, nil as Error?)
            } catch {
                return (totals, simulation.misdatedEvents, error)
            }
        }
        let interrupt = Task {
            for await _ in await UnixSignalsSequence(trapping: .sigint, .sigterm) {
                posting.cancel()
                return
            }
        }
        let (totals, misdated, error) = await posting.value
        interrupt.cancel()
        warnIfMisdated(misdated)
        let counts = "\(totals.events) events posted in \(totals.posts) POSTs, \(totals.retries) retries"
        switch error {
        case nil:
            printError("astercdr: \(counts)")
        case is CancellationError:
            printError("astercdr: interrupted: \(counts); the rest of the traffic was not sent")
            throw ExitCode.failure
        case let error?:
            printError("astercdr: \(error); \(counts)")
            throw ExitCode.failure
        }
    }

    /// asterCC's eventTime has no zone: the second time a zone's clocks go through an hour (when
    /// they go back), the text also names the first time, and that is how astercdr reads it (SPEC 1.3).
    private func warnIfMisdated(_ events: Int) {
        guard events > 0 else { return }
        printError("""
            astercdr: warning: \(events) events happen the second time \(options.zone.identifier)'s clocks go through an hour \
            they repeat; their eventTime also names the first time, which is how astercdr reads it, so their calls are not \
            assembled as they happened (nor as --truth says)
            """)
    }
}

extension EventFormat: ExpressibleByArgument {}
