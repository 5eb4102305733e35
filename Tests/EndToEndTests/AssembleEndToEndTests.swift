import Foundation
import Testing

@Suite(.serialized) struct AssembleEndToEndTests {
    let callsDump = "SELECT * FROM calls ORDER BY sessionid"
    let partiesDump = "SELECT * FROM call_parties ORDER BY sessionid, party"

    /// A run that reads its input to the end assembles, before it stops, the sessions gone stale.
    @Test func anIngestRunAssemblesStaleSessionsBeforeItEnds() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let open = try String(contentsOf: repositoryRoot.appendingPathComponent("samples/vendor-flows.txt"), encoding: .utf8)
                .split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
            let first = try await astercdr(["ingest", "--db", db, "--timezone", "Asia/Shanghai"], input: Data(open.utf8))
            #expect(first.stderr == "astercdr: 12 events: 12 parsed, 0 rejected, 0 duplicates; 1 calls assembled\n")
            let later = try await astercdr(["ingest", "--db", db, "--stale-after", "0"], input: Data())
            #expect(later.stderr == "astercdr: 0 events: 0 parsed, 0 rejected, 0 duplicates; 1 calls assembled\n")
            #expect(try query(db, "SELECT complete FROM calls WHERE sessionid = '1f10eab01f5b1b36230b8e91aef34810'") == [["0"]])
        }
    }

    @Test func staleSessionsAndFullRebuildsFromTheCommandLine() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            // The dial-in flow without its CONVERSATION hangup: it stays open.
            let lines = try String(contentsOf: repositoryRoot.appendingPathComponent("samples/vendor-flows.txt"), encoding: .utf8)
                .split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
            let file = dir.appendingPathComponent("flows.log")
            try Data(lines.utf8).write(to: file)
            let ingest = try await astercdr(["ingest", file.path, "--db", db, "--timezone", "Asia/Shanghai"])
            #expect(ingest.stderr == "astercdr: 12 events: 12 parsed, 0 rejected, 0 duplicates; 1 calls assembled\n")
            #expect(try query(db, "SELECT sessionid FROM open_sessions") == [["1f10eab01f5b1b36230b8e91aef34810"]])

            let notYet = try await astercdr(["assemble", "--db", db])
            #expect(notYet.status == 0)
            #expect(notYet.stderr == "astercdr: 0 calls assembled\n")

            let stale = try await astercdr(["assemble", "--stale-after", "0", "--db", db])
            #expect(stale.stderr == "astercdr: 1 calls assembled\n")
            #expect(try query(db, "SELECT complete, disposition, duration_seconds, wait_seconds, talk_seconds, hangup_by FROM calls WHERE sessionid = '1f10eab01f5b1b36230b8e91aef34810'")
                    == [["0", "answered", "107", "3", "104", "customer"]])
            #expect(try query(db, "SELECT party, role, number, ring_seconds, answer_seconds, talk_seconds FROM call_parties WHERE sessionid = '1f10eab01f5b1b36230b8e91aef34810' ORDER BY party")
                    == [["1", "CALLER", "0138888888888", "3", "104", "104"], ["2", "AGENT", "041139735857", "3", "104", "104"]])

            let before = (try query(db, callsDump), try query(db, partiesDump))
            for _ in 0..<2 {
                let all = try await astercdr(["assemble", "--all", "--db", db])
                #expect(all.status == 0)
                #expect(all.stderr == "astercdr: 2 calls assembled\n")
                #expect(try query(db, callsDump) == before.0)
                #expect(try query(db, partiesDump) == before.1)
            }

            let badDuration = try await astercdr(["assemble", "--stale-after", "soon", "--db", db])
            #expect(badDuration.status != 0)
            #expect(badDuration.stderr.contains("--stale-after"))
            let missing = try await astercdr(["assemble", "--db", dir.appendingPathComponent("none.db").path])
            #expect(missing.status == 1)
            #expect(missing.stderr == "astercdr: no database at '\(dir.appendingPathComponent("none.db").path)' (run `astercdr ingest` first, or name one with --db or $ASTERCDR_DB)\n")
        }
    }
}
