import Foundation

/// The simulator's truth file against what astercdr assembled: every `calls` column but
/// `assembled_at` (as `astercdr calls --format json` prints them) and every `call_parties`
/// column (read with SQL). Each mismatch is told with the session's differing columns and its
/// event lines, so that a failure can be diagnosed from the test's output alone.
///
/// The truth's agent columns (SPEC 6.1, 6.3) are compared where astercdr has them: a database
/// without them is of a version that predates its agent rules.
struct ExpectedCalls {
    /// One JSON value, compared by type and value.
    enum Cell: Equatable, CustomStringConvertible {
        case null, integer(Int64), text(String)

        init(_ value: Any) {
            switch value {
            case let number as NSNumber: self = .integer(number.int64Value)
            case let text as String: self = .text(text)
            default: self = .null
            }
        }

        /// As SQLite's text of it.
        var sqlText: String? {
            switch self {
            case .null: nil
            case .integer(let value): String(value)
            case .text(let text): text
            }
        }

        var description: String {
            switch self {
            case .null: "null"
            case .integer(let value): String(value)
            case .text(let text): "\"\(text)\""
            }
        }
    }

    static let partyColumns = [
        "party", "role", "number", "uniqueid", "channel", "ring_time", "ring_epoch", "answer_time", "answer_epoch",
        "hangup_time", "hangup_epoch", "ring_seconds", "answer_seconds", "talk_seconds", "hold_seconds",
    ]
    static let agentCallColumns: Set = ["agent", "acw_seconds"]
    static let agentPartyColumns = ["agentno", "agent", "acw_seconds"]

    /// The truth's call lines.
    let truth: [[String: Any]]
    /// Its agent lines, after the calls with --agent-state: `agent` and no `sessionid`.
    let agents: [[String: Any]]
    let eventLines: [Substring]

    init(truthFile: URL, eventsFile: URL) throws {
        let lines = try String(contentsOf: truthFile, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        truth = lines.filter { $0["sessionid"] != nil }
        agents = lines.filter { $0["sessionid"] == nil }
        eventLines = try String(contentsOf: eventsFile, encoding: .utf8).split(separator: "\n")
    }

    /// What differs between the truth and database `db`; empty when every call and party agrees
    /// and neither has a session the other lacks.
    func mismatches(db: String) async throws -> [String] {
        let listed = try await astercdr(["calls", "--format", "json", "--limit", "0", "--db", db])
        guard listed.status == 0 else { return ["astercdr calls failed: \(listed.stderr)"] }
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [[String: Any]]
        var calls = Dictionary(uniqueKeysWithValues: rows.map { ($0["sessionid"] as! String, $0) })
        let stored = Set(try query(db, "SELECT name FROM pragma_table_info('call_parties')").compactMap { $0[0] })
        let partyColumns = Self.partyColumns + Self.agentPartyColumns.filter(stored.contains)
        var parties: [String: [[String?]]] = [:]
        for row in try query(db, "SELECT sessionid, \(partyColumns.joined(separator: ", ")) FROM call_parties ORDER BY sessionid, party") {
            parties[row[0]!, default: []].append(Array(row.dropFirst()))
        }
        var found: [String] = []
        for expected in truth {
            let session = expected["sessionid"] as! String
            guard let call = calls.removeValue(forKey: session) else {
                found.append(report(session, ["no call record"]))
                continue
            }
            var differences: [String] = []
            for (column, value) in expected.sorted(by: { $0.key < $1.key }) where column != "parties" {
                if Self.agentCallColumns.contains(column), call[column] == nil { continue }
                let want = Cell(value), got = call[column].map(Cell.init) ?? .null
                if want != got { differences.append("\(column): expected \(want), astercdr \(got)") }
            }
            let wantParties = (expected["parties"] as! [[String: Any]]).map { party in partyColumns.map { Cell(party[$0] as Any).sqlText } }
            let gotParties = parties[session] ?? []
            if wantParties.count != gotParties.count {
                differences.append("parties: expected \(wantParties.count), astercdr \(gotParties.count)")
            }
            for (want, got) in zip(wantParties, gotParties) {
                for (index, column) in partyColumns.enumerated() where want[index] != got[index] {
                    differences.append("party \(want[0] ?? "?") \(column): expected \(want[index] ?? "null"), astercdr \(got[index] ?? "null")")
                }
            }
            if !differences.isEmpty { found.append(report(session, differences)) }
        }
        for session in calls.keys.sorted() {
            found.append(report(session, ["a call the simulator did not play"]))
        }
        return found
    }

    private func report(_ session: String, _ differences: [String]) -> String {
        (["session \(session):"] + differences.map { "  " + $0 } + ["  its lines:"]
            + eventLines.filter { $0.contains(session) }.map { "    " + $0 }).joined(separator: "\n")
    }
}
