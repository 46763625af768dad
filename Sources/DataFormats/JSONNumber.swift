/// Exact arithmetic on JSON number literals.
enum JSONNumber {
    /// The integer a valid JSON number literal denotes exactly, or nil if it has a fraction or does not fit in `Int`.
    static func exactInteger(_ literal: String) -> Int? {
        if let plain = Int(literal) { return plain }
        var utf8 = Array(literal.utf8)[...]
        let negative = utf8.first == ASCII.minus
        if negative { utf8 = utf8.dropFirst() }
        var digits: [UInt8] = []
        var scale = 0
        var seenDot = false
        while let byte = utf8.first, byte != 0x65, byte != 0x45 {
            utf8 = utf8.dropFirst()
            if byte == ASCII.dot { seenDot = true; continue }
            guard ASCII.isDigit(byte) else { return nil }
            digits.append(byte - ASCII.zero)
            if seenDot { scale -= 1 }
        }
        if !utf8.isEmpty {
            utf8 = utf8.dropFirst()
            guard let exponent = Int(String(decoding: utf8, as: UTF8.self)) ?? hugeExponent(utf8) else { return nil }
            scale = scale.addingReportingOverflow(exponent).overflow ? (exponent > 0 ? Int.max / 2 : Int.min / 2) : scale + exponent
        }
        while let first = digits.first, first == 0 { digits.removeFirst() }
        if digits.isEmpty { return 0 }
        while scale < 0, digits.last == 0 {
            digits.removeLast()
            scale += 1
        }
        guard scale >= 0, digits.count + scale <= 19 else { return nil }
        var magnitude: Int = 0
        for digit in digits + Array(repeating: 0, count: scale) {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            // Accumulate negatively so that Int.min fits.
            let (next, overflow2) = times10.subtractingReportingOverflow(Int(digit))
            if overflow1 || overflow2 { return nil }
            magnitude = next
        }
        if negative { return magnitude }
        return magnitude == Int.min ? nil : -magnitude
    }

    /// A stand-in for an exponent too large for `Int`, keeping only its sign.
    private static func hugeExponent(_ text: ArraySlice<UInt8>) -> Int? {
        guard let first = text.first else { return nil }
        return first == ASCII.minus ? Int.min / 2 : Int.max / 2
    }
}
