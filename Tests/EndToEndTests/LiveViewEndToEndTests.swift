import Foundation
import Testing

/// The live view's paths on `ingest --listen`: `/api/now` answers what `astercdr now` prints, the
/// token guards it and `/metrics`, and no method on a reserved path ever stores an event.
@Suite(.serialized) struct LiveViewEndToEndTests {
    @Test func apiNowAnswersTheJSONOfNowAtTheSameMoment() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let receiver = try await RunningReceiver(db: db)
            #expect(try await receiver.post("/", AgentShift.lines.joined(separator: "\n")).status == .ok)
            for moment in ["2026-11-02 09:02:00", "2026-11-02 09:20:00"] {
                let now = try await astercdr(["now", "--at", moment, "--format", "json", "--db", db])
                #expect(now.status == 0, "\(now.stderr)")
                let encoded = moment.replacingOccurrences(of: " ", with: "%20")
                let answer = try await receiver.get("/api/now?at=\(encoded)")
                #expect(answer.status == .ok)
                #expect(answer.body == now.stdout)
                // As a form writes it.
                #expect(try await receiver.get("/api/now?at=\(moment.replacingOccurrences(of: " ", with: "+"))").body == now.stdout)
                // The wallboard's JSON: the same object, and today hour by hour adding up to today.
                let board = try await receiver.get("/api/wallboard?at=\(encoded)")
                let boardObject = try JSONSerialization.jsonObject(with: Data(board.body.utf8)) as? NSDictionary
                let nowObject = try JSONSerialization.jsonObject(with: Data(now.stdout.utf8)) as? NSDictionary
                #expect(boardObject?["now"] as? NSDictionary == nowObject)
                let hours = boardObject?["today_by_hour"] as? [[String: Any]] ?? []
                #expect(hours.map { $0["hour"] as? String } == (0..<24).map { String(format: "%02d", $0) })
                let today = nowObject?["today"] as? [String: Any] ?? [:]
                for figure in ["calls", "answered", "abandoned", "unanswered", "total_talk_seconds", "total_acw_seconds"] {
                    #expect(hours.reduce(0) { $0 + ($1[figure] as? Int ?? -1) } == today[figure] as? Int, "\(figure) at \(moment)")
                }
            }
            let present = try await receiver.get("/api/now")
            let object = try JSONSerialization.jsonObject(with: Data(present.body.utf8)) as? [String: Any]
            #expect(present.status == .ok && object?["today"] != nil, "\(present.body)")

            for bad in ["09:20", "", "2026-13-02%2009:20:00"] {
                let refused = try await receiver.get("/api/now?at=\(bad)")
                #expect(refused.status == .badRequest, "at=\(bad)")
                #expect(refused.body.contains("is not a time: use at=YYYY-MM-DD HH:MM:SS in the database's zone"), "\(refused.body)")
            }
            #expect(try await receiver.stop().status == 0)
        }
    }

    @Test func theTokenGuardsTheLiveViewAndReservedPathsStoreNothing() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let receiver = try await RunningReceiver(db: db, extra: ["--token", "s3cret"])
            for path in ["/metrics", "/api/now"] {
                #expect(try await receiver.get(path).status == .unauthorized, "\(path)")
                #expect(try await receiver.get(path, token: "guess").status == .unauthorized, "\(path)")
                #expect(try await receiver.get(path, token: "s3cret").status == .ok, "\(path)")
            }
            #expect(try await receiver.get("/healthz").status == .ok)

            let event = "agentno=8001&event=login&AgentGroupId=100&eventTime=2026-11-02 08:00:00"
            let refusals: [(String, UInt)] = [("/metrics", 405), ("/api/now", 405), ("/api/x", 404), ("/api", 404), ("/healthz", 405), ("/wallboard", 405), ("/api/wallboard", 405), ("/metrics/x", 404)]
            for (path, status) in refusals {
                #expect(try await receiver.post(path, event, token: "s3cret").status.code == status, "POST \(path)")
                #expect(try await receiver.post(path, event).status.code == (path == "/healthz" ? 405 : 401), "POST \(path) without the token")
            }
            #expect(try await receiver.get("/api/x?\(event)", token: "s3cret").status == .notFound)
            #expect(try await receiver.get("/api/login?\(event)").status == .methodNotAllowed)
            #expect(try query(db, "SELECT count(*) FROM raw_events") == [["0"]])
            // Any other path is the receiver's, as before.
            #expect(try await receiver.post("/api-not/x", event, token: "s3cret").status == .ok)
            #expect(try query(db, "SELECT count(*) FROM raw_events") == [["1"]])
            #expect(try await receiver.stop().status == 0)
        }
    }

    @Test func aBrowserSignsInOnceAndItsCookieOpensTheLiveViewAndNothingElse() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("cdr.db").path
            let token = "pa ss&word"
            let receiver = try await RunningReceiver(db: db, extra: ["--token", token])
            let asked = try await receiver.exchange(.GET, "/wallboard")
            #expect(asked.status == .unauthorized && asked.headers["Content-Type"] == ["text/html; charset=utf-8"])
            #expect(asked.body.contains(#"<form method="post" action="/api/login">"#), "\(asked.body)")

            let form = [("Content-Type", "application/x-www-form-urlencoded")]
            let refused = try await receiver.exchange(.POST, "/api/login", headers: form, body: "token=pa+ss")
            #expect(refused.status == .unauthorized && refused.headers["Set-Cookie"].isEmpty)
            #expect(refused.body.contains("That is not the token astercdr was started with."))

            // Another site's page cannot post the form; astercdr's own page and a script can.
            let crossSite = try await receiver.exchange(.POST, "/api/login", headers: form + [("Sec-Fetch-Site", "cross-site")], body: "token=pa+ss%26word")
            #expect(crossSite.status == .forbidden && crossSite.headers["Set-Cookie"].isEmpty)
            let signedIn = try await receiver.exchange(.POST, "/api/login", headers: form + [("Sec-Fetch-Site", "same-origin")], body: "token=pa+ss%26word")
            #expect(signedIn.status == .seeOther && signedIn.headers["Location"] == ["/wallboard"])
            let setCookie = signedIn.headers["Set-Cookie"].first ?? ""
            let attributes = Set(setCookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes.isSuperset(of: ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=2592000"]), "\(setCookie)")
            let cookie = String(setCookie.prefix { $0 != ";" })
            let (name, value) = (String(cookie.prefix { $0 != "=" }), String(cookie.drop { $0 != "=" }.dropFirst()))
            // astercdr_ and 12 hex digits; the moment it was issued, a dash and 64 hex digits.
            #expect(name.hasPrefix("astercdr_") && name.count == 21, "\(cookie)")
            let issued = Int(value.prefix { $0 != "-" }) ?? 0
            #expect(abs(issued - Int(Date().timeIntervalSince1970)) < 60 && value.count == "\(issued)-".count + 64, "\(cookie)")
            #expect(!cookie.contains("pa") && !cookie.contains("word"), "the cookie holds the token: \(cookie)")

            let withCookie = [("Cookie", "theme=dark; " + cookie)]
            let page = try await receiver.exchange(.GET, "/wallboard", headers: withCookie)
            #expect(page.status == .ok && page.body.contains(#"<form method="post" action="/api/logout">"#))
            let policy = page.headers["Content-Security-Policy"].first ?? ""
            for directive in ["default-src 'none'", "script-src 'sha256-", "connect-src 'self'", "frame-ancestors 'none'", "require-trusted-types-for 'script'"] {
                #expect(policy.contains(directive), "\(policy)")
            }
            for path in ["/api/now", "/api/wallboard", "/metrics"] {
                #expect(try await receiver.exchange(.GET, path, headers: withCookie).status == .ok, "\(path)")
                let forged = try await receiver.exchange(.GET, path, headers: [("Cookie", "\(name)=\(issued)-" + String(repeating: "0", count: 64))])
                #expect(forged.status == .unauthorized && forged.headers["WWW-Authenticate"] == ["Bearer"], "\(path)")
            }
            // The cookie is for reading: the receiver still wants the bearer token.
            let event = "agentno=8001&event=login&AgentGroupId=100&eventTime=2026-11-02 08:00:00"
            #expect(try await receiver.exchange(.POST, "/push", headers: withCookie, body: event).status == .unauthorized)
            #expect(try query(db, "SELECT count(*) FROM raw_events") == [["0"]])

            let signedOut = try await receiver.exchange(.POST, "/api/logout", headers: withCookie)
            #expect(signedOut.status == .seeOther && signedOut.headers["Set-Cookie"].first?.hasPrefix("\(name)=;") == true)
            #expect(signedOut.headers["Set-Cookie"].first?.contains("Max-Age=0") == true, "\(signedOut.headers)")
            #expect(try await receiver.stop().status == 0)
        }
    }

    /// Screens polling in the same second share one read, but never miss a commit: an answer right
    /// after a POST shows what it stored.
    @Test func theWallboardsJSONShowsEachCommitAtOnce() async throws {
        try await withTemporaryDirectory { dir in
            let receiver = try await RunningReceiver(db: dir.appendingPathComponent("cdr.db").path)
            for call in 0..<5 {
                let before = try await receiver.get("/api/wallboard")
                let session = String(format: "ca11%028d", call)
                let incoming = "calleridnum=0139000000\(call)&source=CALLER&event=incoming&uniqueid=c\(call)&sessionid=\(session)"
                    + "&eventTime=\(wallClock(-1, in: "Asia/Shanghai"))&from=dialin&didnumber=800888"
                #expect(try await receiver.post("/", incoming).status == .ok)
                let after = try await receiver.get("/api/wallboard")
                #expect(!before.body.contains(session) && after.body.contains(#""sessionid":"\#(session)""#), "call \(call): \(after.body)")
                let again = try await receiver.get("/api/wallboard")
                #expect(again.body.contains(#""sessionid":"\#(session)""#))
            }
            #expect(try await receiver.stop().status == 0)
        }
    }
}
