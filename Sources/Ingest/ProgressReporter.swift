import Logging
import ServiceLifecycle

/// Logs the writer's throughput and totals at a steady interval while the ingester runs.
public struct ProgressReporter: Service {
    let writer: IngestWriter
    let interval: Duration
    let logger: Logger

    public init(writer: IngestWriter, interval: Duration, logger: Logger) {
        self.writer = writer
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown { await report() }
    }

    private func report() async {
        var last = writer.totals
        var lastTime = ContinuousClock.now
        while (try? await Task.sleep(for: interval)) != nil {
            let now = ContinuousClock.now
            let totals = writer.totals
            let seconds = (now - lastTime).inSeconds
            let rate = seconds > 0 ? Double(totals.received - last.received) / seconds : 0
            logger.info("ingesting", metadata: [
                "events_per_second": "\(Int(rate.rounded()))", "received": "\(totals.received)", "parsed": "\(totals.parsed)",
                "rejected": "\(totals.rejected)", "duplicates": "\(totals.duplicates)", "calls_assembled": "\(totals.callsAssembled)",
            ])
            last = totals
            lastTime = now
        }
    }
}
