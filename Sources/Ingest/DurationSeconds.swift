extension Duration {
    /// The duration in seconds, fractions included: for rates, `TimeInterval`s and messages.
    /// The one conversion of astercdr (`components` splits it into seconds and attoseconds).
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
