#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the elements the page rules look at out of a page whose templates are proven (`TemplateProof`): a
/// rendering of proven templates is well-formed and data cannot add markup, so a single pass over the bytes finds
/// the same elements libxml2 would, without building a document.
///
/// Kept are the elements a rule reads (`<html>`, headings, `<title>`, images, links, scripts, media, forms) and any
/// element with an `id`, an `on…` attribute or a URL attribute. Attribute values are decoded as HTML decodes them.
/// Like libxml2, a page without `<html>` still has one (implied, without attributes).
enum PageScanner {
    /// Elements every rule set reads by name.
    static let keptNames: Set<String> = [
        "html", "head", "body", "h1", "title", "img", "link", "script", "a", "area", "source", "video", "audio",
        "iframe", "form",
    ]

    /// `keptNames.contains(name)`, compared rather than hashed: it is asked for every tag of every page.
    static func isKept(_ name: String) -> Bool {
        switch name {
        case "html", "head", "body", "h1", "title", "img", "link", "script", "a", "area", "source", "video", "audio",
             "iframe", "form": true
        default: false
        }
    }

    /// `TagBalance.rawText.contains(name)`, compared rather than hashed.
    static func isRawText(_ name: String) -> Bool {
        switch name {
        case "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes": true
        default: false
        }
    }

    /// `ScriptRules.urlAttributes.contains(name)`, compared rather than hashed, and only for names of a URL
    /// attribute's length and first letter: it is asked for every attribute of every page.
    static func isURLAttribute(_ name: String) -> Bool {
        guard hasURLAttributeLength(name.utf8.count) else { return false }
        switch name.utf8.first {
        case UInt8(ascii: "h"), UInt8(ascii: "s"), UInt8(ascii: "a"), UInt8(ascii: "f"), UInt8(ascii: "p"), UInt8(ascii: "c"),
             UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "x"): break
        default: return false
        }
        switch name {
        case "href", "src", "action", "formaction", "poster", "cite", "background", "data", "xlink:href", "srcdoc": return true
        default: return false
        }
    }

    /// Whether a name of `count` bytes is as long as a URL attribute's, which is tested before the name is compared.
    static func hasURLAttributeLength(_ count: Int) -> Bool {
        switch count {
        case 3, 4, 6, 10: true
        default: false
        }
    }

    /// Tag names the scanner keeps, packed (`PackedName`): every start tag's name is tested against them.
    private static let keptPacked = keptNames.sorted().map { PackedName(Array($0.utf8))! }
    private static let rawTextPacked = TagBalance.rawText.sorted().map { PackedName(Array($0.utf8))! }
    private static let urlAttributesPacked = ScriptRules.urlAttributes.sorted().map { PackedName(Array($0.utf8))! }

    /// `isKept` of a packed name (nil: longer than any kept name).
    static func isKept(_ name: PackedName?) -> Bool { name.map(keptPacked.contains) ?? false }

    /// `isRawText` of a packed name.
    static func isRawText(_ name: PackedName?) -> Bool { name.map(rawTextPacked.contains) ?? false }

    /// `isURLAttribute` of a packed name.
    static func isURLAttribute(_ name: PackedName?) -> Bool { name.map(urlAttributesPacked.contains) ?? false }

    /// The page's elements in document order.
    static func scan(_ bytes: [UInt8]) -> PageTree {
        guard !bytes.isEmpty else { return PageTree(elements: [], problems: [], parsed: false) }
        var elements: [PageElement] = []
        elements.reserveCapacity(256)
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            reader.run(into: &elements)
        }
        if !elements.contains(where: { $0.name == "html" }) {
            elements.insert(PageElement(name: "html", attributes: [], line: 1, text: nil), at: 0)
        }
        return PageTree(elements: elements, problems: [], parsed: true)
    }

    /// How many `\n` bytes there are, counted eight bytes at a time: in each word, the bytes equal to `\n` are
    /// flagged exactly (high bit of a byte that is zero after `^ 0x0A…`, without the borrow of the usual trick), and
    /// the flags added up in the word's byte lanes, which are summed once every 255 words, before one can overflow.
    static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base), count = bytes.count
        let newline: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var total = 0, index = 0
        while index + 8 <= count {
            var lanes: UInt64 = 0
            let end = min(count - 7, index + 255 * 8)
            while index < end {
                let x = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ newline
                // A byte's high bit is set in `(x & 0x7F) + 0x7F` when its low seven bits are not all zero; with `| x`
                // also when its own high bit is: what stays clear after the complement is exactly the zero bytes.
                lanes &+= ~(((x & low7) &+ low7) | x | low7) >> 7
                index += 8
            }
            // Pairs of lanes (each at most 510), then the four pairs added in the top sixteen bits.
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
            total &+= Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        while index < count {
            if base[index] == 0x0A { total &+= 1 }
            index += 1
        }
        return total
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var line = 1
        /// Where `line` was last counted up to.
        var counted = 0
        /// Attribute name and value ranges of the tag being read, reused from tag to tag.
        var ranges: [(name: Range<Int>, value: Range<Int>?)] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            ranges.reserveCapacity(16)
        }

        mutating func lineAt(_ position: Int) -> Int {
            guard counted < position else { return line }
            line += PageScanner.newlines(in: UnsafeBufferPointer(rebasing: bytes[counted..<position]))
            counted = position
            return line
        }

        mutating func run(into elements: inout [PageElement]) {
            let count = bytes.count
            while index < count {
                guard let open = find(UInt8(ascii: "<"), from: index) else { return }
                index = open + 1
                guard index < count else { return }
                let next = bytes[index]
                if next == UInt8(ascii: "!") {
                    skipMarkup()
                } else if next == UInt8(ascii: "/") {
                    index = (find(UInt8(ascii: ">"), from: index) ?? count - 1) + 1
                } else if isLetter(next) {
                    startTag(at: open, into: &elements)
                }
            }
        }

        private mutating func skipMarkup() {
            if matches("!--", at: index) {
                var position = index + 3
                while position + 2 < bytes.count {
                    if bytes[position] == UInt8(ascii: "-"), bytes[position + 1] == UInt8(ascii: "-"), bytes[position + 2] == UInt8(ascii: ">") {
                        index = position + 3
                        return
                    }
                    position += 1
                }
                index = bytes.count
            } else {
                index = (find(UInt8(ascii: ">"), from: index) ?? bytes.count - 1) + 1
            }
        }

        private mutating func startTag(at open: Int, into elements: inout [PageElement]) {
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                index += 1
            }
            let nameRange = nameStart..<index
            // The name is tested packed in two words; a String is made only for an element that is kept.
            let packed = PackedName(bytes, nameRange)
            ranges.removeAll(keepingCapacity: true)
            var keep = PageScanner.isKept(packed)
            readAttributes(keep: &keep)
            let line = keep ? lineAt(open) : 0
            let name = keep ? lowered(nameRange) : ""
            var text: String?
            if PageScanner.isRawText(packed) {
                let contentStart = index
                let end = findEndTag(nameRange, from: index)
                if keep && (name == "title" || name == "script") {
                    let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<end]), as: UTF8.self)
                    text = name == "title" ? CharacterReferences.decode(raw) : raw
                }
                index = end
            }
            guard keep else { return }
            let attributes = ranges.map { (name: lowered($0.name), value: $0.value.map(decodedValue) ?? "") }
            elements.append(PageElement(name: name, attributes: attributes, line: line, text: text))
        }

        /// Reads attributes up to the tag's `>`, noting whether one makes the element worth keeping.
        private mutating func readAttributes(keep: inout Bool) {
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") {
                    index += 1
                    return
                }
                if isSpace(byte) || byte == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                let nameStart = index
                while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"),
                      !(bytes[index] == UInt8(ascii: "/") && index + 1 < count && bytes[index + 1] == UInt8(ascii: ">")) {
                    index += 1
                }
                let nameRange = nameStart..<index
                while index < count, isSpace(bytes[index]) { index += 1 }
                var valueRange: Range<Int>?
                if index < count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < count, isSpace(bytes[index]) { index += 1 }
                    if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        let end = find(quote, from: index + 1) ?? count
                        valueRange = (index + 1)..<end
                        index = min(end + 1, count)
                    } else {
                        let start = index
                        while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                        valueRange = start..<index
                    }
                }
                if !keep && keeps(nameRange) { keep = true }
                ranges.append((nameRange, valueRange))
            }
        }

        /// An attribute value as HTML reads it: its character references decoded, looked for only when it has a `&`.
        private func decodedValue(_ range: Range<Int>) -> String {
            let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            guard !range.isEmpty, let base = bytes.baseAddress,
                  memchr(base + range.lowerBound, Int32(UInt8(ascii: "&")), range.count) != nil else { return raw }
            return CharacterReferences.decode(raw)
        }

        /// `id`, `on…` and URL attributes make any element matter to the link and script rules.
        private func keeps(_ range: Range<Int>) -> Bool {
            guard range.count >= 2 else { return false }
            let first = bytes[range.lowerBound] | 0x20, second = bytes[range.lowerBound + 1] | 0x20
            if first == UInt8(ascii: "o") && second == UInt8(ascii: "n") { return true }
            if range.count == 2 { return first == UInt8(ascii: "i") && second == UInt8(ascii: "d") }
            return PageScanner.hasURLAttributeLength(range.count) && PageScanner.isURLAttribute(PackedName(bytes, range))
        }

        /// The start of `</name` (any case) after `position`, or the end of the page; `name` is the range of the start
        /// tag's name, one of the raw text elements' (letters only).
        private func findEndTag(_ name: Range<Int>, from position: Int) -> Int {
            let length = name.count
            var at = position
            while let open = find(UInt8(ascii: "<"), from: at) {
                if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "/"), open + 2 + length <= bytes.count {
                    var same = true
                    for offset in 0..<length where (bytes[open + 2 + offset] | 0x20) != (bytes[name.lowerBound + offset] | 0x20) {
                        same = false
                        break
                    }
                    if same { return open }
                }
                at = open + 1
            }
            return bytes.count
        }

        private func find(_ byte: UInt8, from position: Int) -> Int? {
            guard position < bytes.count, let base = bytes.baseAddress else { return nil }
            // memchr reads many bytes at a time.
            guard let found = memchr(base + position, Int32(byte), bytes.count - position) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }

        private func matches(_ text: StaticString, at position: Int) -> Bool {
            let count = text.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            let start = text.utf8Start
            for offset in 0..<count where bytes[position + offset] != start[offset] { return false }
            return true
        }

        private func lowered(_ range: Range<Int>) -> String {
            String(unsafeUninitializedCapacity: range.count) { buffer in
                for (offset, position) in range.enumerated() {
                    let byte = bytes[position]
                    buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                }
                return range.count
            }
        }

        private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    }
}

/// A tag or attribute name of at most 15 bytes, lower-cased (A–Z only, as the scanner lowers names) and packed
/// with its length into two words, so that testing it against the names the rules read compares integers
/// instead of making and comparing Strings.
struct PackedName: Equatable {
    let low: UInt64
    let high: UInt64

    /// The packed name of `bytes[range]`, or nil when it is longer than 15 bytes.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard range.count <= 15 else { return nil }
        var low: UInt64 = 0, high = UInt64(range.count) << 56
        for (offset, position) in range.enumerated() {
            var byte = bytes[position]
            if byte >= 0x41 && byte <= 0x5A { byte += 32 }
            if offset < 8 { low |= UInt64(byte) << UInt64(offset * 8) } else { high |= UInt64(byte) << UInt64((offset - 8) * 8) }
        }
        self.low = low
        self.high = high
    }

    /// The packed name of these bytes, or nil when they are longer than 15.
    init?(_ bytes: [UInt8]) {
        guard let packed = bytes.withUnsafeBufferPointer({ PackedName($0, 0..<$0.count) }) else { return nil }
        self = packed
    }
}

/// HTML character references in text and attribute values: numeric ones and the named ones pages use.
enum CharacterReferences {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "middot": "·", "euro": "€", "pound": "£", "yen": "¥",
        "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "times": "×",
    ]

    /// The text with every reference it knows replaced; unknown ones stay as written.
    static func decode(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(32).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            if let replacement = reference(name) {
                result += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    private static func reference(_ name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return named[String(name)]
    }
}
