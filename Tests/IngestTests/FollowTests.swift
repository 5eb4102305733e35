import CallStore
import Foundation
import Ingest
import SQLite
import Testing
import TestSupport

@Suite struct FollowTests {
    /// Waits (at most 60 s: a bound on a hang, not a speed, as the suites share two cores) until the
    /// database holds `count` raw events; fails the test, saying what it waited for and what it
    /// found, when it does not.
    func waitFor(_ count: Int, in ws: Workspace, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let reached = try await eventually(within: 60) { try ws.payloads().count >= count }
        let held = try ws.payloads().count
        try #require(reached, "waited 60 s for \(count) raw events; the database holds \(held)", sourceLocation: sourceLocation)
    }

    /// An ingester following the events file, as `ingest --follow` runs it, stopped by cancellation.
    func follow(_ ws: Workspace, every interval: Duration = .milliseconds(20)) throws -> (Task<FileIngester.Report, any Error>, IngestWriter) {
        let store = try CallStore(path: ws.dbPath, access: .create, timeZone: "UTC")
        let writer = IngestWriter(writer: try EventWriter(store: store))
        let ingester = FileIngester(writer: writer, followInterval: interval) { Issue.record("unexpected notice: \($0)") }
        let path = ws.events.path
        return (Task { try await ingester.ingest(path: path, follow: true) }, writer)
    }

    @Test func followsGrowthRotationTruncationAndResumesAfterARestart() async throws {
        try await Workspace.with { ws in
            try ws.write(event(0) + "\n")
            let (running, writer) = try follow(ws)
            try await waitFor(1, in: ws)

            // Growth, including a line whose end arrives later: it waits for its LF.
            try ws.append(event(1) + "\n" + String(event(2).prefix(20)))
            try await waitFor(2, in: ws)
            // No signal says "the half line was seen and held back": give the poll (20 ms) a few turns.
            try await Task.sleep(for: .milliseconds(100))
            #expect(try ws.payloads() == [event(0), event(1)])
            try ws.append(String(event(2).dropFirst(20)) + "\n")
            try await waitFor(3, in: ws)

            // Rotation: the old file gets a last line (no LF) and is renamed; a new file takes the path.
            try ws.append(event(3))
            try FileManager.default.moveItem(at: ws.events, to: ws.dir.appendingPathComponent("events.log.1"))
            try ws.write(event(4) + "\n")
            try await waitFor(5, in: ws)

            // Truncation: rewritten from the start.
            try ws.write(event(5) + "\n")
            try await waitFor(6, in: ws)
            #expect(try ws.payloads() == (0...5).map(event))

            running.cancel()
            _ = try await running.value
            _ = await writer.finish()

            // A restart continues after the committed position.
            try ws.append(event(6) + "\n")
            let (again, againWriter) = try follow(ws)
            try await waitFor(7, in: ws)
            // The cursor at the file's end says everything it holds was read: nothing more can come.
            let size = try #require(try FileManager.default.attributesOfItem(atPath: ws.events.path)[.size] as? Int)
            let readToEnd = try await eventually(within: 60) { try ws.storedOffset() == size }
            let offset = try ws.storedOffset()
            try #require(readToEnd, "waited 60 s for the stored cursor to reach the file's end (\(size) bytes); it is at \(String(describing: offset))")
            again.cancel()
            _ = try await again.value
            _ = await againWriter.finish()
            #expect(try ws.payloads() == (0...6).map(event))
        }
    }

    /// A logger keeps writing to the renamed file for a moment after a rotation: those lines are read too.
    @Test func linesWrittenToTheRenamedFileAfterARotationAreNotLost() async throws {
        try await Workspace.with { ws in
            try ws.write(event(0) + "\n")
            // The old file gets one more poll after the rotation is seen: a whole second, so that
            // the write 100 ms after the rename lands within it even on a loaded machine.
            let (running, writer) = try follow(ws, every: .seconds(1))
            try await waitFor(1, in: ws)
            let renamed = ws.dir.appendingPathComponent("events.log.1")
            try FileManager.default.moveItem(at: ws.events, to: renamed)
            try ws.write(event(2) + "\n")
            try await Task.sleep(for: .milliseconds(100))
            let old = try FileHandle(forWritingTo: renamed)
            try old.seekToEnd()
            try old.write(contentsOf: Data((event(1) + "\n").utf8))
            try old.close()
            try await waitFor(3, in: ws)
            running.cancel()
            _ = try await running.value
            _ = await writer.finish()
            #expect(try ws.payloads() == [event(0), event(1), event(2)])
        }
    }
}
