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

    /// The first `byte` in `start..<end`, else `end`. Compares a word at a time, so it may read
    /// past `end`, but never past the buffer.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        firstIndex(of: byte, or: byte, in: bytes, from: start, to: end)
    }

    /// The first `byte` or `other` in `start..<end`, else `end`.
    @inline(__always)
    static func firstIndex(
        of byte: UInt8, or other: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int
    ) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // The lowest flagged byte is exactly the first zero byte of `word`; higher flags may be false.
        func zeroBytes(_ word: UInt64) -> UInt64 {
            (word &- ones) & ~word & 0x8080_8080_8080_8080
        }
        var index = start
        while index < end, bytes.count - index >= 8 {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let found = zeroBytes(word ^ (ones &* UInt64(byte))) | zeroBytes(word ^ (ones &* UInt64(other)))
            if found != 0 { return min(index + found.trailingZeroBitCount / 8, end) }
            index += 8
        }
        while index < end, bytes[index] != byte, bytes[index] != other { index += 1 }
        return min(index, end)
    }

    /// Up to 8 bytes from `index` as a little-endian word, zero-padded, without a byte-by-byte
    /// loop and without reading outside the buffer.
    @inline(__always)
    static func word(_ bytes: UnsafeRawBufferPointer, at index: Int) -> UInt64 {
        func load<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> UInt64 {
            UInt64(T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self)))
        }
        let count = bytes.count - index
        if count >= 8 { return load(index, UInt64.self) }
        if count <= 0 { return 0 }
        // Overlapping loads: the bytes they share are the same, so or-ing them is harmless.
        if bytes.count >= 8 { return load(bytes.count - 8, UInt64.self) >> (8 * (8 - count)) }
        if count >= 4 { return load(index, UInt32.self) | load(bytes.count - 4, UInt32.self) << (8 * (count - 4)) }
        return UInt64(bytes[index]) | UInt64(bytes[index + count / 2]) << (8 * (count / 2))
            | UInt64(bytes[index + count - 1]) << (8 * (count - 1))
    }
}

extension StaticString {
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: utf8Start, count: utf8CodeUnitCount)
    }
}
