/// Writes values into the output buffer: HTML escaping and numbers, without building intermediate strings.

let trueBytes: [UInt8] = Array("true".utf8)
let falseBytes: [UInt8] = Array("false".utf8)

/// Bit n is set when byte n must be escaped: `"` `&` `'` `<` `>`.
private let escapeMask: UInt64 = (1 << 0x22) | (1 << 0x26) | (1 << 0x27) | (1 << 0x3C) | (1 << 0x3E)

/// Appends `bytes` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`, copying unescaped runs whole.
@inline(__always)
func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    var runStart = 0
    var index = 0
    let count = bytes.count
    while index < count {
        let byte = bytes[index]
        if byte < 64, (escapeMask >> UInt64(byte)) & 1 != 0 {
            if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            appendEntity(byte, to: &out)
            runStart = index + 1
        }
        index += 1
    }
    if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
}

private func appendEntity(_ byte: UInt8, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "&"))
    switch byte {
    case UInt8(ascii: "&"): out.append(0x61); out.append(0x6D); out.append(0x70)  // amp
    case UInt8(ascii: "<"): out.append(0x6C); out.append(0x74)  // lt
    case UInt8(ascii: ">"): out.append(0x67); out.append(0x74)  // gt
    case UInt8(ascii: "\""): out.append(0x71); out.append(0x75); out.append(0x6F); out.append(0x74)  // quot
    default: out.append(0x23); out.append(0x33); out.append(0x39)  // #39
    }
    out.append(UInt8(ascii: ";"))
}

/// Appends an integer in decimal.
func appendDecimal(_ number: Int, to out: inout [UInt8]) {
    if number == 0 { out.append(UInt8(ascii: "0")); return }
    var magnitude = number.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, no heap
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
        while magnitude > 0 {
            buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            count += 1
        }
        if number < 0 { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
    }
}

/// Appends a decimal number as the specification expects (`1.21`); whole numbers print without `.0`.
func appendNumber(_ number: Double, to out: inout [UInt8]) {
    // Avoids `rounded()`, which would pull libm into a target that otherwise needs nothing.
    if number.isFinite, number.magnitude < 1e15, Double(Int(number)) == number {
        appendDecimal(Int(number), to: &out)
    } else {
        out.append(contentsOf: number.description.utf8)
    }
}
