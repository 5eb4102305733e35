import Foundation
import Testing
import TestSupport

/// The wallboard in a real browser (Debian's headless Chromium, over the DevTools protocol): it
/// follows the floor of a running `ingest --listen` within 2 s of each posted event, its timers
/// tick while astercdr does not answer, a token is asked for by a form and kept in an HttpOnly
/// cookie, and a value holding markup is shown as text.
@Suite(.serialized, .enabled(if: HeadlessBrowser.canRun, "needs headless Chromium: apt-get install chromium"))
struct WallboardBrowserTests {
    @Test func theWallboardFollowsTheFloorWithinTwoSecondsAndItsTimersTick() async throws {
        try await withTemporaryDirectory { dir in
            let floor = LiveFloor()
            let receiver = try await RunningReceiver(command: ["ingest", "--db", dir.appendingPathComponent("cdr.db").path, "--timezone", floor.zone])
            let browser = try HeadlessBrowser(profile: dir.appendingPathComponent("chromium"))
            try await browser.open(receiver.base + "/wallboard")
            try await browser.waitUntil(
                Page.shows("#connection", "live") + " && " + Page.shows("#waiting-count", "0") + " && " + Page.shows("#today-answered", "0"),
                within: 5, what: "the empty floor")

            let session = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
            let customer = "013900000001"
            try await post(receiver, [floor.line("agentno=8001&event=login&AgentGroupId=100", at: -30, eventid: 1)])
            try await browser.waitUntil(Page.shows(#"#agents tr[data-agent="8001"] .state"#, "available"), within: 2, what: "agent 8001 signed in")

            let start = floor.elapsed - 9
            try await post(receiver, [floor.line(
                "calleridnum=\(customer)&source=CALLER&event=incoming&uniqueid=c1&sessionid=\(session)&from=dialin&didnumber=800888",
                at: start, eventid: 2)])
            let waitingRow = #"#waiting tr[data-session="\#(session)"]"#
            try await browser.waitUntil(
                Page.shows("#waiting-count", "1") + " && " + Page.shows(waitingRow + " td:nth-child(1)", customer)
                    + " && " + Page.shows(waitingRow + " td:nth-child(2)", "800888"),
                within: 2, what: "the call waiting")

            // With astercdr stopped, no answer comes: the wait goes on counting from the last one,
            // and after 5 s the page says it has heard nothing.
            let before = try Page.seconds(browser.text("document.querySelector('#longest-wait').textContent"))
            let firstRead = Date()
            kill(receiver.process.processIdentifier, SIGSTOP)
            try await Task.sleep(for: .milliseconds(6300))
            let after = try Page.seconds(browser.text("document.querySelector('#longest-wait').textContent"))
            let between = Date().timeIntervalSince(firstRead)
            let connection = try browser.text("document.querySelector('#connection').textContent")
            kill(receiver.process.processIdentifier, SIGCONT)
            // A timer is redrawn once a second, so each reading may lag the clock by up to a second.
            #expect(before >= 9 && abs(Double(after - before) - between) <= 1.5, "longest wait \(before) s, then \(after) s \(between) s later")
            #expect(connection.hasPrefix("no answer from astercdr for 0:0"), "\(connection)")
            try await browser.waitUntil(Page.shows("#connection", "live"), within: 3, what: "astercdr answering again")

            let answer = floor.elapsed - 2
            try await post(receiver, [
                floor.line("activenum=041100000001&agentno=8001&source=AGENT&event=ringing&uniqueid=a1&sessionid=\(session)&from=dialin", at: answer - 2, eventid: 3),
                floor.line("activenum=041100000001&agentno=8001&source=AGENT&event=answer&uniqueid=a1&sessionid=\(session)&from=dialin", at: answer, eventid: 4),
            ])
            let inProgressRow = #"#in-progress tr[data-session="\#(session)"]"#
            try await browser.waitUntil(
                Page.shows("#waiting-count", "0") + " && " + Page.shows("#in-progress-count", "1")
                    + " && " + Page.shows(inProgressRow + " td:nth-child(1)", customer) + " && " + Page.shows(inProgressRow + " td:nth-child(2)", "8001")
                    + " && " + Page.shows(#"#agents tr[data-agent="8001"] .state"#, "talking"),
                within: 2, what: "the call answered by 8001")

            let hangup = max(answer + 1, floor.elapsed)
            try await post(receiver, [
                floor.line("calleridnum=\(customer)&source=CALLER&event=hangup&uniqueid=c1&sessionid=\(session)&from=dialin", at: hangup, eventid: 5),
                floor.line("activenum=041100000001&agentno=8001&source=AGENT&event=hangup&uniqueid=a1&sessionid=\(session)&from=dialin", at: hangup, eventid: 6),
                floor.line("agentno=8001&event=hangupacw", at: hangup, eventid: 7),
                floor.line("source=CONVERSATION&event=hangup&uniqueid=0&sessionid=\(session)&from=dialin", at: hangup, eventid: 8),
            ])
            let hour = #"#hourly g[data-hour="\#(floor.hour(at: start))"]"#
            try await browser.waitUntil(
                Page.shows("#in-progress-count", "0") + " && " + Page.shows("#today-answered", "1") + " && " + Page.shows("#today-abandoned", "0")
                    + " && " + Page.shows("#today-service-level", answer - start <= 20 ? "100%" : "0%") + " && " + Page.shows("#today-asa", "\(answer - start) s")
                    + " && " + Page.shows(#"#agents tr[data-agent="8001"] .state"#, "acw")
                    + " && document.querySelector('\(hour)')?.getAttribute('data-calls') === '1'",
                within: 2, what: "the call over, in today's figures and its hour's bar")
            // The only call: its hour's bar is the chart's full height, every other hour's is empty.
            let heights = try browser.evaluate("""
                [...document.querySelectorAll('#hourly g[data-hour]')].map(g => g.querySelector('rect.answered').getAttribute('height'))
                """) as? [String]
            #expect(heights?.count == 24)
            #expect(heights?.filter { $0 != "0" } == ["133"], "\(heights ?? [])")

            let png = dir.appendingPathComponent("wallboard.png")
            try browser.screenshot(to: png)
            try Page.expectScreenshot(png, width: 1600, height: 1000)
            #expect(browser.console.isEmpty, "\(browser.console)")

            // A moment astercdr cannot read is shown with its reason, not as silence.
            try await browser.open(receiver.base + "/wallboard?at=09:20")
            try await browser.waitUntil(
                "document.querySelector('#connection').textContent.startsWith('astercdr answered 400: at=09:20 is not a time')",
                within: 3, what: "the refusal of a bad ?at=")
            #expect(try await receiver.stop().status == 0)
        }
    }

    @Test func aTokenIsAskedForOnceAndValuesHoldingMarkupAreShownAsText() async throws {
        try await withTemporaryDirectory { dir in
            let floor = LiveFloor()
            let receiver = try await RunningReceiver(
                command: ["ingest", "--db", dir.appendingPathComponent("cdr.db").path, "--timezone", floor.zone, "--token", "s3cret"])
            let browser = try HeadlessBrowser(profile: dir.appendingPathComponent("chromium"))
            try await browser.open(receiver.base + "/wallboard")
            #expect(try browser.evaluate("document.querySelector('form[action=\"/api/login\"] input[name=token]') !== null && document.querySelector('#agents') === null") as? Bool == true)

            try await signIn(browser, with: "guess")
            try await browser.waitUntil("document.querySelector('.refused') !== null", within: 5, what: "the wrong token refused")
            try await signIn(browser, with: "s3cret")
            try await browser.waitUntil(Page.shows("#connection", "live"), within: 5, what: "the wallboard after signing in")
            // HttpOnly: no script of the page can read the cookie.
            #expect(try browser.evaluate("document.cookie") as? String == "")

            let agent = #"<img src=x onerror="window.injected=1">"#
            let customer = "<script>window.injected=2</script>"
            let did = #""><b>800888</b>"#
            let session = "f0e1d2c3b4a5968778695a4b3c2d1e0f"
            try await post(receiver, [
                floor.line("agentno=\(Page.percentEncoded(agent))&event=login&AgentGroupId=100", at: -20, eventid: 1),
                floor.line("calleridnum=\(Page.percentEncoded(customer))&source=CALLER&event=incoming&uniqueid=c1&sessionid=\(session)&from=dialin&didnumber=\(Page.percentEncoded(did))", at: -5, eventid: 2),
            ], token: "s3cret")
            try await browser.waitUntil(
                Page.shows(#"#waiting tr[data-session="\#(session)"] td:nth-child(1)"#, customer)
                    + " && " + Page.shows(#"#waiting tr[data-session="\#(session)"] td:nth-child(2)"#, did)
                    + " && " + Page.shows("#agents tbody tr td:nth-child(1)", agent),
                within: 2, what: "the values shown as they were sent")
            #expect(try browser.evaluate("window.injected === undefined && document.querySelectorAll('main img, main script, main b').length === 0") as? Bool == true)
            try browser.screenshot(to: dir.appendingPathComponent("wallboard-markup.png"))
            try Page.expectScreenshot(dir.appendingPathComponent("wallboard-markup.png"), width: 1600, height: 1000)

            // Signing out forgets the cookie: the page asks for the token again, and the JSON is refused.
            _ = try browser.evaluate("document.querySelector('form[action=\"/api/logout\"]').submit()")
            try await browser.waitUntil("document.querySelector('input[name=token]') !== null", within: 5, what: "the sign-in form after signing out")
            #expect(try browser.evaluate("fetch('/api/wallboard').then(r => r.status)") as? Int == 401)
            #expect(try await receiver.stop().status == 0)
        }
    }

    private func signIn(_ browser: HeadlessBrowser, with token: String) async throws {
        _ = try browser.evaluate("""
            document.querySelector('input[name=token]').value = \(Page.literal(token));
            document.querySelector('form[action="/api/login"]').submit()
            """)
    }

    private func post(_ receiver: RunningReceiver, _ lines: [String], token: String? = nil) async throws {
        let answer = try await receiver.post("/push", lines.joined(separator: "\n"), token: token)
        #expect(answer.status == .ok, "\(answer.body)")
    }
}

/// Events timed from the moment it was made (a whole second), in a zone where that is about noon:
/// "today" then holds every event of a test, whenever the test runs.
struct LiveFloor {
    let zone: String
    let base = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))

    init() {
        let hour = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).hour ?? 0
        // Etc/GMT-N is N hours ahead of UTC (POSIX's sign).
        let ahead = (12 - hour + 36) % 24 - 12
        zone = ahead == 0 ? "Etc/UTC" : ahead > 0 ? "Etc/GMT-\(ahead)" : "Etc/GMT+\(-ahead)"
    }

    /// Whole seconds since `base`.
    var elapsed: Int { Int(Date().timeIntervalSince(base)) }

    /// `fields` with `eventTime` `offset` seconds from `base`, and `eventid`.
    func line(_ fields: String, at offset: Int, eventid: Int) -> String {
        "\(fields)&eventTime=\(wallClock(TimeInterval(offset), from: base, in: zone))&eventid=\(eventid)"
    }

    /// The hour (`HH`) `offset` seconds from `base`.
    func hour(at offset: Int) -> String {
        String(wallClock(TimeInterval(offset), from: base, in: zone).dropFirst(11).prefix(2))
    }
}

/// What the tests ask the page, as JavaScript.
enum Page {
    /// True when the element `selector` finds shows exactly `text`.
    static func shows(_ selector: String, _ text: String) -> String {
        "(document.querySelector(\(literal(selector)))?.textContent === \(literal(text)))"
    }

    /// `text` as a JavaScript string literal (JSON's is one).
    static func literal(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }

    static func percentEncoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }

    /// The seconds of a timer's `M:SS` or `H:MM:SS`.
    static func seconds(_ timer: String) throws -> Int {
        let parts = timer.split(separator: ":").compactMap { Int($0) }
        guard parts.count >= 2 else { throw HeadlessBrowser.Failure(description: "'\(timer)' is not a timer") }
        return parts.reduce(0) { $0 * 60 + $1 }
    }

    /// The file is a PNG of that size (its IHDR chunk) with more in it than one colour's worth of bytes.
    static func expectScreenshot(_ file: URL, width: Int, height: Int) throws {
        let png = try Data(contentsOf: file)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(file.path) is not a PNG")
        let size = { (at: Int) in png.dropFirst(at).prefix(4).reduce(0) { $0 << 8 | Int($1) } }
        #expect(size(16) == width && size(20) == height, "\(file.path): \(size(16))x\(size(20))")
        #expect(png.count > 20_000, "\(file.path): \(png.count) bytes")
    }
}
