import Foundation
@_exported import TestSupport

/// Runs `astercdr` with `arguments`, feeding `input` on standard input, and waits for it off the
/// concurrency pool. `fileSizeLimit`: under that file-size limit (see `launchAstercdr`).
func astercdr(_ arguments: [String], input: Data? = nil, in directory: URL? = nil, environment: [String: String] = [:], fileSizeLimit: Int? = nil) async throws -> Finished {
    try await offThePool {
        let process = Process()
        launchAstercdr(process, arguments, fileSizeLimit: fileSizeLimit)
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        return try runToEnd(process, input: input)
    }
}
