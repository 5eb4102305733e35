import CallStore
import Logging
import ServiceLifecycle

/// A file read as a service of the ingesting process: once to its end, or followed until shutdown.
/// When the database cannot store its lines (a full disk, a file-size limit), it waits and reads on
/// from the position committed last, so the other sources keep running and nothing is skipped.
public struct FileSourceService: Service {
    let ingester: FileIngester
    let path: String
    let fromStart: Bool
    let follow: Bool
    let logger: Logger
    let maxBackoff: Duration

    public init(ingester: FileIngester, path: String, fromStart: Bool, follow: Bool, logger: Logger, maxBackoff: Duration = .seconds(30)) {
        self.ingester = ingester
        self.path = path
        self.fromStart = fromStart
        self.follow = follow
        self.logger = logger
        self.maxBackoff = maxBackoff
    }

    public func run() async throws {
        logger.info("file source started", metadata: ["path": "\(path)", "follow": "\(follow)"])
        var fromStart = fromStart
        var failures = 0
        while true {
            do {
                let report = try await cancelWhenGracefulShutdown { [fromStart] in
                    try await ingester.ingest(path: path, fromStart: fromStart, follow: follow)
                }
                if report.linesCutShort > 0 {
                    logger.error("lines longer than the limit were stored cut short", metadata: ["path": "\(path)", "lines": "\(report.linesCutShort)"])
                }
                logger.info("file source stopped", metadata: ["path": "\(path)"])
                return
            } catch let error where error is StoreError || error is SourceMustResume {
                // What was committed is in the stored cursor; reading from the start again would store it twice.
                fromStart = false
                failures += 1
                let delay = RetryBackoff.delay(afterFailures: failures, cap: maxBackoff)
                logger.error("file lines not stored; retrying from the last committed position", metadata: ["path": "\(path)", "error": "\(error)", "delay": "\(delay)"])
                let slept = await cancelWhenGracefulShutdown { (try? await Task.sleep(for: delay)) != nil }
                guard slept, !Task.isShuttingDownGracefully else { return }
            } catch {
                logger.error("file source failed", metadata: ["path": "\(path)", "error": "\(error)"])
                throw error
            }
        }
    }
}
