/// One call for a person at a terminal: the record as labelled lines, then the parties and the
/// event timeline as tables, times of the call's own day shown as `HH:MM:SS`.
struct CallDetailTable {
    let detail: CallDetail

    init(_ detail: CallDetail) {
        self.detail = detail
    }

    func write(to sink: TextSink) {
        if let call = detail.call {
            sink.write(record(call))
        } else {
            let session = detail.events.first.map { text($0, TableColumns.events, "sessionid") } ?? ""
            sink.write("session  \(session)\n(not assembled yet: no call record, only events)\n")
        }
        if !detail.parties.isEmpty {
            sink.write("\nparties\n" + parties())
        }
        sink.write("\nevents\n" + events())
    }

    private var day: String? {
        (detail.call.map { text($0, TableColumns.calls, "start_time") } ?? detail.events.first.map { text($0, TableColumns.events, "event_time") })
            .map { String($0.prefix(10)) }
    }

    private func record(_ call: [ReportValue]) -> String {
        let c = TableColumns.calls
        func value(_ name: String) -> String { text(call, c, name) }
        func seconds(_ name: String) -> String { TableCell.text(call[c.firstIndex { $0.name == name }!], .seconds) }
        let rung = value("agents_rung")
        let lines: [(String, String)] = [
            ("session", value("sessionid")),
            ("direction", value("direction")),
            ("disposition", value("disposition") + (value("complete") == "0" ? " (still open: no CONVERSATION hangup yet)" : "")),
            ("customer", value("customer_number")),
            ("agent", value("agent_number") + " (\(rung) agent\(rung == "1" ? "" : "s") rung)"),
            ("DID", value("did")),
            ("team / group", value("team_id") + " / " + value("group_id")),
            ("campaign", value("modeltype") + " " + value("model_id")),
            ("start", value("start_time")),
            ("answer", value("answer_time") + "  wait " + seconds("wait_seconds")),
            ("end", value("end_time") + "  duration " + seconds("duration_seconds")),
            ("talk / hold", seconds("talk_seconds") + " / " + seconds("hold_seconds")),
            ("hung up by", value("hangup_by")),
            ("events", value("event_count")),
        ]
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 + "\n" }.joined()
    }

    private func parties() -> String {
        let p = TableColumns.parties
        let headers = ["#", "role", "number", "rings", "answers", "hangs up", "ring", "connected", "talk", "hold"]
        let rows = detail.parties.map { party -> [String] in
            func value(_ name: String) -> String { text(party, p, name) }
            func seconds(_ name: String) -> String { TableCell.text(party[p.firstIndex { $0.name == name }!], .seconds) }
            return [value("party"), value("role"), value("number"), clock(value("ring_time")), clock(value("answer_time")),
                    clock(value("hangup_time")), seconds("ring_seconds"), seconds("answer_seconds"), seconds("talk_seconds"), seconds("hold_seconds")]
        }
        return table(headers, [.right, .left, .left, .left, .left, .left, .right, .right, .right, .right], rows)
    }

    private func events() -> String {
        let e = TableColumns.events
        let start = detail.call.map { $0[TableColumns.calls.firstIndex { $0.name == "start_epoch" }!] }
            ?? detail.events.first.map { $0[e.firstIndex { $0.name == "event_epoch" }!] }
        let headers = ["time", "+", "source", "event", "number", "uniqueid", "note"]
        let rows = detail.events.map { event -> [String] in
            func value(_ name: String) -> String { text(event, e, name) }
            let estimated = value("time_estimated") == "1"
            var since = ""
            if case .integer(let from) = start, case .integer(let at) = event[e.firstIndex { $0.name == "event_epoch" }!] {
                since = Clock.text(seconds: at - from)
            }
            let role = value("source")
            let number = role == "CALLER" || role == "CALLEE" ? value("calleridnum") : value("activenum")
            var notes: [String] = []
            if estimated { notes.append("time estimated") }
            if value("duplicate_of") != "-" { notes.append("copy of #\(value("duplicate_of"))") }
            return [clock(value("event_time")) + (estimated ? "~" : ""), since, role, value("event"), number, value("uniqueid"), notes.joined(separator: ", ")]
        }
        return table(headers, [.left, .right, .left, .left, .left, .left, .left], rows)
    }

    private func table(_ headers: [String], _ alignments: [TableLayout.Alignment], _ rows: [[String]]) -> String {
        let layout = TableLayout(headers: headers, alignments: alignments, rows: rows)
        return ([layout.line(headers), layout.rule()] + rows.map(layout.line)).map { $0 + "\n" }.joined()
    }

    /// `HH:MM:SS` when the time falls on the call's first day, else the whole time.
    private func clock(_ time: String) -> String {
        guard let day, time.count == 19, time.hasPrefix(day) else { return time }
        return String(time.suffix(8))
    }

    private func text(_ row: [ReportValue], _ columns: [Column], _ name: String) -> String {
        let index = columns.firstIndex { $0.name == name }!
        return TableCell.text(row[index], columns[index].kind == .text ? .text : .number)
    }
}
