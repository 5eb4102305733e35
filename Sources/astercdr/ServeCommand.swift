import ArgumentParser
import LiveView
import Logging
import Prometheus
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the live view (/wallboard, /metrics, /api/now, /healthz) read-only from a database another process writes.",
        discussion: """
            For when the ingester runs elsewhere, or on a replicated copy of its database: the same \
            wallboard page, /metrics (the figures that come from the database: calls waiting, calls in \
            progress, agents by state), /api/now and /healthz as `ingest --listen`, each request read in a transaction of \
            its own so it sees every commit made before it. It never writes the database nor takes its \
            write lock, and refuses one that needs upgrading. Runs until SIGTERM or SIGINT, then exits 0.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(withDefault("Serve HTTP on HOST:PORT (HOST defaults to 127.0.0.1).", "127.0.0.1:8080"), valueName: "host:port"),
        transform: ListenAddress.init(parsing:))
    var listen: ListenAddress?

    @Option(help: ArgumentHelp("Demand 'Authorization: Bearer SECRET' on /wallboard, /metrics and /api/* (a browser signs in once with a form).", valueName: "secret"))
    var token: String?

    @OptionGroup var logging: LogLevelOption

    /// `--listen`, else 127.0.0.1:8080.
    var address: ListenAddress { listen ?? ListenAddress(argument: "8080")! }

    func run() async throws {
        let reader = try reportingFailure { try FloorReader(database.open(.read)) }
        let logger = logging.bootstrap()
        let liveView = LiveView(reader: reader, registry: PrometheusCollectorRegistry(), token: token)
        let server = address.server(answering: ServeResponder(liveView: liveView, version: AsterCDR.version), logger: logger)
        logger.info("live view started", metadata: ["address": "\(address.host):\(address.port)", "database": "\(database.path)"])
        let group = ServiceGroup(configuration: .init(services: [.init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            printError("astercdr: \(error)")
            throw ExitCode.failure
        }
    }
}
