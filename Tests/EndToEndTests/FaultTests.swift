import Foundation
import Testing

/// A database the ingester cannot write: refused clearly, nothing acknowledged lost, and ingestion
/// resumes once the fault is gone.
@Suite(.serialized) struct FaultTests {
    static let canLimitFileSize = FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit") || ProcessInfo.processInfo.environment["CI"] == "true"

    /// Lines that are each unique, so "stored exactly once" can be counted.
    static func lines(_ range: Range<Int>, tag: String) -> [String] {
        range.map { n in
            "sessionid=\(tag)\(n / 6)&source=AGENT&event=ringing&uniqueid=\(n)&activenum=8\(n % 40)&eventTime=2026-11-25 09:\(String(format: "%02d:%02d", (n / 60) % 60, n % 60))"
        }
    }

    @Test(.enabled(if: ReadOnlyFile.canBeMade || ProcessInfo.processInfo.environment["CI"] == "true"))
    func aReadOnlyDatabaseIsRefusedBeforeAnythingIsReadAndWorksOnceWritable() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let sample = repositoryRoot.appendingPathComponent("samples/sample-day.txt").path
            #expect(try await astercdr(["ingest", repositoryRoot.appendingPathComponent("samples/vendor-flows.txt").path, "--db", db, "--timezone", "Asia/Shanghai"]).status == 0)

            try ReadOnlyFile.set(db, readOnly: true)
            let refusal = "astercdr: cannot write to database '\(db)': it can only be opened read-only (check the permissions of the file, its -wal and -shm files and its folder, and that its file system is mounted read-write)\n"
            let once = try await astercdr(["ingest", sample, "--db", db])
            #expect(once.status == 1)
            #expect(once.stderr == refusal)
            let live = try await astercdr(["ingest", "--listen", "127.0.0.1:\(try freePort())", "--db", db])
            #expect(live.status == 1)
            #expect(live.stderr == refusal)
            #expect(try await astercdr(["assemble", "--db", db]).stderr == refusal)
            // Reading needs no write: the reports still work.
            let report = try await astercdr(["report", "summary", "--db", db, "--format", "csv"])
            #expect(report.status == 0)
            #expect(report.stdout.hasSuffix("\r\n2,2,0,0,100.0,3.0,,100.0,100.0,71.0,71.0,142,0,3\r\n"))

            try ReadOnlyFile.set(db, readOnly: false)
            let again = try await astercdr(["ingest", sample, "--db", db])
            #expect(again.status == 0)
            let sampleLines = try String(contentsOfFile: sample, encoding: .utf8).split(separator: "\n").count
            #expect(try query(db, "SELECT count(*), count(DISTINCT payload) FROM raw_events") == [["\(13 + sampleLines)", "\(13 + sampleLines)"]])
        }
    }

    /// `ulimit -f` fills the disk for one process: the run stops with a clear error and a non-zero
    /// exit; what it committed is a prefix of the file, and the next run adds exactly the rest.
    @Test(.enabled(if: canLimitFileSize)) func aFullDiskStopsAOneShotRunCleanlyAndTheNextRunStoresTheRest() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let file = dir.appendingPathComponent("events.log")
            let lines = Self.lines(0..<60_000, tag: "f")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)

            let full = try await astercdr(["ingest", file.path, "--db", db, "--timezone", "UTC"], fileSizeLimit: 2 << 20)
            #expect(full.status == 1)
            #expect(full.stderr.contains("astercdr: database '\(db)': disk I/O error (check the disk, its free space and the file-size limit (ulimit -f))\n"))
            #expect(full.stderr.contains("astercdr: '\(file.path)' is stored up to the last commit; the next run reads on from there\n"))
            let stored = try query(db, "SELECT payload FROM raw_events ORDER BY id").map { $0[0] ?? "" }
            #expect(stored.count > 0 && stored.count < lines.count)
            #expect(stored == Array(lines.prefix(stored.count)))

            let rest = try await astercdr(["ingest", file.path, "--db", db])
            #expect(rest.status == 0)
            #expect(rest.stderr.hasPrefix("astercdr: \(lines.count - stored.count) events:"))
            #expect(try query(db, "SELECT payload FROM raw_events ORDER BY id").map { $0[0] ?? "" } == lines)
            #expect(try query(db, "SELECT count(*) FROM events WHERE duplicate_of IS NOT NULL") == [["0"]])
        }
    }

    /// A live ingester on a full disk answers 503 (nothing stored) and keeps its followed file where
    /// it was; once the limit is lifted it goes on by itself: every event acknowledged, resent or
    /// appended is stored exactly once.
    @Test(.enabled(if: canLimitFileSize)) func aFullDiskInALiveIngesterIsRefusedThenResumedWithoutLoss() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let file = dir.appendingPathComponent("followed.log")
            var fileLines = Self.lines(0..<20_000, tag: "l")
            try Data((fileLines.joined(separator: "\n") + "\n").utf8).write(to: file)

            let receiver = try await RunningReceiver(db: db, extra: ["--follow", file.path], fileSizeLimit: 2 << 20)
            var bodies: [[String]] = []
            var refused: [Int] = []
            while refused.count < 3, bodies.count < 400 {
                let body = Self.lines(bodies.count * 200..<(bodies.count + 1) * 200, tag: "h")
                bodies.append(body)
                let answer = try await receiver.post("/", body.joined(separator: "\n"))
                switch answer.status.code {
                case 200: #expect(answer.body == #"{"received":200,"parsed":200,"rejected":0}"# + "\n")
                case 503: refused.append(bodies.count - 1)
                default: Issue.record("unexpected answer \(answer.status): \(answer.body)")
                }
            }
            #expect(refused.count == 3, "the disk never filled up")

            try receiver.raiseFileSizeLimit()
            for index in refused {
                #expect(try await receiver.post("/", bodies[index].joined(separator: "\n")).status == .ok)
            }
            let appended = Self.lines(20_000..<21_000, tag: "l")
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((appended.joined(separator: "\n") + "\n").utf8))
            try handle.close()
            fileLines += appended

            let fileOrigin = "file:" + file.standardizedFileURL.path
            _ = try await eventually(within: 120) {
                try query(db, "SELECT count(*) FROM raw_events WHERE origin = '\(fileOrigin)'") == [["\(fileLines.count)"]]
            }
            let stopped = try await receiver.stop()
            #expect(stopped.status == 0)
            #expect(stopped.stderr.contains("file lines not stored; retrying from the last committed position"))
            #expect(stopped.stderr.contains("events not stored"))

            #expect(try query(db, "SELECT payload FROM raw_events WHERE origin = '\(fileOrigin)' ORDER BY id").map { $0[0] ?? "" } == fileLines)
            let posted = bodies.flatMap { $0 }
            #expect(try query(db, "SELECT count(*), count(DISTINCT payload) FROM raw_events WHERE origin = 'http'") == [["\(posted.count)", "\(posted.count)"]])
            #expect(Set(try query(db, "SELECT payload FROM raw_events WHERE origin = 'http'").map { $0[0] ?? "" }) == Set(posted))
            #expect(try query(db, "SELECT count(*) FROM events WHERE duplicate_of IS NOT NULL") == [["0"]])
        }
    }
}

/// A file the ingester may only read. Root ignores permission bits, so for root the file is made
/// immutable (chattr +i, which the kernel enforces for root too) instead.
enum ReadOnlyFile {
    static func set(_ path: String, readOnly: Bool) throws {
        if geteuid() == 0 {
            let chattr = Process()
            chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            chattr.arguments = [readOnly ? "+i" : "-i", path]
            chattr.standardError = FileHandle.nullDevice
            try chattr.run()
            chattr.waitUntilExit()
            guard chattr.terminationStatus == 0 else { throw CocoaError(.fileWriteNoPermission) }
        } else {
            guard chmod(path, readOnly ? 0o444 : 0o644) == 0 else { throw POSIXError(.EPERM) }
        }
    }

    /// Whether this machine lets a test make a file read-only (chattr needs a file system that supports it).
    static let canBeMade: Bool = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("astercdr-probe-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: Data()) else { return false }
        defer { try? set(path, readOnly: false); try? FileManager.default.removeItem(atPath: path) }
        guard (try? set(path, readOnly: true)) != nil else { return false }
        let fd = open(path, O_WRONLY)
        if fd >= 0 { close(fd) }
        return fd < 0
    }()
}
