@_spi(Inspection) import CallStore
import Foundation
import SQLite
import Testing

@Suite struct VendorFlowStorageTests {
    /// Stores the vendor's 13 events in one batch, in Asia/Shanghai.
    func storeVendorFlows(_ dir: URL) throws -> CallStore {
        let store = try CallStore(path: dir.appendingPathComponent("cdr.db").path, access: .create, timeZone: "Asia/Shanghai")
        let writer = try EventWriter(store: store)
        let counts = try writer.ingest(vendorFlowLines)
        #expect(counts.received == 13)
        #expect(counts.parsed == 13)
        #expect(counts.rejected == 0)
        #expect(counts.duplicates == 0)
        #expect(counts.callsAssembled == 2)
        return store
    }

    @Test func everyEventIsStoredRawAsReceived() throws {
        try #require(vendorFlowLines.count == 13)
        try withTemporaryDirectory { dir in
            let db = try storeVendorFlows(dir).database
            let raw = try db.rows("SELECT id, received_at, origin, payload, payload_bytes, parse_error FROM raw_events ORDER BY id")
            #expect(raw.count == 13)
            for (index, row) in raw.enumerated() {
                #expect(row == ["\(index + 1)", "2025-11-25T05:00:00.000Z", "test", vendorFlowLines[index], nil, nil])
            }
        }
    }

    @Test func dialOutEventsAreParsedIntoColumns() throws {
        try withTemporaryDirectory { dir in
            let db = try storeVendorFlows(dir).database
            let rows = try db.rows("""
                SELECT raw_id, sessionid, source, event, event_time, event_epoch, time_estimated, eventid, uniqueid,
                       channel, calleridnum, activenum, didnumber, direction, calltype, team_id, group_id,
                       modeltype, model_id, agentno, extra, duplicate_of
                FROM events WHERE raw_id <= 7 ORDER BY raw_id
                """)
            let session = "efeb7b374a3408b0d0954f30a1504d83"
            func row(_ id: Int, _ source: String, _ event: String, _ time: String, _ epoch: Int, _ uniqueid: String,
                     _ channel: String?, _ caller: String) -> [String?] {
                ["\(id)", session, source, event, "2010-01-01 \(time)", "\(epoch)", "0", nil, uniqueid, channel, caller,
                 "041139735857", nil, "dialout", "dialout", "20", "100", "Campaign", "10", nil, nil, nil]
            }
            #expect(rows == [
                row(1, "AGENT", "ringing", "08:22:01", 1_262_305_321, "19866", "Local/041139735857@hosted-dialout-408a;1", "0138888888888"),
                row(2, "AGENT", "answer", "08:22:01", 1_262_305_321, "19866", nil, "0138888888888"),
                row(3, "CALLEE", "ringing", "08:22:01", 1_262_305_321, "19867", "Local/0138888888888@hosted-dialout-7636;1", "0138888888888"),
                row(4, "CALLEE", "answer", "08:22:09", 1_262_305_329, "19867", nil, "041139735857"),
                row(5, "CALLEE", "hangup", "08:22:47", 1_262_305_367, "19867", "Local/0138888888888@hosted-dialout-7636;1", "0138888888888"),
                row(6, "AGENT", "hangup", "08:22:47", 1_262_305_367, "19866", "Local/041139735857@hosted-dialout-408a;1", "0138888888888"),
                row(7, "CONVERSATION", "hangup", "08:22:47", 1_262_305_367, "0", nil, "0138888888888"),
            ])
        }
    }

    @Test func dialInCallerWithoutTimeIsEstimatedFromItsNeighbour() throws {
        try withTemporaryDirectory { dir in
            let db = try storeVendorFlows(dir).database
            let rows = try db.rows("""
                SELECT raw_id, source, event, event_time, event_epoch, time_estimated, uniqueid, calleridnum, didnumber, team_id, direction
                FROM events WHERE sessionid = '1f10eab01f5b1b36230b8e91aef34810' ORDER BY raw_id
                """)
            #expect(rows == [
                // No eventTime: the AGENT ringing that arrived next is its neighbour.
                ["8", "CALLER", "incoming", "2010-01-01 11:11:07", "1262315467", "1", "1555", nil, nil, nil, "dialin"],
                ["9", "AGENT", "ringing", "2010-01-01 11:11:07", "1262315467", "0", "1556", "0138888888888", "800888", "3", "dialin"],
                ["10", "AGENT", "answer", "2010-01-01 11:11:10", "1262315470", "0", "1556", "0138888888888", "800888", "3", "dialin"],
                ["11", "CALLER", "hangup", "2010-01-01 11:12:54", "1262315574", "0", "1555", "0138888888888", "800888", "3", "dialin"],
                ["12", "AGENT", "hangup", "2010-01-01 11:12:54", "1262315574", "0", "1556", "0138888888888", "800888", "3", "dialin"],
                ["13", "CONVERSATION", "hangup", "2010-01-01 11:12:54", "1262315574", "0", "0", "0138888888888", nil, "3", "dialin"],
            ])
        }
    }

    @Test func theTwoCallsAreAssembledAsSpecSaysWhenTheirHangupsArrive() throws {
        try withTemporaryDirectory { dir in
            let db = try storeVendorFlows(dir).database
            let calls = try db.rows("""
                SELECT sessionid, direction, disposition, complete, customer_number, agent_number, agents_rung, did,
                       team_id, group_id, modeltype, model_id, start_time, start_epoch, answer_time, end_time,
                       duration_seconds, wait_seconds, talk_seconds, hold_seconds, hangup_by, event_count, assembled_at
                FROM calls ORDER BY start_epoch
                """)
            #expect(calls == [
                ["efeb7b374a3408b0d0954f30a1504d83", "dialout", "answered", "1", "0138888888888", "041139735857", "1", nil,
                 "20", "100", "Campaign", "10", "2010-01-01 08:22:01", "1262305321", "2010-01-01 08:22:09", "2010-01-01 08:22:47",
                 "46", "8", "38", "0", "customer", "7", "2025-11-25T05:00:00.000Z"],
                ["1f10eab01f5b1b36230b8e91aef34810", "dialin", "answered", "1", "0138888888888", "041139735857", "1", "800888",
                 "3", "100", "Campaign", "10", "2010-01-01 11:11:07", "1262315467", "2010-01-01 11:11:10", "2010-01-01 11:12:54",
                 "107", "3", "104", "0", "customer", "6", "2025-11-25T05:00:00.000Z"],
            ])
            let parties = try db.rows("""
                SELECT sessionid, party, role, number, uniqueid, ring_time, answer_time, hangup_time,
                       ring_seconds, answer_seconds, talk_seconds, hold_seconds
                FROM call_parties ORDER BY sessionid DESC, party
                """)
            #expect(parties == [
                ["efeb7b374a3408b0d0954f30a1504d83", "1", "AGENT", "041139735857", "19866", "2010-01-01 08:22:01", "2010-01-01 08:22:01", "2010-01-01 08:22:47", "0", "46", "38", "0"],
                ["efeb7b374a3408b0d0954f30a1504d83", "2", "CALLEE", "0138888888888", "19867", "2010-01-01 08:22:01", "2010-01-01 08:22:09", "2010-01-01 08:22:47", "8", "38", "38", "0"],
                ["1f10eab01f5b1b36230b8e91aef34810", "1", "CALLER", "0138888888888", "1555", "2010-01-01 11:11:07", "2010-01-01 11:11:10", "2010-01-01 11:12:54", "3", "104", "104", "0"],
                ["1f10eab01f5b1b36230b8e91aef34810", "2", "AGENT", "041139735857", "1556", "2010-01-01 11:11:07", "2010-01-01 11:11:10", "2010-01-01 11:12:54", "3", "104", "104", "0"],
            ])
            #expect(try db.rows("SELECT count(*) FROM open_sessions") == [["0"]])
        }
    }
}
