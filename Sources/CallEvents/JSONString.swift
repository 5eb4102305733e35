/// Writes a string as a JSON string literal (RFC 8259): `"` and `\` escaped, the control
/// characters as `\b \f \n \r \t` or `\u00xx` (lower-case hex, as JSONEncoder writes them), every
/// other character as its UTF-8 bytes. The one escaper of astercdr: stored fields, reports, the simulator.
public enum JSONString {
    public static func append(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): json.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case 0x08: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case UInt8(ascii: "\n"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20: json.append(contentsOf: Array("\\u00".utf8) + [lowerHex[Int(byte >> 4)], lowerHex[Int(byte & 0xF)]])
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal.
    public static func literal(_ text: String) -> String {
        var json: [UInt8] = []
        json.reserveCapacity(text.utf8.count + 2)
        append(text, to: &json)
        return String(decoding: json, as: UTF8.self)
    }

    private static let lowerHex = Array("0123456789abcdef".utf8)
}
