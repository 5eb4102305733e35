import AsyncHTTPClient
import CallSimulation
import Foundation
import Ingest
import Reports

/// Sends simulated traffic to astercdr's HTTP receiver (`astercdr ingest --listen`) at a steady
/// rate: every tick, the lines due by then go in one POST, newline-separated. A failed POST is
/// sent again, with backoff, before anything after it, so nothing is lost and the order holds;
/// a refusal that no retry can change (a 4xx but 408 and 429: wrong token, path or body size)
/// ends the run instead.
struct EventPoster {
    let url: String
    let eventsPerSecond: Int
    let token: String?

    static let tick = Duration.milliseconds(50)
    /// Well under the receiver's default --max-body (1 MiB), even when a slow answer left many lines due.
    static let largestBody = 256 << 10
    static let firstRetryDelay = Duration.milliseconds(100)
    static let longestRetryDelay = Duration.seconds(5)

    /// The receiver answered a POST with a status that sending it again cannot change.
    struct Refused: Error, CustomStringConvertible {
        let url: String
        let status: UInt
        let reason: String

        var description: String {
            let hint = switch status {
            case 401: " (check --token)"
            case 413: " (the receiver's --max-body is smaller than \(EventPoster.largestBody >> 10) KiB)"
            case 404, 405: " (check the --post URL)"
            default: ""
            }
            return "the receiver at \(url) refused the traffic: \(status) \(reason)\(hint); the rest was not sent"
        }
    }

    struct Totals {
        var events = 0
        var posts = 0
        var retries = 0
    }

    /// Posts every line of `simulation`; each batch's expected calls go to `truth` first.
    /// Throws CancellationError when the task is cancelled, with `totals` as far as they got.
    func post(_ simulation: Simulation, truth: OutputFile?, totals: inout Totals) async throws {
        var configuration = HTTPClient.Configuration()
        // A receiver that is down should be told about on every attempt: the pool's own retries
        // of a failed connection are silent, until the request's deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout = .init(connect: .seconds(5))
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            try await post(simulation, truth: truth, totals: &totals, with: client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func post(_ simulation: Simulation, truth: OutputFile?, totals: inout Totals, with client: HTTPClient) async throws {
        let clock = ContinuousClock()
        let started = clock.now
        var body: [UInt8] = []
        var truthLines: [UInt8] = []
        var ticks = 0
        var finished = false
        while !finished {
            ticks += 1
            try await Task.sleep(until: started + Self.tick * ticks, clock: clock)
            let due = Int(Double(ticks) * Self.tick.inSeconds * Double(eventsPerSecond))
            // Behind (a slow answer, retries): as many full bodies as it takes to catch up.
            while !finished, totals.events < due {
                var lines = 0
                while totals.events + lines < due, body.count < Self.largestBody {
                    guard simulation.appendLine(to: &body) else {
                        finished = true
                        break
                    }
                    lines += 1
                }
                guard lines > 0 else { break }
                if let truth {
                    simulation.appendExpectedCalls(to: &truthLines)
                    try truth.write(truthLines)
                    truthLines.removeAll(keepingCapacity: true)
                }
                try await deliver(body, totals: &totals, with: client)
                totals.events += lines
                body.removeAll(keepingCapacity: true)
            }
        }
    }

    /// One POST, again and again until the receiver takes it.
    private func deliver(_ body: [UInt8], totals: inout Totals, with client: HTTPClient) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(body)
        var failures = 0
        while true {
            let failure: String
            do {
                let response = try await client.execute(request, timeout: .seconds(30))
                _ = try await response.body.collect(upTo: 1 << 20)
                let status = response.status.code
                if (200..<300).contains(status) {
                    totals.posts += 1
                    return
                }
                if (400..<500).contains(status), status != 408, status != 429 {
                    throw Refused(url: url, status: status, reason: response.status.reasonPhrase)
                }
                failure = "the receiver answered \(status) \(response.status.reasonPhrase)"
            } catch let refused as Refused {
                throw refused
            } catch {
                try Task.checkCancellation()
                failure = "\(error)"
            }
            failures += 1
            let delay = RetryBackoff.delay(afterFailures: failures, first: Self.firstRetryDelay, cap: Self.longestRetryDelay)
            printError("astercdr: warning: POST failed (\(failure)); sending it again in \(delay.inSeconds) s")
            totals.retries += 1
            try await Task.sleep(for: delay)
        }
    }

}
