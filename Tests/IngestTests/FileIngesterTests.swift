import CallStore
import Foundation
import Ingest
import SQLite
import Testing
import TestSupport

/// What an ingester told the person running it, in order.
final class Notices: @unchecked Sendable {
    // @unchecked: `notices` is only touched under `lock`.
    private let lock = NSLock()
    private var notices: [String] = []

    func add(_ notice: String) {
        lock.withLock { notices.append(notice) }
    }

    var all: [String] { lock.withLock { notices } }
}

/// A file of events beside the workspace's database.
extension Workspace {
    var events: URL { dir.appendingPathComponent("events.log") }

    func write(_ text: String) throws {
        try Data(text.utf8).write(to: events)
    }

    func append(_ text: String) throws {
        let handle = try FileHandle(forWritingTo: events)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// One `astercdr ingest` of the events file: a fresh store and writer, as a new process would have.
    @discardableResult
    func ingest(fromStart: Bool = false, maxLineBytes: Int = FileIngester.defaultMaxLineBytes) async throws -> (IngestCounts, Int) {
        let run = try await ingest(paths: [events.path], fromStart: fromStart, maxLineBytes: maxLineBytes)
        #expect(run.notices == [])
        return (run.counts, run.linesCutShort)
    }

    /// One `astercdr ingest PATH...` run: the file cursors stored before it read first, the paths
    /// read in turn; with what the run told the person running it.
    func ingest(
        paths: [String], fromStart: Bool = false, maxLineBytes: Int = FileIngester.defaultMaxLineBytes
    ) async throws -> (counts: IngestCounts, linesCutShort: Int, notices: [String]) {
        let store = try CallStore(path: dbPath, access: .create, timeZone: "UTC")
        let earlier = try StoredFileCursors.read(from: store)
        let writer = IngestWriter(writer: try EventWriter(store: store), batchEvents: 3)
        let notices = Notices()
        let ingester = FileIngester(writer: writer, maxLineBytes: maxLineBytes, earlierCursors: earlier) { notices.add("\($0)") }
        var linesCutShort = 0
        for path in paths {
            linesCutShort += try await ingester.ingest(path: path, fromStart: fromStart).linesCutShort
        }
        return (await writer.finish(), linesCutShort, notices.all)
    }

    func ingestReporting() async throws -> (counts: IngestCounts, report: FileIngester.Report) {
        let store = try CallStore(path: dbPath, access: .create, timeZone: "UTC")
        let writer = IngestWriter(writer: try EventWriter(store: store), batchEvents: 3)
        let report = try await FileIngester(writer: writer) { Issue.record("unexpected notice: \($0)") }.ingest(path: events.path)
        return (await writer.finish(), report)
    }

    /// The byte offset the events file's stored cursor has reached; nil without one.
    func storedOffset() throws -> Int? {
        guard let position = try database().scalarText("SELECT position FROM ingest_cursors WHERE origin LIKE 'file:%'"),
              let object = try JSONSerialization.jsonObject(with: Data(position.utf8)) as? [String: Any] else { return nil }
        return (object["offset"] as? NSNumber)?.intValue
    }
}

func event(_ n: Int) -> String {
    "sessionid=s\(n / 5)&source=AGENT&event=ringing&uniqueid=\(n)&eventTime=2026-11-25 09:00:\(String(format: "%02d", n % 60))"
}

@Suite struct FileIngesterTests {
    @Test func ingestingTheSameFileAgainAddsNothing() async throws {
        try await Workspace.with { ws in
            let lines = (0..<10).map(event)
            try ws.write(lines.joined(separator: "\n") + "\n")
            #expect(try await ws.ingest().0.received == 10)
            #expect(try await ws.ingest().0.received == 0)
            #expect(try ws.payloads() == lines)
        }
    }

    @Test func appendedLinesAreReadFromWhereTheLastRunStopped() async throws {
        try await Workspace.with { ws in
            try ws.write(event(0) + "\n" + event(1) + "\n")
            try await ws.ingest()
            try ws.append(event(2) + "\n")
            #expect(try await ws.ingest().0.received == 1)
            #expect(try ws.payloads() == [event(0), event(1), event(2)])
            let position = try Database(path: ws.dbPath).scalarText("SELECT position FROM ingest_cursors WHERE origin = 'file:\(ws.events.path)'")
            let cursor = try #require(position.flatMap(FileCursor.init(position:)))
            let size = try FileManager.default.attributesOfItem(atPath: ws.events.path)[.size] as? Int
            #expect(cursor.offset == Int64(size ?? -1))
            #expect(cursor.head == Data(event(0).utf8.prefix(64)).base64EncodedString())
        }
    }

    /// A stored position that is not this file's is not used, and the run says so, naming the path.
    @Test func aReplacedOrTruncatedFileIsReadFromItsBeginningWithAWarning() async throws {
        try await Workspace.with { ws in
            let path = ws.events.path
            try ws.write(event(0) + "\n" + event(1) + "\n")
            try await ws.ingest()
            // Shorter than the stored offset: truncated and rewritten.
            try ws.write(event(7) + "\n")
            let truncated = try await ws.ingest(paths: [path])
            #expect(truncated.counts.received == 1)
            #expect(truncated.notices == [
                "'\(path)' is not the file its stored position was taken from (now \(event(7).utf8.count + 1) bytes, shorter than the stored position: truncated): reading it from the start"
            ])
            // The same inode and length or more, other first bytes: rewritten in place.
            try ws.write(event(8) + "\n" + event(9) + "\n")
            let rewritten = try await ws.ingest(paths: [path])
            #expect(rewritten.counts.received == 2)
            #expect(rewritten.notices == [
                "'\(path)' is not the file its stored position was taken from (its first bytes differ: rewritten): reading it from the start"
            ])
            // A new file (new inode) at the same path, longer than the offset: written beside it and
            // renamed over it, as loggers rotate, so the old inode is still taken when the new one is made.
            let next = ws.events.deletingLastPathComponent().appendingPathComponent("events.log.new")
            try Data(((10..<14).map(event).joined(separator: "\n") + "\n").utf8).write(to: next)
            #expect(rename(next.path, path) == 0)
            let replaced = try await ws.ingest(paths: [path])
            #expect(replaced.counts.received == 4)
            #expect(replaced.notices == [
                "'\(path)' is not the file its stored position was taken from (another inode: rotated or replaced): reading it from the start"
            ])
            #expect(try ws.payloads() == [event(0), event(1), event(7), event(8), event(9)] + (10..<14).map(event))
        }
    }

    /// A file an earlier run read under another name (hard link, symlink, the name before a
    /// rotation) goes on from where that run stopped; lines added since are read once.
    @Test func theSameFileUnderAnotherNameGoesOnFromItsStoredPosition() async throws {
        try await Workspace.with { ws in
            try ws.write(event(0) + "\n" + event(1) + "\n")
            try await ws.ingest()
            let stored = event(0).utf8.count + event(1).utf8.count + 2
            let hardLink = ws.dir.appendingPathComponent("hard.log").path
            let symlink = ws.dir.appendingPathComponent("soft.log").path
            try FileManager.default.linkItem(atPath: ws.events.path, toPath: hardLink)
            try FileManager.default.createSymbolicLink(atPath: symlink, withDestinationPath: ws.events.path)
            try ws.append(event(2) + "\n")

            let linked = try await ws.ingest(paths: [hardLink])
            #expect(linked.counts.received == 1)
            #expect(linked.notices == [
                "'\(hardLink)' is the file an earlier run read as '\(ws.events.path)' (same device and inode): going on from that position (byte \(stored)) instead of reading it again"
            ])
            try ws.append(event(3) + "\n")
            // The furthest of the file's cursors wins: the hard link's, not the original's older one.
            let viaSymlink = try await ws.ingest(paths: [symlink])
            #expect(viaSymlink.counts.received == 1)
            #expect(viaSymlink.notices == [
                "'\(symlink)' is the file an earlier run read as '\(hardLink)' (same device and inode): going on from that position (byte \(stored + event(2).utf8.count + 1)) instead of reading it again"
            ])
            let original = try await ws.ingest(paths: [ws.events.path])
            #expect(original.counts.received == 0)
            #expect(original.notices.count == 1)
            #expect(try ws.payloads() == (0..<4).map(event))
        }
    }

    @Test func fromStartReadsEverythingAgainAndFlagsTheCopies() async throws {
        try await Workspace.with { ws in
            try ws.write((0..<4).map(event).joined(separator: "\n") + "\n")
            try await ws.ingest()
            let (counts, _) = try await ws.ingest(fromStart: true)
            #expect(counts.received == 4)
            #expect(counts.duplicates == 4)
        }
    }

    /// A last line without LF may be half written: it is left, cursor before it, until it ends.
    @Test func lineEndingsBlankLinesAndALastLineWithoutNewline() async throws {
        try await Workspace.with { ws in
            try ws.write(event(0) + "\r\n\r\n   \n" + event(1) + "\n\n" + String(event(2).prefix(30)))
            let first = try await ws.ingestReporting()
            #expect(first.counts.received == 2)
            #expect(first.report.unfinishedLastLine)
            #expect(try ws.payloads() == [event(0), event(1)])
            try ws.append(String(event(2).dropFirst(30)) + "\n" + event(3) + "\n")
            let second = try await ws.ingestReporting()
            #expect(second.counts.received == 2)
            #expect(!second.report.unfinishedLastLine)
            #expect(try ws.payloads() == [event(0), event(1), event(2), event(3)])
        }
    }

    @Test func aLongLineIsStoredWholeAndAnOverlongOneCutAndCounted() async throws {
        try await Workspace.with { ws in
            let long = event(0) + "&note=" + String(repeating: "x", count: 200_000)
            try ws.write(long + "\n" + event(1) + "\n")
            #expect(try await ws.ingest().1 == 0)
            #expect(try ws.payloads() == [long, event(1)])

            let overlong = event(2) + "&note=" + String(repeating: "y", count: 600_000)
            try ws.append(overlong + "\n" + event(3) + "\n")
            let (counts, truncated) = try await ws.ingest(maxLineBytes: 300_000)
            #expect(truncated == 1)
            #expect(counts.received == 2)
            #expect(counts.rejected == 1)
            let stored = try ws.payloads()
            #expect(stored[2] == String(overlong.prefix(300_000)))
            #expect(stored[3] == event(3))
        }
    }

    /// What a kill leaves while the rest of an overlong line is being skipped: the file has been
    /// read into the line but not to its LF. The cursor stays before the line, so the next run
    /// stores it once, cut, and nothing of its rest as a line of its own.
    @Test func anOverlongLineIsStoredAndPassedOnlyOnceItsLFIsRead() async throws {
        try await Workspace.with { ws in
            let overlong = event(2) + "&note=" + String(repeating: "y", count: 900_000)
            let firstPart = overlong.prefix(700_000)
            try ws.write(event(0) + "\n" + firstPart)
            let (first, firstCut) = try await ws.ingest(maxLineBytes: 300_000)
            #expect(first.received == 1)
            #expect(firstCut == 0)
            #expect(try ws.payloads() == [event(0)])
            #expect(try ws.storedOffset() == event(0).utf8.count + 1)

            try ws.append(overlong.dropFirst(700_000) + "\n" + event(3) + "\n")
            let (second, secondCut) = try await ws.ingest(maxLineBytes: 300_000)
            #expect(second.received == 2)
            #expect(secondCut == 1)
            #expect(try ws.payloads() == [event(0), String(overlong.prefix(300_000)), event(3)])
            let size = try FileManager.default.attributesOfItem(atPath: ws.events.path)[.size] as? Int
            #expect(try ws.storedOffset() == size)
        }
    }

    @Test func anUnreadableFileNamesThePath() async throws {
        try await Workspace.with { ws in
            let store = try CallStore(path: ws.dbPath, access: .create, timeZone: "UTC")
            let ingester = FileIngester(writer: IngestWriter(writer: try EventWriter(store: store))) { Issue.record("unexpected notice: \($0)") }
            let missing = ws.dir.appendingPathComponent("missing.log").path
            let error = await #expect(throws: IngestError.self) { try await ingester.ingest(path: missing) }
            #expect(error?.description == "cannot read '\(missing)': No such file or directory (check the path and permissions)")
            let folder = await #expect(throws: IngestError.self) { try await ingester.ingest(path: ws.dir.path) }
            #expect(folder?.description == "cannot read '\(ws.dir.path)': it is a directory (check the path and permissions)")
        }
    }
}
