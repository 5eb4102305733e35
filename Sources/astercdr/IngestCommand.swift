import ArgumentParser
import AsyncHTTPClient
import CallStore
import Hummingbird
import Ingest
import LiveView
import Logging
import Prometheus
import ServiceLifecycle

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Record asterCC events from files, standard input, HTTP or a push channel, and assemble their calls.",
        discussion: """
            One event per line, in any of asterCC's formats. A file is read from where the last run \
            stopped (its position is kept in the database), so ingesting it again adds only what is new. \
            With --follow, --listen or --subscribe it runs until SIGTERM or SIGINT, then commits what it \
            received and exits 0.
            """
    )

    @Argument(help: ArgumentHelp("Files of events; '-' is standard input (the default without a live source).", valueName: "file"))
    var files: [String] = []

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Read the files from their beginning, ignoring the stored positions.")
    var fromStart = false

    @Flag(help: "Keep reading the files as they grow, are rotated or truncated.")
    var follow = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Receive events over HTTP on HOST:PORT (HOST defaults to 127.0.0.1).", valueName: "host:port"),
        transform: ListenAddress.init(parsing:))
    var listen: ListenAddress?

    @Option(help: ArgumentHelp("Demand 'Authorization: Bearer SECRET' on the HTTP receiver (events, /wallboard, /metrics, /api/*; a browser signs in once with a form).", valueName: "secret"))
    var token: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            withDefault("Largest HTTP body accepted, in bytes (or with K or M), at most 1024M.", ByteCount.oneMiB.defaultValueDescription),
            valueName: "size"),
        transform: ByteCount.init(parsing:))
    var maxBody: ByteCount = .oneMiB

    @Option(help: ArgumentHelp("Long-poll a push channel (asterCC's push server or nchan); repeat for several.", valueName: "url"))
    var subscribe: [String] = []

    @OptionGroup var staleAfter: StaleAfterOption

    @OptionGroup var logging: LogLevelOption

    var isLive: Bool { follow || listen != nil || !subscribe.isEmpty }

    func validate() throws {
        if follow, files.isEmpty || files.contains("-") {
            throw ValidationError("--follow needs one or more files (standard input cannot be followed)")
        }
        if token != nil, listen == nil {
            throw ValidationError("--token goes with --listen")
        }
        do {
            try DistinctFiles.check(files)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let store = try database.open(.ingest)
        // Read before the writer's thread owns the store.
        let earlierCursors = try reportingFailure { try StoredFileCursors.read(from: store) }
        let eventWriter = try reportingFailure { try EventWriter(store: store, staleAfterSeconds: staleAfter.seconds) }
        if isLive {
            // The process's metrics: the writer counts in it, and the HTTP receiver's /metrics exports it.
            let registry = PrometheusCollectorRegistry()
            let metrics = IngestMetrics(factory: PrometheusMetricsFactory(registry: registry))
            let writer = IngestWriter(writer: eventWriter, staleCheckInterval: .seconds(60), metrics: metrics)
            try await runLive(writer, earlierCursors, registry)
        } else {
            try await runOnce(IngestWriter(writer: eventWriter), earlierCursors)
        }
    }

    /// Files and standard input, read to their end.
    private func runOnce(_ writer: IngestWriter, _ earlierCursors: StoredFileCursors) async throws {
        let ingester = FileIngester(writer: writer, earlierCursors: earlierCursors) { printError("astercdr: \($0)") }
        var failed = false
        var linesCutShort = 0
        for file in files.isEmpty ? ["-"] : files {
            do {
                let report = try await ingester.ingest(path: file == "-" ? nil : file, fromStart: fromStart)
                linesCutShort += report.linesCutShort
                if report.unfinishedLastLine {
                    printError("astercdr: the last line of '\(file)' has no line end yet; it is not stored now and is read by a later run once it ends (append a newline if the file is complete)")
                }
            } catch let error as StoreError {
                printError("astercdr: \(error)")
                printError(file == "-"
                    ? "astercdr: lines of standard input after the last commit were not stored; send them again"
                    : "astercdr: '\(file)' is stored up to the last commit; the next run reads on from there")
                failed = true
                break
            } catch {
                printError("astercdr: \(error)")
                failed = true
            }
        }
        let totals = await writer.finish(assemblingStale: true)
        printSummary(totals)
        if linesCutShort > 0 {
            printError("astercdr: \(linesCutShort) lines were longer than \(ingester.maxLineBytes >> 20) MiB and were stored cut short")
            failed = true
        }
        if failed { throw ExitCode.failure }
    }

    /// Every source as a service of one group, until SIGTERM or SIGINT.
    private func runLive(_ writer: IngestWriter, _ earlierCursors: StoredFileCursors, _ registry: PrometheusCollectorRegistry) async throws {
        let logger = logging.bootstrap()
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        let ingester = FileIngester(writer: writer, earlierCursors: earlierCursors) { logger.warning("\($0)") }
        for file in files {
            let source = FileSourceService(ingester: ingester, path: file, fromStart: fromStart, follow: follow, logger: logger)
            // A file read once is done when it ends; the other sources go on.
            services.append(.init(service: source, successTerminationBehavior: follow ? .gracefullyShutdownGroup : .ignore))
        }
        if let listen {
            // Its own read-only connection: the live view's reads never use or wait for the writer's.
            let reader = try reportingFailure { try FloorReader(database.open(.read)) }
            let liveView = LiveView(reader: reader, registry: registry, token: token)
            let receiver = EventReceiver(writer: writer, token: token, maxBody: maxBody.bytes, version: AsterCDR.version, liveView: liveView)
            services.append(.init(service: listen.server(answering: receiver, logger: logger)))
            logger.info("HTTP receiver started", metadata: ["address": "\(listen.host):\(listen.port)"])
        }
        for url in subscribe {
            services.append(.init(service: PushSubscriber(url: url, writer: writer, httpClient: .shared, logger: logger)))
        }
        services.append(.init(service: ProgressReporter(writer: writer, interval: .seconds(30), logger: logger), successTerminationBehavior: .ignore))
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        var failed = false
        do {
            try await group.run()
        } catch {
            printError("astercdr: \(error)")
            failed = true
        }
        printSummary(await writer.finish())
        if failed { throw ExitCode.failure }
    }

    private func printSummary(_ totals: IngestCounts) {
        printError("astercdr: \(totals.received) events: \(totals.parsed) parsed, \(totals.rejected) rejected, \(totals.duplicates) duplicates; \(totals.callsAssembled) calls assembled")
    }
}

