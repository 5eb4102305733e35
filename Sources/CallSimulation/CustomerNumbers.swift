/// Customers' phone numbers: mostly mobiles, some landlines, the odd roaming `+86` number, and
/// now and then someone calling back.
struct CustomerNumbers {
    private var recent: [String] = []

    mutating func next(random: inout SeededRandom) -> String {
        if !recent.isEmpty, random.chance(0.08) {
            return random.element(of: recent)
        }
        let kind = random.unit()
        let number: String
        if kind < 0.70 {
            number = "01" + random.element(of: ["3", "5", "7", "8"]) + digits(9, &random)
        } else if kind < 0.99 {
            number = random.element(of: ["0411", "0411", "010", "021"]) + digits(8, &random)
        } else {
            number = "+8613" + digits(9, &random)
        }
        recent.append(number)
        if recent.count > 500 {
            recent.removeFirst(250)
        }
        return number
    }

    private func digits(_ count: Int, _ random: inout SeededRandom) -> String {
        let value = random.int(in: 0...Int(pow10(count)) - 1)
        let text = String(value)
        return String(repeating: "0", count: count - text.count) + text
    }

    private func pow10(_ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
