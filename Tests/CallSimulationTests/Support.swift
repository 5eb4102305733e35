@testable import CallSimulation
import CallEvents
import Foundation

let shanghai = TimeZone(identifier: "Asia/Shanghai")!
let shanghaiClock = ZoneClock(shanghai)

/// Unix seconds of a wall-clock time in Shanghai.
func at(_ text: String) -> Int64 {
    shanghaiClock.epoch(of: CivilTime(parsing: text)!)
}

func options(_ length: SimulationOptions.Length, seed: UInt64 = 1, agentState: Bool = false, mix: CallMix = CallMix(),
             duplicates: Double = 0, outOfOrder: Double = 0, format: EventFormat = .keyValue,
             agents: Int = CallCentre.defaultAgents) -> SimulationOptions {
    var options = SimulationOptions(
        length: length, seed: seed, start: CivilTime(parsing: "2026-11-02 08:00:00")!, zone: shanghai, format: format,
        agentState: agentState, mix: mix, duplicates: duplicates, outOfOrder: outOfOrder, expectsCalls: true)
    options.agents = agents
    return options
}

/// Everything a simulation sends, and the calls it played.
struct Run {
    var bytes: [UInt8] = []
    var truth: [UInt8] = []
    var played: [(kind: CallKind, expected: ExpectedCall)] = []

    init(_ options: SimulationOptions) {
        let simulation = Simulation(options)
        while simulation.appendLine(to: &bytes) {
            played += simulation.played
            simulation.appendExpectedCalls(to: &truth)
        }
        played += simulation.played
        simulation.appendExpectedCalls(to: &truth)
    }

    var lines: [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }

    /// Each event once, in eventid order: as delivered, some come twice or late.
    var distinctLinesInOrder: [Substring] {
        Set(lines).sorted { Int($0.value(of: "eventid")!)! < Int($1.value(of: "eventid")!)! }
    }

    /// The truth's call lines, then (with agent state) its agent lines: `agent` and no `sessionid`.
    var truthLines: (calls: [[String: Any]], agents: [[String: Any]]) {
        let objects = String(decoding: truth, as: UTF8.self).split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        return (objects.filter { $0["sessionid"] != nil }, objects.filter { $0["sessionid"] == nil })
    }
}

extension Substring {
    /// The value of `key` in a `key=value&` line.
    func value(of key: String) -> Substring? {
        split(separator: "&").first { $0.hasPrefix(key + "=") }?.dropFirst(key.count + 1)
    }
}

/// A call of the vendor's worked examples (SPEC 3.3), played by hand.
enum VendorFlows {
    static let agent = "041139735857"
    static let customer = "0138888888888"

    /// AGENT rings and answers at 08:22:01, CALLEE rings at 08:22:01, answers at 08:22:09, both
    /// hang up at 08:22:47 (the CALLEE first).
    static var dialOut: CallScript {
        var call = CallScript(kind: .dialOutAnswered, header: CallHeader(
            sessionid: "efeb7b374a3408b0d0954f30a1504d83", direction: .dialOut, did: "", team: "20", group: "100",
            campaign: "10", customer: customer))
        call.agentNumber = agent
        let a = call.ring(.agent, number: agent, uniqueid: "19866", channel: "Local/041139735857@hosted-dialout-408a;1", at: at("2010-01-01 08:22:01"))
        call.answer(a, at: at("2010-01-01 08:22:01"), channel: " ")
        let callee = call.ring(.callee, number: customer, uniqueid: "19867", channel: "Local/0138888888888@hosted-dialout-7636;1", at: at("2010-01-01 08:22:01"))
        call.answer(callee, at: at("2010-01-01 08:22:09"), calleridnum: agent)
        call.hangUp(callee, at: at("2010-01-01 08:22:47"))
        call.hangUp(a, at: at("2010-01-01 08:22:47"))
        call.end(at: at("2010-01-01 08:22:47"))
        return call
    }

    /// The CALLER comes in at 11:11:07 (the vendor's short `incoming`), the AGENT rings then and
    /// answers at 11:11:10, both hang up at 11:12:54 (the CALLER first).
    static var dialIn: CallScript {
        var call = CallScript(kind: .dialInAnswered, header: CallHeader(
            sessionid: "1f10eab01f5b1b36230b8e91aef34810", direction: .dialIn, did: "800888", team: "3", group: "100",
            campaign: "10", customer: customer))
        let caller = call.ring(.caller, number: customer, uniqueid: "1555", channel: "Local/0138888888888@hosted-dialin-701a;1",
                               at: at("2010-01-01 11:11:07"), shortIncoming: true)
        call.agentNumber = agent
        let a = call.ring(.agent, number: agent, uniqueid: "1556", channel: "Local/041139735857@hosted-dialin-531a;1", at: at("2010-01-01 11:11:07"))
        call.answer(a, at: at("2010-01-01 11:11:10"))
        call.bridge(caller, at: at("2010-01-01 11:11:10"))
        call.hangUp(caller, at: at("2010-01-01 11:12:54"))
        call.hangUp(a, at: at("2010-01-01 11:12:54"))
        call.end(at: at("2010-01-01 11:12:54"))
        return call
    }
}

/// A call to play by hand (from `base`), with a header of the given direction.
func handBuilt(_ direction: CallHeader.Direction, kind: CallKind) -> CallScript {
    CallScript(kind: kind, header: CallHeader(
        sessionid: "0123456789abcdef0123456789abcdef", direction: direction, did: direction == .dialIn ? "800888" : "",
        team: "3", group: "100", campaign: "10", customer: "013900000000"))
}

let base = at("2026-11-02 09:00:00")
