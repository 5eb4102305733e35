extension AsterCDR {
    /// The release, as `astercdr --version` prints it and the receiver's `/healthz` reports it.
    static let version = "0.4.0"
}
