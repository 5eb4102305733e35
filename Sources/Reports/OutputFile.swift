import Foundation

/// A file descriptor written in large chunks: astercdr's one writer of standard output and of the
/// files it creates. Writing to a pipe whose reader has gone (`| head`) fails with `closed` rather
/// than killing the process, so the caller can stop quietly.
public final class OutputFile: Sendable {
    public enum WriteError: Error, CustomStringConvertible {
        case closed
        case failed(name: String, reason: String)

        public var description: String {
            switch self {
            case .closed: "the reader closed the output"
            case .failed(let name, let reason): "cannot write \(name): \(reason) (check the disk, the path and its permissions)"
            }
        }
    }

    private let descriptor: Int32
    private let name: String
    private let owned: Bool

    public static let standardOutput: OutputFile = {
        // EPIPE instead of SIGPIPE: `astercdr simulate | head` ends quietly.
        signal(SIGPIPE, SIG_IGN)
        return OutputFile(descriptor: STDOUT_FILENO, name: "standard output", owned: false)
    }()

    /// Creates or truncates `path`.
    public convenience init(creating path: String, name: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .failed(name: "\(name) '\(path)'", reason: String(cString: strerror(errno))) }
        self.init(descriptor: descriptor, name: "\(name) '\(path)'", owned: true)
    }

    private init(descriptor: Int32, name: String, owned: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.owned = owned
    }

    deinit {
        if owned { close(descriptor) }
    }

    public func write(_ bytes: [UInt8]) throws(WriteError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result >= 0 {
                written += result
            } else if errno == EPIPE {
                throw .closed
            } else if errno != EINTR {
                throw .failed(name: name, reason: String(cString: strerror(errno)))
            }
        }
    }
}
