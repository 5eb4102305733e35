import Foundation

/// Where a report's text goes.
public protocol TextSink: AnyObject {
    func write(_ text: String)
}

/// Standard output, written in large chunks: a listing of a million calls is a million lines.
/// The first failed write is kept in `failure` and ends the writing (a sink cannot throw).
public final class StandardOutput: TextSink {
    private var buffer: [UInt8] = []
    private let chunk = 1 << 16
    public private(set) var failure: OutputFile.WriteError?

    public init() {
        buffer.reserveCapacity(chunk)
    }

    deinit {
        flush()
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= chunk { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        do {
            try OutputFile.standardOutput.write(buffer)
        } catch {
            failure = error
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Collects the text in memory, for tests and for output that is built before it is printed.
public final class TextBuffer: TextSink {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }
}
