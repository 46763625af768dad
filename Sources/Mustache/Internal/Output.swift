/// Writes values into the output buffer: HTML escaping and numbers, without building intermediate strings.


/// Bit n is set when byte n must be escaped: `"` `&` `'` `<` `>`.
private let escapeMask: UInt64 = (1 << 0x22) | (1 << 0x26) | (1 << 0x27) | (1 << 0x3C) | (1 << 0x3E)

/// Appends `bytes` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`, copying unescaped runs whole.
/// Eight bytes are checked at once, since most text needs no escaping, and the first special byte in
/// a word is found from the check's bits rather than byte by byte.
@inline(__always)
func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
    guard let base = bytes.baseAddress else { return }
    let count = bytes.count
    let raw = UnsafeRawPointer(base)
    var runStart = 0
    var index = 0
    while index + 8 <= count {
        let found = specialBytes(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        if found == 0 {
            index += 8
            continue
        }
        // The lowest flagged byte is always a real match (only bytes above a match can be flagged falsely).
        let special = index + found.trailingZeroBitCount / 8
        if runStart < special { out.append(base + runStart, count: special - runStart) }
        appendEntity(base[special], to: &out)
        index = special + 1
        runStart = index
    }
    while index < count {
        let byte = base[index]
        if byte < 64, (escapeMask >> UInt64(byte)) & 1 != 0 {
            if runStart < index { out.append(base + runStart, count: index - runStart) }
            appendEntity(byte, to: &out)
            runStart = index + 1
        }
        index += 1
    }
    if runStart < count { out.append(base + runStart, count: count - runStart) }
}

private let lowBits: UInt64 = 0x0101_0101_0101_0101
private let highBits: UInt64 = 0x8080_8080_8080_8080

/// Flags (bit 7 of each byte) the bytes among eight that are `& < > " '`: a byte equal to `c` becomes zero
/// after `^ c`, and `(x - 0x01…) & ~x & 0x80…` flags zero bytes, exactly for the lowest one.
@inline(__always)
private func specialBytes(_ word: UInt64) -> UInt64 {
    @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- lowBits) & ~x & highBits }
    return zeroBytes(word ^ (lowBits &* 0x26)) | zeroBytes(word ^ (lowBits &* 0x3C))
        | zeroBytes(word ^ (lowBits &* 0x3E)) | zeroBytes(word ^ (lowBits &* 0x22)) | zeroBytes(word ^ (lowBits &* 0x27))
}

private func appendEntity(_ byte: UInt8, to out: inout OutputBuffer) {
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
func appendDecimal(_ number: Int, to out: inout OutputBuffer) {
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
        let digitsStart = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + (24 - count)
        out.append(digitsStart, count: count)
    }
}

/// Appends a decimal number as the specification expects (`1.21`); whole numbers print without `.0`.
func appendNumber(_ number: Double, to out: inout OutputBuffer) {
    // Avoids `rounded()`, which would pull libm into a target that otherwise needs nothing.
    if number.isFinite, number.magnitude < 1e15, Double(Int(number)) == number {
        appendDecimal(Int(number), to: &out)
    } else {
        var text = number.description
        text.withUTF8 { out.append($0) }
    }
}
