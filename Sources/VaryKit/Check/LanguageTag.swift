/// The shape of BCP 47 language tags as `hreflang` uses them.
enum LanguageTag {
    /// True for `x-default` and tags of the form language[-Script][-REGION][-variant…] (`de`, `zh-Hant-TW`, `es-419`).
    static func isValidHreflang(_ tag: String) -> Bool {
        // Tags are ASCII: read their bytes, which give the same answer as the characters without making any.
        if let valid = isValidASCIIHreflang(tag.utf8) { return valid }
        if tag.lowercased() == "x-default" { return true }
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map { Array($0) }
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(isLetter) else {
            return false
        }
        var index = 1
        if index < parts.count, parts[index].count == 4, parts[index].allSatisfy(isLetter) { index += 1 }
        if index < parts.count,
           (parts[index].count == 2 && parts[index].allSatisfy(isLetter))
            || (parts[index].count == 3 && parts[index].allSatisfy(isDigit)) {
            index += 1
        }
        while index < parts.count {
            let variant = parts[index]
            let valid = (5...8).contains(variant.count) && variant.allSatisfy { isLetter($0) || isDigit($0) }
                || (variant.count == 4 && isDigit(variant[0]) && variant.allSatisfy { isLetter($0) || isDigit($0) })
            if !valid { return false }
            index += 1
        }
        return true
    }

    /// `isValidHreflang` for a tag of ASCII bytes; nil when the tag has a non-ASCII byte.
    private static func isValidASCIIHreflang(_ bytes: String.UTF8View) -> Bool? {
        var parts: [(letters: Int, digits: Int, count: Int, startsWithDigit: Bool)] = []
        var current = (letters: 0, digits: 0, count: 0, startsWithDigit: false)
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "-") {
                parts.append(current)
                current = (0, 0, 0, false)
                continue
            }
            let lowered = byte | 0x20
            if lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z") {
                current.letters += 1
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if current.count == 0 { current.startsWithDigit = true }
                current.digits += 1
            }
            current.count += 1
        }
        parts.append(current)
        if bytes.count == 9, bytes.elementsEqual("x-default".utf8, by: { ($0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0) == $1 }) {
            return true
        }
        func letters(_ part: (letters: Int, digits: Int, count: Int, startsWithDigit: Bool)) -> Bool { part.letters == part.count }
        func alphanumeric(_ part: (letters: Int, digits: Int, count: Int, startsWithDigit: Bool)) -> Bool {
            part.letters + part.digits == part.count
        }
        guard (2...3).contains(parts[0].count), letters(parts[0]) else { return false }
        var index = 1
        if index < parts.count, parts[index].count == 4, letters(parts[index]) { index += 1 }
        if index < parts.count,
           (parts[index].count == 2 && letters(parts[index])) || (parts[index].count == 3 && parts[index].digits == 3) {
            index += 1
        }
        while index < parts.count {
            let variant = parts[index]
            let valid = (5...8).contains(variant.count) && alphanumeric(variant)
                || (variant.count == 4 && variant.startsWithDigit && alphanumeric(variant))
            if !valid { return false }
            index += 1
        }
        return true
    }

    private static func isLetter(_ character: Character) -> Bool { character.isASCII && character.isLetter }
    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
}
