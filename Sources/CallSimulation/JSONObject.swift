import CallEvents

/// One JSON object, written member by member as UTF-8.
struct JSONObject {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]

    /// A string, or null.
    mutating func add(_ key: String, _ value: String?) {
        addKey(key)
        if let value { JSONString.append(value, to: &bytes) } else { addNull() }
    }

    /// A number, or null.
    mutating func add(_ key: String, _ value: Int64?) {
        addKey(key)
        if let value { bytes.append(contentsOf: String(value).utf8) } else { addNull() }
    }

    /// A number with one decimal, given in tenths, or null.
    mutating func add(_ key: String, tenths: Int64?) {
        addKey(key)
        if let tenths {
            bytes.append(contentsOf: "\(tenths / 10).\(tenths % 10)".utf8)
        } else {
            addNull()
        }
    }

    mutating func add(_ key: String, _ objects: [JSONObject]) {
        addKey(key)
        bytes.append(UInt8(ascii: "["))
        for (index, object) in objects.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: object.closed)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    var closed: [UInt8] {
        bytes + [UInt8(ascii: "}")]
    }

    private mutating func addKey(_ key: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        JSONString.append(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func addNull() {
        bytes.append(contentsOf: "null".utf8)
    }
}
