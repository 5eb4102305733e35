import Foundation
import Testing
import TestSupport

/// deploy/astercdr.service, as systemd reads it. `systemd-analyze` comes with Debian's `systemd`
/// package, which `.ci/run` installs; outside CI the test is skipped without it, in CI it fails.
@Suite struct ServiceUnitTests {
    static let analyzer = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let canRun = analyzer != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    static let unit = repositoryRoot.appendingPathComponent("deploy/astercdr.service")

    @Test(.enabled(if: canRun, "systemd-analyze is not installed (apt-get install systemd)"))
    func theUnitVerifiesAndSandboxesTheService() throws {
        let analyzer = try #require(Self.analyzer, "systemd-analyze is not installed: apt-get install systemd")
        let text = try String(contentsOf: Self.unit, encoding: .utf8)
        try withTemporaryDirectory { dir in
            // verify also checks that ExecStart's program exists: point it at the built binary.
            let copy = dir.appendingPathComponent("astercdr.service")
            try text.replacingOccurrences(of: "ExecStart=/usr/local/bin/astercdr ", with: "ExecStart=\(astercdrBinary.path) ")
                .write(to: copy, atomically: true, encoding: .utf8)
            let run = try runToEnd([analyzer, "verify", "--man=no", copy.path])
            #expect(run.status == 0 && run.output.isEmpty, "\(run.output)")
        }
        let settings = Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
        for line in [
            "User=astercdr", "StateDirectory=astercdr", "ExecStart=/usr/local/bin/astercdr ingest --listen 127.0.0.1:8080 --timezone Asia/Shanghai --log-level info",
            "Environment=ASTERCDR_DB=/var/lib/astercdr/astercdr.db", "ProtectSystem=strict", "ReadWritePaths=/var/lib/astercdr",
            "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectHome=yes", "Restart=on-failure", "KillSignal=SIGTERM",
            "StandardError=journal",
        ] {
            #expect(settings.contains(line), "deploy/astercdr.service lacks \(line)")
        }
    }
}
