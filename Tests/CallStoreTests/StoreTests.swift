@_spi(Inspection) import CallStore
import Foundation
import Migrations
import SQLite
import Testing

@Suite struct DuplicateTests {
    let line = "sessionid=s1&source=AGENT&event=ringing&uniqueid=7&activenum=1001&eventTime=2026-11-25 09:00:00&from=dialin"
    let json = #"{'from':'dialin','eventTime':'2026-11-25 09:00:00','activenum':1001,'uniqueid':7,'event':'ringing','source':'AGENT','sessionid':'s1'}"#

    @Test func aSecondCopyPointsAtTheFirstAndIsCounted() throws {
        try withTemporaryDirectory { dir in
            let store = try CallStore(path: dir.appendingPathComponent("cdr.db").path, access: .create, timeZone: "UTC")
            let writer = try EventWriter(store: store)
            try writer.ingest([line])
            // A JSON copy of the same pairs in another batch, and a third copy in key=value form.
            let counts = try writer.ingest([json, line + "&"])
            #expect(counts.duplicates == 2)
            #expect(try store.database.rows("SELECT raw_id, duplicate_of FROM events ORDER BY raw_id") == [["1", nil], ["2", "1"], ["3", "1"]])
            #expect(writer.totals.received == 3)
            #expect(writer.totals.duplicates == 2)
        }
    }

    @Test func samePairsInAnotherSessionOrAnotherValueAreNotDuplicates() throws {
        try withTemporaryDirectory { dir in
            let store = try CallStore(path: dir.appendingPathComponent("cdr.db").path, access: .create, timeZone: "UTC")
            let writer = try EventWriter(store: store)
            let counts = try writer.ingest([
                line,
                line.replacingOccurrences(of: "sessionid=s1", with: "sessionid=s2"),
                line.replacingOccurrences(of: "09:00:00", with: "09:00:01"),
                "sessionid=s1&source=AGENT&event=answer&eventid=41&eventTime=2026-11-25 09:00:05",
                // Same eventid, other pairs: the server says it is the same event.
                "sessionid=s1&source=AGENT&event=answer&eventid=41&eventTime=2026-11-25 09:00:06",
                "agentno=8001&event=login&eventTime=2026-11-25 08:00:00",
                "agentno=8001&event=login&eventTime=2026-11-25 08:00:00",
            ])
            #expect(counts.duplicates == 2)
            #expect(try store.database.rows("SELECT raw_id, duplicate_of FROM events WHERE duplicate_of IS NOT NULL ORDER BY raw_id") == [["5", "4"], ["7", "6"]])
        }
    }
}

@Suite struct RejectTests {
    @Test func badInputIsStoredWithItsErrorAndIngestionGoesOn() throws {
        try withTemporaryDirectory { dir in
            let store = try CallStore(path: dir.appendingPathComponent("cdr.db").path, access: .create, timeZone: "UTC")
            let writer = try EventWriter(store: store)
            let counts = try writer.ingest(["source=AGENT&sessionid=x", "{'event':'ringing'", "sessionid=y&event=ringing&eventTime=2026-11-25 09:00:00"])
            #expect(counts.received == 3)
            #expect(counts.rejected == 2)
            #expect(counts.parsed == 1)
            let rows = try store.database.rows("SELECT id, parse_error IS NOT NULL FROM raw_events ORDER BY id")
            #expect(rows == [["1", "1"], ["2", "1"], ["3", "0"]])
            #expect(try store.database.rows("SELECT raw_id FROM events") == [["3"]])
        }
    }

    @Test func bytesThatAreNotUTF8AreKeptExactly() throws {
        try withTemporaryDirectory { dir in
            let store = try CallStore(path: dir.appendingPathComponent("cdr.db").path, access: .create, timeZone: "UTC")
            let writer = try EventWriter(store: store)
            let bytes: [UInt8] = Array("sessionid=z&event=ringing&activenum=".utf8) + [0xC3, 0x28, 0xFF] + Array("&eventTime=2026-11-25 09:00:00".utf8)
            try writer.ingest(bytes: bytes)
            let select = try store.database.prepare("SELECT payload, payload_bytes FROM raw_events")
            #expect(try select.step())
            #expect(select.blob(at: 1) == bytes)
            #expect(select.text(at: 0) == String(decoding: bytes, as: UTF8.self))
            #expect(try store.database.rows("SELECT event, activenum FROM events") == [["ringing", "\u{FFFD}(\u{FFFD}"]])
        }
    }

    @Test func validUTF8HasNoPayloadBytes() throws {
        try withTemporaryDirectory { dir in
            let store = try CallStore(path: dir.appendingPathComponent("cdr.db").path, access: .create, timeZone: "UTC")
            let writer = try EventWriter(store: store)
            try writer.ingest(["sessionid=z&event=ringing&activenum=中文 😀"])
            #expect(try store.database.rows("SELECT payload, payload_bytes FROM raw_events") == [["sessionid=z&event=ringing&activenum=中文 😀", nil]])
        }
    }

    @Test func aTimelessEventWithoutSessionKeepsItsArrivalTime() throws {
        try withTemporaryDirectory { dir in
            let store = try CallStore(path: dir.appendingPathComponent("cdr.db").path, access: .create, timeZone: "Asia/Shanghai")
            let writer = try EventWriter(store: store)
            // Arrived 2025-11-25T05:00:00.600Z: rounds to 05:00:01 UTC, 13:00:01 in Shanghai.
            try writer.begin()
            try Array("event=paused&agentno=8001&eventTime=0000-00-00 00:00:00".utf8).withUnsafeBytes {
                try writer.record($0, origin: "test", received: Received(millis: 1_764_046_800_600))
            }
            try writer.commit()
            #expect(try store.database.rows("SELECT event_time, event_epoch, time_estimated FROM events") == [["2025-11-25 13:00:01", "1764046801", "1"]])
        }
    }
}

@Suite struct DatabaseSettingsTests {
    @Test func aDifferentTimeZoneIsRefusedAndAnAliasAccepted() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("cdr.db").path
            _ = try CallStore(path: path, access: .create, timeZone: "UTC")
            _ = try CallStore(path: path, access: .update, timeZone: "Etc/UTC")
            let reopened = try CallStore(path: path, access: .update, timeZone: nil)
            #expect(reopened.zone.secondsFromGMT() == 0)
            let error = #expect(throws: StoreError.self) { try CallStore(path: path, access: .create, timeZone: "Asia/Shanghai") }
            #expect(error?.description == "database '\(path)' keeps its times in UTC, not Asia/Shanghai (leave out --timezone, or use another database for Asia/Shanghai)")
            #expect(try reopened.database.rows("SELECT name, value FROM settings") == [["timezone", "UTC"]])
        }
    }

    @Test func anUnknownZoneIsNamed() throws {
        let error = #expect(throws: StoreError.self) { try CallStore(path: "/tmp/never-created.db", access: .create, timeZone: "Mars/Olympus") }
        #expect(error?.description == "unknown time zone 'Mars/Olympus' (use an IANA name such as Asia/Shanghai or UTC)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-created.db"))
    }

    @Test func aNewerDatabaseIsRefusedUntouched() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("cdr.db").path
            do {
                let store = try CallStore(path: path, access: .create, timeZone: "UTC")
                try store.database.execute("INSERT INTO schema_migrations VALUES (999, '0999_future', '2030-01-01T00:00:00.000Z'); PRAGMA wal_checkpoint(TRUNCATE)")
            }
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { try CallStore(path: path, access: .create, timeZone: nil) }
            #expect(error?.description == "cannot use database '\(path)': its schema version is 999, newer than this program understands (\(SchemaMigrations.all.last!.version)); use a newer astercdr")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
    }

    @Test func unusablePathsSayWhatToCheck() throws {
        try withTemporaryDirectory { dir in
            let missingFolder = dir.appendingPathComponent("no/such/x.db").path
            let error = #expect(throws: StoreError.self) { try CallStore(path: missingFolder, access: .create, timeZone: "UTC") }
            #expect(error?.description == "cannot open database '\(missingFolder)': unable to open database file (check the path and permissions)")

            let notADatabase = dir.appendingPathComponent("notes.txt").path
            try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: notADatabase))
            let notDB = #expect(throws: StoreError.self) { try CallStore(path: notADatabase, access: .create, timeZone: "UTC") }
            #expect(notDB?.description == "cannot open database '\(notADatabase)': file is not a database (it is not an SQLite database; check the path)")

            let absent = dir.appendingPathComponent("absent.db").path
            let missing = #expect(throws: StoreError.self) { try CallStore(path: absent, access: .update, timeZone: nil) }
            #expect(missing?.description == "no database at '\(absent)' (run `astercdr ingest` first, or name one with --db or $ASTERCDR_DB)")
        }
    }
}

@Suite struct ConcurrentWriterTests {
    /// Another connection writing between two batches (the sqlite3 shell, `astercdr assemble`)
    /// must not make the ingester's next commit fail.
    @Test func aWriteFromAnotherConnectionBetweenBatchesIsHarmless() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("cdr.db").path
            let store = try CallStore(path: path, access: .create, timeZone: "Asia/Shanghai")
            let writer = try EventWriter(store: store)
            // The batch ends on a duplicate: the look-up that found its original was left on a row.
            try writer.ingest(Array(vendorFlowLines[..<3]) + [vendorFlowLines[2]])
            let shell = try Database(path: path)
            try shell.execute("INSERT INTO settings (name, value) VALUES ('note', 'written by someone else')")
            let counts = try writer.ingest(Array(vendorFlowLines[3...]))
            #expect(counts.received == 10)
            #expect(counts.callsAssembled == 2)
        }
    }
}
