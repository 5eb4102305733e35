/// Byte-range helpers shared by the wire formats.
enum Bytes {
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    static func skipSpaces(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, isSpace(bytes[index]) { index += 1 }
        return index
    }

    /// Without spaces and tabs at either end, and with `alsoLineEnds`, without CR and LF too.
    static func trimmed(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, alsoLineEnds: Bool = false) -> Range<Int> {
        func isTrimmed(_ byte: UInt8) -> Bool {
            isSpace(byte) || (alsoLineEnds && (byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")))
        }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isTrimmed(bytes[lower]) { lower += 1 }
        while upper > lower, isTrimmed(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

extension StaticString {
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: utf8Start, count: utf8CodeUnitCount)
    }
}
