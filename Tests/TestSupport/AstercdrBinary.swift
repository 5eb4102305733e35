import Foundation

/// The built `astercdr`: $ASTERCDR_BIN, else beside the test bundle, else in .build/debug.
public let astercdrBinary: URL = {
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["ASTERCDR_BIN"] { candidates.append(URL(fileURLWithPath: path)) }
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("astercdr"))
    candidates.append(repositoryRoot.appendingPathComponent(".build/debug/astercdr"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
}()
