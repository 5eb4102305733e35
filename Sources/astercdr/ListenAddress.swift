import ArgumentParser
import Hummingbird
import Logging

/// `--listen HOST:PORT`; HOST defaults to 127.0.0.1 (`:8080` or `8080`), so nothing is exposed unless asked.
struct ListenAddress: ExpressibleByArgument {
    let host: String
    let port: Int

    init(parsing argument: String) throws(OptionValueError) {
        let host: Substring
        let port: Substring
        if let colon = argument.lastIndex(of: ":") {
            host = argument[..<colon]
            port = argument[argument.index(after: colon)...]
        } else {
            host = ""
            port = Substring(argument)
        }
        // Port 0 would bind a port the kernel picks, which nobody could point asterCC at.
        guard let number = Int(port), (1...65535).contains(number) else {
            throw OptionValueError("the port must be 1–65535 (HOST:PORT, :PORT or PORT)")
        }
        let bracketed = host.hasPrefix("[") && host.hasSuffix("]") && host.count >= 2
        let name = bracketed ? host.dropFirst().dropLast() : host
        guard !name.contains(where: { $0.isWhitespace || $0 == "[" || $0 == "]" }) else {
            throw OptionValueError("'\(host)' is not a host name or address (an IPv6 address goes in brackets: [::1]:8080)")
        }
        self.host = name.isEmpty ? "127.0.0.1" : String(name)
        self.port = number
    }

    init?(argument: String) {
        try? self.init(parsing: argument)
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

extension ListenAddress {
    /// An HTTP server on this address answering with `responder`, as a service of a ServiceGroup.
    func server<Responder: HTTPResponder>(answering responder: Responder, logger: Logger) -> Application<Responder>
    where Responder.Context == BasicRequestContext {
        Application(
            responder: responder, configuration: .init(address: .hostname(host, port: port), serverName: "astercdr"),
            logger: logger)
    }
}
