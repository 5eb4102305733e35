import Foundation
import FuzzChecks

/// This process's database, in a folder of its own that is removed at exit.
let databaseFolder = URL(fileURLWithPath: NSTemporaryDirectory())
    .appendingPathComponent("astercdr-fuzz-\(ProcessInfo.processInfo.processIdentifier)").path

/// libFuzzer calls the entry point from one thread, one input at a time.
nonisolated(unsafe) let harness: IngestHarness = {
    do {
        try FileManager.default.createDirectory(atPath: databaseFolder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: databaseFolder) }
        return try IngestHarness(path: databaseFolder + "/fuzz.db")
    } catch {
        fatalError("cannot create the fuzzing database in \(databaseFolder): \(error)")
    }
}()

/// libFuzzer's entry point: a broken invariant traps, and libFuzzer saves the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let failure = harness.check(UnsafeRawBufferPointer(start: data, count: size)) {
        fatalError(failure)
    }
    return 0
}

#if !FUZZING
/// Without libFuzzer: checks the files named on the command line.
@main enum ReplayIngestInputs {
    static func main() {
        exit(Replay.run(Array(CommandLine.arguments.dropFirst()), harness.check))
    }
}
#endif
