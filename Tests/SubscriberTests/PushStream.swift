import AsyncHTTPClient
import Foundation

/// A stand-in for asterCC's push server, which Debian does not package: nginx's push-stream module in
/// long-polling mode, answering as its documentation and source say.
/// - `POST /pub?id=CHANNEL` publishes a message; it gets the publication second and a tag that
///   orders the messages of that second.
/// - `GET /agentindesks/agentpull/CHANNEL` answers every message after the one named by
///   `If-Modified-Since` and `If-None-Match`, together in one 200 body with the template `~text~\r\n`
///   and the last one's `Last-Modified`/`Etag`; without those headers, only messages published from
///   then on. With nothing to send it waits; after `ttl` seconds
///   (`push_stream_longpolling_connection_ttl`) it answers 304 with `Last-Modified` now and `Etag: 0`.
/// - `GET /requests` lists the long-polls so far: the request's cursor headers, the answer's.
final class PushStream: Sendable {
    let base: String
    private let pid: pid_t

    static func with(in dir: URL, ttl: Double, _ body: (PushStream) async throws -> Void) async throws {
        let server = try await offThePool { try PushStream(dir: dir, ttl: ttl) }
        defer { kill(server.pid, SIGKILL) }
        try await body(server)
    }

    private init(dir: URL, ttl: Double) throws {
        let script = dir.appendingPathComponent("push-stream.py")
        try Data(Self.script.utf8).write(to: script)
        // The script detaches once it listens and prints the server's pid and port.
        let run = try runToEnd(["python3", script.path, "\(ttl)"])
        let fields = run.stdout.split(whereSeparator: \.isWhitespace)
        guard run.status == 0, fields.count == 2, let pid = pid_t(fields[0]), let port = Int(fields[1]) else {
            throw DidNotStart(output: run.output)
        }
        self.pid = pid
        base = "http://127.0.0.1:\(port)"
    }

    struct DidNotStart: Error {
        let output: String
    }

    func url(channel: String) -> String {
        "\(base)/agentindesks/agentpull/\(channel)"
    }

    func publish(_ channel: String, _ messages: some Sequence<String>) async throws {
        for message in messages { try await post("\(base)/pub?id=\(channel)", message) }
    }

    struct LongPoll: Decodable, Equatable {
        let path: String
        let ifModifiedSince: String?
        let ifNoneMatch: String?
        let status: Int
        let lastModified: String?
        let etag: String?
        /// How many messages the answer carried.
        let messages: Int
    }

    func longPolls() async throws -> [LongPoll] {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "\(base)/requests"), timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 1 << 24)
        return try JSONDecoder().decode([LongPoll].self, from: Data(body.readableBytesView))
    }

    private static let script = #"""
        import email.utils, json, os, sys, threading, time
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import parse_qs, urlsplit

        ttl = float(sys.argv[1])
        changed = threading.Condition()
        channels = {}  # id -> [(second, tag, text)]
        polls = []

        def http_date(second):
            return email.utils.formatdate(second, usegmt=True)

        def after(messages, second, tag):
            if second is None:
                return []
            return [m for m in messages if (m[0], m[1]) > (second, tag)]

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def answer(self, status, headers, body):
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def do_POST(self):
                url = urlsplit(self.path)
                channel = parse_qs(url.query).get("id", [""])[0]
                text = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                with changed:
                    messages = channels.setdefault(channel, [])
                    now = int(time.time())
                    tag = messages[-1][1] + 1 if messages and messages[-1][0] == now else 1
                    messages.append((now, tag, text))
                    changed.notify_all()
                self.answer(200, {}, b"")

            def do_GET(self):
                url = urlsplit(self.path)
                if url.path == "/requests":
                    with changed:
                        body = json.dumps(polls).encode()
                    return self.answer(200, {"Content-Type": "application/json"}, body)
                channel = url.path.rsplit("/", 1)[-1]
                since = self.headers.get("If-Modified-Since")
                match = self.headers.get("If-None-Match")
                second = int(email.utils.parsedate_to_datetime(since).timestamp()) if since else None
                tag = int(match) if match and match.isdigit() else -1
                deadline = time.monotonic() + ttl
                with changed:
                    while True:
                        found = after(channels.get(channel, []), second, tag)
                        left = deadline - time.monotonic()
                        if found or left <= 0:
                            break
                        changed.wait(left)
                if found:
                    status, body = 200, b"".join(m[2].encode() + b"\r\n" for m in found)
                    headers = {"Content-Type": "text/plain", "Last-Modified": http_date(found[-1][0]), "Etag": str(found[-1][1])}
                else:
                    status, body = 304, b""
                    headers = {"Last-Modified": http_date(time.time()), "Etag": "0"}
                with changed:
                    polls.append({"path": url.path, "ifModifiedSince": since, "ifNoneMatch": match, "status": status,
                                  "lastModified": headers["Last-Modified"], "etag": headers["Etag"], "messages": len(found)})
                self.answer(status, headers, body)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        # Detached, with no descriptor but the listening socket: one inherited from the test process
        # would keep Foundation from seeing the exit of the process it belongs to.
        pid = os.fork()
        if pid:
            print(pid, server.server_address[1], flush=True)
            os._exit(0)
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.closerange(3, server.fileno())
        os.closerange(server.fileno() + 1, 1 << 16)
        server.serve_forever()
        """#
}
