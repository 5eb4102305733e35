import Foundation
@_exported import TestSupport

struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs `astercdr` with `arguments`, feeding `input` on standard input, and waits for it.
/// `fileSizeLimit`: under that file-size limit (see `launchAstercdr`).
func astercdr(_ arguments: [String], input: Data? = nil, in directory: URL? = nil, environment: [String: String] = [:], fileSizeLimit: Int? = nil) throws -> Run {
    let process = Process()
    launchAstercdr(process, arguments, fileSizeLimit: fileSizeLimit)
    if let directory { process.currentDirectoryURL = directory }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe(), inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    // Read both pipes while the process runs so neither can fill up and block it.
    let outData = ReadAll(out.fileHandleForReading), errData = ReadAll(err.fileHandleForReading)
    if let input { inPipe.fileHandleForWriting.write(input) }
    try inPipe.fileHandleForWriting.close()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: outData.wait(), stderr: errData.wait())
}

/// Drains a pipe on a background thread.
final class ReadAll: @unchecked Sendable {
    // Written once by the reading thread before `done` is signalled, read only after it.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

