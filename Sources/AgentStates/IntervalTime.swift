import CallAssembly

extension AgentInterval {
    /// Open at `moment` as it stood then: started, and not ended by that second.
    func isOpen(at moment: Int64) -> Bool {
        start <= moment && end.map { moment < $0 } ?? true
    }

    /// Its time, up to `openEnd` while it is still open.
    func time(endingAt openEnd: Int64) -> HalfOpenInterval {
        HalfOpenInterval(start, end ?? openEnd)
    }

    /// The moments at which it opened and closed.
    var boundaries: [Int64] {
        [start] + [end].compactMap { $0 }
    }
}
