import Foundation
import FuzzChecks
import Testing
import TestSupport

/// Every committed fuzzing input, the seed corpus and each finding alike, through the same checks
/// the fuzz targets trap on (scripts/fuzz; README, "Fuzzing").
@Suite struct FuzzRegressionTests {
    static let corpus = repositoryRoot.appendingPathComponent("Fuzz/corpus")

    /// The inputs of one target, relative to its folder, so each shows by name in the results.
    static func inputs(_ target: String) -> [String] {
        let folder = corpus.appendingPathComponent(target).path
        return Replay.inputFiles(at: folder).map { String($0.dropFirst(folder.count + 1)) }
    }

    static func contents(_ target: String, _ name: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: corpus.appendingPathComponent("\(target)/\(name)").path))
    }

    @Test func bothCorporaHaveInputs() {
        #expect(Self.inputs("parser").count >= 10)
        #expect(Self.inputs("ingest").count >= 5)
    }

    @Test(arguments: inputs("parser"))
    func parserInput(_ name: String) throws {
        let failure = try Self.contents("parser", name).withUnsafeBytes(ParserTarget.check)
        #expect(failure == nil)
    }

    @Test(arguments: inputs("ingest"))
    func ingestInput(_ name: String) throws {
        let input = try Self.contents("ingest", name)
        try withTemporaryDirectory { folder in
            let harness = try IngestHarness(path: folder.appendingPathComponent("fuzz.db").path)
            #expect(input.withUnsafeBytes(harness.check) == nil)
        }
    }
}
