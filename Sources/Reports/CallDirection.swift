/// Which way a call went: asterCC's `from` key.
public enum CallDirection: String, CaseIterable, Sendable {
    case dialin
    case dialout
}
