import CallEvents
import Foundation
import SQLite

/// Each line's rows hold what the parser made of it (SPEC 1.2, 1.3, 2.1): a rejected line has its
/// parse error and no `events` row; a parsed one has its fields as columns, a valid `eventTime`
/// read in the database's zone, and an `event_time` that is its `event_epoch` written in that zone.
enum StoredEventChecks {
    static func check(_ lines: [UnsafeRawBufferPointer], in db: Database, zone: TimeZone) throws -> String? {
        let clock = ZoneClock(zone)
        let select = try db.prepare("""
            SELECT r.parse_error, e.raw_id, e.sessionid, e.source, e.event, e.eventid, e.uniqueid, e.channel,
                e.calleridnum, e.activenum, e.didnumber, e.direction, e.calltype, e.team_id, e.group_id,
                e.modeltype, e.model_id, e.agentno, e.extra, e.event_time, e.event_epoch, e.time_estimated
            FROM raw_events r LEFT JOIN events e ON e.raw_id = r.id ORDER BY r.id
            """)
        for (index, line) in lines.enumerated() {
            guard try select.step() else { return "raw_events has \(index) rows for \(lines.count) lines" }
            let what = "line \(index + 1)"
            switch EventParser.parse(line) {
            case .failure(let error):
                if select.text(at: 0) != error.message { return "\(what): parse_error is not the parser's message" }
                if !select.isNull(at: 1) { return "\(what) was rejected but has an events row" }
            case .success(let event):
                if !select.isNull(at: 0) || select.isNull(at: 1) { return "\(what) parsed but is stored as rejected" }
                let stored = (2...18).map { select.text(at: Int32($0)) }
                let parsed = [
                    event.sessionid, event.source, event.event, event.eventid, event.uniqueid, event.channel,
                    event.calleridnum, event.activenum, event.didnumber, event.direction, event.calltype,
                    event.teamID, event.groupID, event.modeltype, event.modelID, event.agentno, event.extraJSON,
                ]
                if stored != parsed { return "\(what): stored columns \(stored), parsed \(parsed)" }
                let epoch = select.int64(at: 20)
                let estimated = select.int64(at: 21) != 0
                if let civil = event.eventTime.flatMap(CivilTime.init(parsing:)) {
                    if estimated || epoch != clock.epoch(of: civil) { return "\(what): its valid eventTime is not its event_epoch" }
                } else if !estimated {
                    return "\(what) has no valid eventTime but is not marked estimated"
                }
                let written = clock.civilTime(at: epoch).text
                if select.text(at: 19) != written {
                    return "\(what): event_time \(select.text(at: 19) ?? "NULL") is not event_epoch \(epoch) in the database's zone (\(written))"
                }
            }
        }
        return nil
    }
}
