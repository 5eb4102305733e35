/// Case mapping that skips the work when there is none to do: keys and the vendor's values are
/// ASCII, and most already have the wanted case.
enum ASCIICase {
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// `name` must be lower-case ASCII.
    static func equalsLowercased(_ bytes: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
        let name = name.bytes
        guard bytes.count == name.count else { return false }
        for index in 0..<name.count where lower(bytes[index]) != name[index] {
            return false
        }
        return true
    }

    static func upper(_ value: String) -> String {
        value.utf8.contains { $0 &- UInt8(ascii: "a") < 26 || $0 >= 0x80 } ? value.uppercased() : value
    }

    static func lower(_ value: String) -> String {
        value.utf8.contains { $0 &- UInt8(ascii: "A") < 26 || $0 >= 0x80 } ? value.lowercased() : value
    }
}
