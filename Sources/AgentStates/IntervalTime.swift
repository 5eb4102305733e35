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

    /// Adds the moments at which it opened and closed.
    func appendBoundaries(to moments: inout [Int64]) {
        moments.append(start)
        if let end { moments.append(end) }
    }
}
