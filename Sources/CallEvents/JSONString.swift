/// Writes a string as a JSON string literal.
public enum JSONString {
    public static func append(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                json.append(UInt8(ascii: "\\"))
                json.append(byte)
            case UInt8(ascii: "\n"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                json.append(contentsOf: Array("\\u00".utf8))
                json.append(Hex.digit(byte >> 4))
                json.append(Hex.digit(byte & 0xF))
            default:
                json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }
}
