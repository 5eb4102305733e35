import FuzzChecks

/// libFuzzer's entry point: a broken invariant traps, and libFuzzer saves the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let failure = ParserTarget.check(UnsafeRawBufferPointer(start: data, count: size)) {
        fatalError(failure)
    }
    return 0
}

#if !FUZZING
import Foundation

/// Without libFuzzer: checks the files named on the command line.
@main enum ReplayParserInputs {
    static func main() {
        exit(Replay.run(Array(CommandLine.arguments.dropFirst()), ParserTarget.check))
    }
}
#endif
