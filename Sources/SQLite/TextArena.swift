/// Text for one run of a statement, copied into one buffer that is reused run after run, so that
/// binding a row's strings costs a copy each instead of an allocation each (SQLite copies a
/// transient binding into memory of its own). Bind with `Statement.bindTextInPlace`; call `reset()`
/// only once the statement has run.
public final class TextArena {
    private let base: UnsafeMutableRawPointer
    private let capacity: Int
    private var used = 0

    public init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }

    deinit {
        base.deallocate()
    }

    public func reset() {
        used = 0
    }

    /// Binds `text` (NULL when nil) at `index`, from the arena while it has room, else as SQLite's own copy.
    public func bind(_ text: String?, to statement: Statement, at index: Int32) throws(SQLiteError) {
        guard var text else { return try statement.bind(nil as String?, at: index) }
        let count = text.utf8.count
        guard used + count <= capacity else { return try statement.bind(text, at: index) }
        let start = base + used
        text.withUTF8 { utf8 in
            if let source = utf8.baseAddress { start.copyMemory(from: source, byteCount: count) }
        }
        used += count
        try statement.bindTextInPlace(UnsafeRawBufferPointer(start: start, count: count), at: index)
    }
}

// One writer's scratch space, never shared between threads.
@available(*, unavailable)
extension TextArena: Sendable {}
