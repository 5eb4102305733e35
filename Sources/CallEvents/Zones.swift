import Foundation

public enum Zones {
    /// True for one zone under two names (`UTC` and `Etc/UTC`, `Asia/Shanghai` and `PRC`): the
    /// same identifier, or the same offset at every instant from 1900 to 2100.
    public static func same(_ a: TimeZone, _ b: TimeZone) -> Bool {
        a.identifier == b.identifier || OffsetTable(a) == OffsetTable(b)
    }
}
