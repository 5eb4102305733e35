import Logging
import ServiceLifecycle

/// A file read as a service of the ingesting process: once to its end, or followed until shutdown.
public struct FileSourceService: Service {
    let ingester: FileIngester
    let path: String
    let fromStart: Bool
    let follow: Bool
    let logger: Logger

    public init(ingester: FileIngester, path: String, fromStart: Bool, follow: Bool, logger: Logger) {
        self.ingester = ingester
        self.path = path
        self.fromStart = fromStart
        self.follow = follow
        self.logger = logger
    }

    public func run() async throws {
        logger.info("file source started", metadata: ["path": "\(path)", "follow": "\(follow)"])
        do {
            let report = try await cancelWhenGracefulShutdown {
                try await ingester.ingest(path: path, fromStart: fromStart, follow: follow)
            }
            if report.linesCutShort > 0 {
                logger.error("lines longer than the limit were stored cut short", metadata: ["path": "\(path)", "lines": "\(report.linesCutShort)"])
            }
            logger.info("file source stopped", metadata: ["path": "\(path)"])
        } catch {
            logger.error("file source failed", metadata: ["path": "\(path)", "error": "\(error)"])
            throw error
        }
    }
}
