import Foundation

/// A scrape of `/metrics` as Prometheus' own parser reads it: the Python client's
/// `text_string_to_metric_families` (Debian's python3-prometheus-client, which `.ci/run` installs),
/// run on the text. Malformed text makes it fail, so a scrape that parses is valid exposition format.
struct PrometheusText {
    /// Whether this machine has the parser. Outside CI the tests that need it are skipped without
    /// it; in CI they must run.
    static let canParse: Bool = {
        FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/prometheus_client/parser.py")
            || ProcessInfo.processInfo.environment["CI"] == "true"
    }()

    /// Each family's name and type, each sample's name, labels and value, as JSON. Debian's own
    /// python3, where its package installs the parser.
    private static let script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        families = list(text_string_to_metric_families(sys.stdin.read()))
        print(json.dumps({
            "types": {f.name: f.type for f in families},
            "samples": [[s.name, s.labels, s.value] for f in families for s in f.samples],
        }))
        """

    /// Family name (counters without `_total`, as the parser names them) to type.
    let types: [String: String]
    private let samples: [String: Double]

    init(parsing text: String) async throws {
        let parsed = try await offThePool { try runToEnd(["/usr/bin/python3", "-c", Self.script], input: text) }
        guard parsed.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any],
              let types = object["types"] as? [String: String],
              let samples = object["samples"] as? [[Any]]
        else { throw NotPrometheusText(text: text, parser: parsed.output) }
        self.types = types
        var values: [String: Double] = [:]
        for sample in samples {
            guard sample.count == 3, let name = sample[0] as? String, let labels = sample[1] as? [String: String],
                  let value = (sample[2] as? NSNumber)?.doubleValue
            else { throw NotPrometheusText(text: text, parser: parsed.output) }
            values[Self.key(name, labels)] = value
        }
        self.samples = values
    }

    /// The sample `name` with exactly `labels`; nil when the scrape has none.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples[Self.key(name, labels)]
    }

    private static func key(_ name: String, _ labels: [String: String]) -> String {
        name + "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
    }

    struct NotPrometheusText: Error, CustomStringConvertible {
        let text: String
        let parser: String
        var description: String { "Prometheus' parser refused the scrape: \(parser)\n--- scrape ---\n\(text)" }
    }
}
