/// The shape of BCP 47 language tags as `hreflang` uses them.
enum LanguageTag {
    /// True for `x-default` and tags of the form language[-Script][-REGION][-variant…] (`de`, `zh-Hant-TW`, `es-419`).
    static func isValidHreflang(_ tag: String) -> Bool {
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

    private static func isLetter(_ character: Character) -> Bool { character.isASCII && character.isLetter }
    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
}
