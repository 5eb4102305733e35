import ArgumentParser

/// `--listen HOST:PORT`; HOST defaults to 127.0.0.1 (`:8080` or `8080`), so nothing is exposed unless asked.
struct ListenAddress: ExpressibleByArgument {
    let host: String
    let port: Int

    init?(argument: String) {
        let host: Substring
        let port: Substring
        if let colon = argument.lastIndex(of: ":") {
            host = argument[..<colon]
            port = argument[argument.index(after: colon)...]
        } else {
            host = ""
            port = Substring(argument)
        }
        guard let number = Int(port), (0...65535).contains(number) else { return nil }
        self.host = host.isEmpty ? "127.0.0.1" : String(host.trimmingPrefix("[").dropLast(host.hasSuffix("]") ? 1 : 0))
        self.port = number
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// `--max-body`: bytes, or with a K or M suffix (binary units).
struct ByteCount: ExpressibleByArgument {
    let bytes: Int

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "k": 1 << 10, "M": 1 << 20, "m": 1 << 20]
        var digits = Substring(argument)
        var unit = 1
        if let last = argument.last, let factor = units[last] {
            digits = digits.dropLast()
            unit = factor
        }
        guard let value = Int(digits), value > 0 else { return nil }
        bytes = value * unit
    }

    init(bytes: Int) {
        self.bytes = bytes
    }
}
