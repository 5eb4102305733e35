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
        "agentno", "agent", "acw_seconds",
    ]

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
        let partyColumns = Self.partyColumns
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

    /// What differs between the truth's agent lines and `astercdr report agents` over the whole
    /// database: each agent's time (SPEC 6.4) and its AHT with the ACW of its calls (SPEC 5). The
    /// supervisors, who only take consults, have no row of the report (docs/agents.md).
    func agentMismatches(db: String) async throws -> [String] {
        let run = try await astercdr(["report", "agents", "--format", "json", "--db", db])
        guard run.status == 0 else { return ["astercdr report agents failed: \(run.stderr)"] }
        let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [[String: Any]]
        var report = Dictionary(uniqueKeysWithValues: rows.map { ($0["agent"] as! String, $0) })
        var handle: [String: (sum: Int64, answered: Int64)] = [:]
        for call in truth {
            for party in call["parties"] as! [[String: Any]] where party["role"] as? String == "AGENT" && !(party["answer_epoch"] is NSNull) {
                let key = party["agent"] as! String
                let seconds = ["talk_seconds", "hold_seconds", "acw_seconds"].map { (party[$0] as! NSNumber).int64Value }.reduce(0, +)
                handle[key, default: (0, 0)].sum += seconds
                handle[key, default: (0, 0)].answered += 1
            }
        }
        let agentKeys = Set(truth.flatMap { ($0["parties"] as! [[String: Any]]).filter { $0["role"] as? String == "AGENT" }.map { $0["agent"] as! String } })
        var found: [String] = []
        for expected in agents {
            let key = expected["agent"] as! String
            guard agentKeys.contains(key) else { continue }
            guard let row = report.removeValue(forKey: key) else {
                found.append("agent \(key): no row in report agents")
                continue
            }
            var differences: [String] = []
            for column in ["login_seconds", "acw_seconds", "pause_seconds", "available_seconds", "occupancy"] {
                let want = Cell(expected[column] as Any), got = Cell(row[column] as Any)
                if column == "occupancy" ? !sameTenths(expected[column], row[column]) : want != got {
                    differences.append("\(column): expected \(want), astercdr \(got)")
                }
            }
            if let (sum, answered) = handle[key], answered > 0 {
                let aht = Double((20 * sum + answered) / (2 * answered)) / 10
                if !sameTenths(aht, row["aht_seconds"]) { differences.append("aht_seconds: expected \(aht), astercdr \(row["aht_seconds"] ?? "nil")") }
            }
            if !differences.isEmpty { found.append((["agent \(key):"] + differences.map { "  " + $0 }).joined(separator: "\n")) }
        }
        for key in report.keys.sorted() { found.append("agent \(key): a row the simulator has no agent for") }
        return found
    }

    /// Two figures with one decimal (or both null) are the same.
    private func sameTenths(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case let (x as NSNumber, y as NSNumber): abs(x.doubleValue - y.doubleValue) < 1e-9
        case let (x as Double, y as NSNumber): abs(x - y.doubleValue) < 1e-9
        case (is NSNull, is NSNull), (nil, nil): true
        default: false
        }
    }

    private func report(_ session: String, _ differences: [String]) -> String {
        (["session \(session):"] + differences.map { "  " + $0 } + ["  its lines:"]
            + eventLines.filter { $0.contains(session) }.map { "    " + $0 }).joined(separator: "\n")
    }
}
