/// Whether `bytes` are well-formed UTF-8, so `payload` can hold them as they are.
/// Most lines are ASCII, which is checked eight bytes at a time.
func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    let count = bytes.count
    while index + 8 <= count {
        if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
        index += 8
    }
    while index < count {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: index += 1; continue
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return false
        }
        guard index + length <= count else { return false }
        let second = bytes[index + 1]
        switch lead {
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        case 0xE0: guard (0xA0...0xBF).contains(second) else { return false }
        case 0xED: guard (0x80...0x9F).contains(second) else { return false }
        case 0xF0: guard (0x90...0xBF).contains(second) else { return false }
        case 0xF4: guard (0x80...0x8F).contains(second) else { return false }
        default: guard (0x80...0xBF).contains(second) else { return false }
        }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
            return false
        }
        index += length
    }
    return true
}
