import CallAssembly
@_spi(Inspection) import CallStore
import Foundation
import SQLite
import Testing

@Suite struct AssemblyInStoreTests {
    let callColumns = """
        SELECT sessionid, direction, disposition, complete, customer_number, agent_number, agents_rung, did, team_id,
               group_id, modeltype, model_id, start_time, start_epoch, answer_time, answer_epoch, end_time, end_epoch,
               duration_seconds, wait_seconds, talk_seconds, hold_seconds, hangup_by, event_count, assembled_at
        FROM calls ORDER BY sessionid
        """
    let partyColumns = "SELECT * FROM call_parties ORDER BY sessionid, party"

    func store(_ dir: URL, _ name: String = "cdr.db", staleAfterSeconds: Int64 = SessionKeeper.defaultStaleAfter) throws -> (CallStore, EventWriter) {
        let store = try CallStore(path: dir.appendingPathComponent(name).path, access: .create, timeZone: "Asia/Shanghai")
        return (store, try EventWriter(store: store, staleAfterSeconds: staleAfterSeconds))
    }

    @Test func eventsArrivingOutOfOrderGiveTheSameRecords() throws {
        try withTemporaryDirectory { dir in
            let (inOrder, inOrderWriter) = try store(dir, "a.db")
            try inOrderWriter.ingest(vendorFlowLines)
            // One event per batch, the dial-out's seconds in reverse: its CONVERSATION hangup comes
            // first and every later event re-assembles the call. Events of one second keep their
            // order, since arrival breaks ties within a second (SPEC 3).
            let dialOut = Array(vendorFlowLines[..<7]), dialIn = Array(vendorFlowLines[7...])
            let shuffled = Array(dialOut[4...]) + dialIn + [dialOut[3]] + Array(dialOut[..<3])
            let (reversed, reversedWriter) = try store(dir, "b.db")
            for line in shuffled { try reversedWriter.ingest([line]) }
            #expect(reversedWriter.totals.callsAssembled == 1 + 1 + 4)
            #expect(try reversed.database.rows(callColumns) == inOrder.database.rows(callColumns))
            #expect(try reversed.database.rows(partyColumns) == inOrder.database.rows(partyColumns))
            #expect(try reversed.database.rows("SELECT count(*) FROM calls") == [["2"]])
        }
    }

    @Test func aStaleSessionGetsAnIncompleteRecordCompletedByItsHangup() throws {
        try withTemporaryDirectory { dir in
            let (store, writer) = try store(dir, staleAfterSeconds: 60)
            let dialIn = Array(vendorFlowLines[7...])
            try writer.ingest(Array(dialIn.dropLast()), receivedMillis: 1_000_000)
            #expect(try store.database.rows("SELECT count(*) FROM calls") == [["0"]])
            #expect(try store.database.rows("SELECT sessionid, last_received_at FROM open_sessions") == [["1f10eab01f5b1b36230b8e91aef34810", "1970-01-01T00:16:40.000Z"]])

            // 59 s after the newest event: not stale yet.
            #expect(try writer.assembleStaleBatch(now: Received(millis: 1_059_000)) == 0)
            #expect(try writer.assembleStaleBatch(now: Received(millis: 1_061_000)) == 1)
            #expect(try store.database.rows("SELECT complete, disposition, end_time, duration_seconds, talk_seconds, event_count FROM calls")
                    == [["0", "answered", "2010-01-01 11:12:54", "107", "104", "5"]])
            #expect(try store.database.rows("SELECT count(*) FROM open_sessions") == [["0"]])

            try writer.ingest([dialIn.last!], receivedMillis: 2_000_000)
            #expect(try store.database.rows("SELECT complete, end_time, event_count, assembled_at FROM calls")
                    == [["1", "2010-01-01 11:12:54", "6", "1970-01-01T00:33:20.000Z"]])
        }
    }

    /// What the writer says became complete in each commit: a call once, when its CONVERSATION
    /// hangup is first assembled, be it into a new record or into one written earlier as stale.
    @Test func aCallIsCompletedOnceWhenItsHangupIsFirstAssembled() throws {
        try withTemporaryDirectory { dir in
            let (store, writer) = try store(dir, staleAfterSeconds: 60)
            let dialIn = Array(vendorFlowLines[7...])
            #expect(try writer.ingest(Array(dialIn.dropLast()), receivedMillis: 1_000_000).completed == [:])
            try writer.begin()
            try writer.assembleStale(now: Received(millis: 1_061_000))
            let stale = try writer.commit()
            #expect(stale.callsAssembled == 1 && stale.completed == [:])

            let hangup = try writer.ingest([dialIn.last!], receivedMillis: 2_000_000)
            #expect(hangup.callsAssembled == 1 && hangup.completed == [.answered: 1])
            // Assembled again by a late event, and by a second CONVERSATION hangup after a restart
            // (the record read back from the database): never completed again.
            let late = "sessionid=1f10eab01f5b1b36230b8e91aef34810&source=CALLER&event=hangup&uniqueid=1555&eventTime=2010-01-01 11:12:55"
            #expect(try writer.ingest([late], receivedMillis: 2_100_000).completed == [:])
            let restarted = try EventWriter(store: store, staleAfterSeconds: 60)
            let again = "sessionid=1f10eab01f5b1b36230b8e91aef34810&source=CONVERSATION&event=hangup&uniqueid=0&eventTime=2010-01-01 11:12:56"
            let second = try restarted.ingest([again], receivedMillis: 2_200_000)
            #expect(second.callsAssembled == 1 && second.completed == [:])

            // A whole call in one batch; the totals hold each call once.
            #expect(try restarted.ingest(Array(vendorFlowLines[..<7]), receivedMillis: 2_300_000).completed == [.answered: 1])
            #expect(writer.totals.completed == [.answered: 1] && restarted.totals.completed == [.answered: 1])
            #expect(try store.database.rows("SELECT count(*) FROM calls WHERE complete = 1") == [["2"]])
        }
    }

    /// Each source's events are counted apart, by the origin they were stored with.
    @Test func eventsAreCountedBySource() throws {
        try withTemporaryDirectory { dir in
            let (_, writer) = try store(dir)
            try writer.begin()
            for (line, origin) in [(vendorFlowLines[0], "http"), ("not an event", "http"), (vendorFlowLines[0], "file:/x.log"), (vendorFlowLines[1], "stdin")] {
                var bytes = Array(line.utf8)
                try bytes.withUnsafeMutableBytes { try writer.record(UnsafeRawBufferPointer($0), origin: origin, received: Received(millis: 1_000_000)) }
            }
            let counts = try writer.commit()
            #expect(counts.bySource == [
                "http": SourceCounts(received: 2, rejected: 1, duplicates: 0),
                "file:/x.log": SourceCounts(received: 1, rejected: 0, duplicates: 1),
                "stdin": SourceCounts(received: 1, rejected: 0, duplicates: 0),
            ])
            #expect((counts.received, counts.rejected, counts.duplicates) == (4, 1, 1))
        }
    }

    @Test func rebuildingEverythingGivesTheLiveRecordsAgainEveryTime() throws {
        try withTemporaryDirectory { dir in
            let (store, writer) = try store(dir)
            try writer.ingest(vendorFlowLines)
            // A session that never ends, still fresh: it stays open through the rebuilds.
            try writer.ingest(["sessionid=open1&source=AGENT&event=ringing&eventTime=2010-01-01 12:00:00"], receivedMillis: 1_764_046_800_000)
            let live = (try store.database.rows(callColumns), try store.database.rows(partyColumns))

            let keeper = try SessionKeeper(store: store)
            let now = Received(millis: 1_764_046_900_000)
            #expect(try keeper.rebuildAll(now: now, chunk: 1) == 2)
            let first = (try store.database.rows(callColumns), try store.database.rows(partyColumns))
            #expect(try keeper.rebuildAll(now: now) == 2)
            let second = (try store.database.rows(callColumns), try store.database.rows(partyColumns))
            #expect(first == live)
            #expect(second == live)
            #expect(try store.database.rows("SELECT sessionid FROM open_sessions") == [["open1"]])
        }
    }
}

extension EventWriter {
    /// One batch that only assembles the stale sessions, as the ingester's stale check does.
    func assembleStaleBatch(now: Received) throws -> Int {
        try begin()
        try assembleStale(now: now)
        return try commit().callsAssembled
    }
}
