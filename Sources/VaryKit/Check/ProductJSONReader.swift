#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DataFormats

/// Reads a JSON-LD text as strictly as `JSON.parse` does, keeping of every object only the members the product
/// rules read (`keptNames`), for `StrictProducts`: the rest of the text is checked and skipped without making its
/// strings, so a page's JSON-LD costs one pass over its bytes.
///
/// It declines (nil) on text `JSON.parse` rejects and on everything `StrictProducts` leaves to Foundation: a
/// repeated key, a number that is not a plain decimal of at most 15 bytes, nesting deeper than
/// `StrictProducts.maximumDepth`, and `true`/`false` as the value of a name, price or currency. It also declines on
/// a key beyond plain ASCII or written with escapes, which JSON-LD does not need.
struct ProductJSONReader {
    /// The members `StrictProducts` reads: the nesting it follows and a product's and an offer's fields.
    static let keptNames = [
        "@type", "@graph", "mainEntity", "itemListElement", "hasVariant", "item", "name", "offers", "price", "lowPrice",
        "priceCurrency",
    ]
    private static let keptKeys = keptNames.map { Array($0.utf8) }

    /// The kept keys whose value may not be `true` or `false` (Foundation reads those as numbers).
    private static let noBooleanKeys = Set(["name", "price", "lowPrice", "priceCurrency"].map { keptNames.firstIndex(of: $0)! })

    private struct Declined: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The keys of the objects being read, innermost last, to find a repeated one without allocating per object.
    private var keys: [Range<Int>] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        keys.reserveCapacity(64)
    }

    /// The text's value with only the kept members in its objects, or nil when the reader declines.
    static func read(_ text: String) -> JSONValue? {
        var text = text
        return text.withUTF8 { buffer in
            var reader = ProductJSONReader(bytes: buffer)
            reader.skipWhitespace()
            guard let value = try? reader.value(depth: 0, keep: true) else { return nil }
            reader.skipWhitespace()
            return reader.index == buffer.count ? value : nil
        }
    }

    /// The value at `index`; a value not kept is checked and skipped, and stands as `.null`.
    private mutating func value(depth: Int, keep: Bool, noBoolean: Bool = false) throws(Declined) -> JSONValue {
        guard index < bytes.count else { throw Declined() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth, keep: keep)
        case UInt8(ascii: "["): return try array(depth: depth, keep: keep)
        case UInt8(ascii: "\""): return try string(keep: keep).map(JSONValue.string) ?? .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number(keep: keep)
        default:
            let start = index
            while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if word.elementsEqual("null".utf8) { return .null }
            guard !noBoolean else { throw Declined() }
            if word.elementsEqual("true".utf8) { return .bool(true) }
            if word.elementsEqual("false".utf8) { return .bool(false) }
            throw Declined()
        }
    }

    private mutating func object(depth: Int, keep: Bool) throws(Declined) -> JSONValue {
        guard depth < StrictProducts.maximumDepth else { throw Declined() }
        index += 1
        skipWhitespace()
        var members: [JSONMember] = []
        if try closes(UInt8(ascii: "}"), first: true) { return .object(members) }
        let firstKey = keys.count
        defer { keys.removeSubrange(firstKey...) }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Declined() }
            let key = try plainKey()
            for earlier in keys[firstKey...] where same(earlier, key) { throw Declined() }
            keys.append(key)
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Declined() }
            index += 1
            skipWhitespace()
            let kept = Self.keptKeys.firstIndex { same($0, key) }
            let value = try value(depth: depth + 1, keep: keep && kept != nil, noBoolean: kept.map(Self.noBooleanKeys.contains) ?? false)
            if keep, let kept {
                members.append(JSONMember(key: Self.keptNames[kept], value: JSONNode(value)))
            }
            if try closes(UInt8(ascii: "}"), first: false) { return .object(members) }
        }
    }

    private mutating func array(depth: Int, keep: Bool) throws(Declined) -> JSONValue {
        guard depth < StrictProducts.maximumDepth else { throw Declined() }
        index += 1
        skipWhitespace()
        var elements: [JSONNode] = []
        if try closes(UInt8(ascii: "]"), first: true) { return .array(elements) }
        while true {
            let element = try value(depth: depth + 1, keep: keep)
            if keep { elements.append(JSONNode(element)) }
            if try closes(UInt8(ascii: "]"), first: false) { return .array(elements) }
        }
    }

    /// Reads what follows an opening bracket (`first`) or an item: true at the closing bracket (consumed), false
    /// after a comma and white space, where the next item starts; a comma right before the bracket is not JSON.
    private mutating func closes(_ close: UInt8, first: Bool) throws(Declined) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw Declined() }
        if bytes[index] == close {
            index += 1
            return true
        }
        if !first {
            guard bytes[index] == UInt8(ascii: ",") else { throw Declined() }
            index += 1
            skipWhitespace()
            guard index < bytes.count, bytes[index] != close else { throw Declined() }
        }
        return false
    }

    /// The range of a key in plain ASCII without escapes, after its closing quote: such keys are the same exactly
    /// when their bytes are, as Swift compares strings.
    private mutating func plainKey() throws(Declined) -> Range<Int> {
        let start = index + 1
        index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw Declined() }
            index += 1
        }
        throw Declined()
    }

    /// The string at `index` with its escapes decoded when kept (the text is valid UTF-8 already), checked only
    /// when not.
    private mutating func string(keep: Bool) throws(Declined) -> String? {
        index += 1
        let start = index
        var decoded: [UInt8]? = nil
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                guard keep else { return nil }
                if let decoded { return String(decoding: decoded, as: UTF8.self) }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
            }
            guard byte >= 0x20 else { throw Declined() }
            if byte == UInt8(ascii: "\\") {
                if keep && decoded == nil { decoded = Array(bytes[start..<index]) }
                try escape(into: &decoded)
            } else {
                decoded?.append(byte)
                index += 1
            }
        }
        throw Declined()
    }

    /// Reads the escape at `index` as `JSON.parse` does, appending what it stands for when decoding.
    private mutating func escape(into decoded: inout [UInt8]?) throws(Declined) {
        guard index + 1 < bytes.count else { throw Declined() }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded?.append(letter)
        case UInt8(ascii: "b"): decoded?.append(0x08)
        case UInt8(ascii: "f"): decoded?.append(0x0C)
        case UInt8(ascii: "n"): decoded?.append(0x0A)
        case UInt8(ascii: "r"): decoded?.append(0x0D)
        case UInt8(ascii: "t"): decoded?.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hex4()
            if (0xDC00...0xDFFF).contains(value) { throw Declined() }
            if (0xD800...0xDBFF).contains(value) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw Declined()
                }
                index += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw Declined() }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            if decoded != nil, let scalar = Unicode.Scalar(value) { UTF8.encode(scalar) { decoded?.append($0) } }
        default:
            throw Declined()
        }
    }

    private mutating func hex4() throws(Declined) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Declined() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            default: throw Declined()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A plain decimal, `-12.50`: JSON's grammar without an exponent, at most 15 bytes.
    private mutating func number(keep: Bool) throws(Declined) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw Declined() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw Declined() }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw Declined() }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") { throw Declined() }
        guard index - start <= 15 else { throw Declined() }
        return keep ? .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) : .null
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
    }

    private func same(_ one: Range<Int>, _ other: Range<Int>) -> Bool {
        guard one.count == other.count, let base = bytes.baseAddress else { return one.count == other.count }
        return memcmp(base + one.lowerBound, base + other.lowerBound, one.count) == 0
    }

    private func same(_ name: [UInt8], _ key: Range<Int>) -> Bool {
        guard name.count == key.count, let base = bytes.baseAddress else { return name.count == key.count }
        return name.withUnsafeBufferPointer { memcmp($0.baseAddress!, base + key.lowerBound, key.count) == 0 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || isDigit(byte) || byte == 0x5F
    }
}
