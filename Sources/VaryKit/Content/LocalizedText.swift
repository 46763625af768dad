/// Text given once for every locale, or per locale tag or language (`{"en": "Jacket", "fr-CA": "Manteau"}`).
public struct LocalizedText: Sendable, Hashable {
    /// Entries by tag or language, as written; a plain string is stored under the empty key.
    public var entries: [String: String]

    public init(_ text: String) { entries = ["": text] }

    public init(entries: [String: String]) { self.entries = entries }

    /// The text for a locale: the exact tag, then its language, then the default locale's tag and language,
    /// then the plain text; when none of these exist, the entry whose key sorts first.
    public func resolve(_ tag: String, fallback defaultTag: String) -> String {
        entries[key(for: tag, fallback: defaultTag)] ?? ""
    }

    /// The entry `resolve` uses: a tag or language, or the empty key of a plain text.
    public func key(for tag: String, fallback defaultTag: String) -> String {
        key(LocaleChain(tag, defaultTag: defaultTag))
    }

    /// `key(for:fallback:)` with the chain's languages worked out once, for callers that resolve many texts.
    public func key(_ chain: LocaleChain) -> String {
        if entries[chain.tag] != nil { return chain.tag }
        if entries[chain.language] != nil { return chain.language }
        if entries[chain.defaultTag] != nil { return chain.defaultTag }
        if entries[chain.defaultLanguage] != nil { return chain.defaultLanguage }
        if entries[""] != nil { return "" }
        return entries.keys.min() ?? ""
    }
}

/// A page's tag and the site's default tag with their languages: the keys a localized text is looked up by, in order.
public struct LocaleChain: Sendable {
    public let tag: String
    public let language: String
    public let defaultTag: String
    public let defaultLanguage: String

    public init(_ tag: String, defaultTag: String) {
        self.tag = tag
        language = LocaleTag.language(tag)
        self.defaultTag = defaultTag
        defaultLanguage = LocaleTag.language(defaultTag)
    }

    /// Whether an entry key (from `LocalizedText.key`) is in the page's language: a plain text, the tag, the
    /// language, or another tag of that language.
    public func isExact(_ key: String) -> Bool {
        key.isEmpty || key == tag || key == language || LocaleTag.language(key) == language
    }
}

/// Helpers for BCP 47 locale tags as Vary uses them.
public enum LocaleTag {
    /// The language subtag: `de` for `de-CH`.
    public static func language(_ tag: String) -> String {
        String(tag.split(separator: "-", maxSplits: 1).first ?? Substring(tag)).lowercased()
    }

    /// The tag as it appears in URLs: lowercased (`de-ch`).
    public static func pathForm(_ tag: String) -> String { tag.lowercased() }

    /// Keys to try in order: the tag, its language, the default tag, the default language — without repeats.
    public static func fallbackChain(_ tag: String, defaultTag: String) -> [String] {
        var chain: [String] = []
        for key in [tag, language(tag), defaultTag, language(defaultTag)] where !chain.contains(key) {
            chain.append(key)
        }
        return chain
    }

    /// The CLDR numbering systems a region may ask for with `numbers` (those of decimal digits).
    public static let numberingSystems: Set<String> = [
        "arab", "arabext", "beng", "deva", "fullwide", "gujr", "guru", "hanidec", "khmr", "knda", "laoo", "latn",
        "mlym", "mymr", "orya", "tamldec", "telu", "thai", "tibt",
    ]

    /// The tag that formats numbers, money and dates: `tag` itself (its CLDR default numbering system), or
    /// with a Unicode extension asking for `numbers` (`ar-KW-u-nu-latn`).
    public static func numbersTag(_ tag: String, numbers: String?) -> String {
        numbers.map { "\(tag)-u-nu-\($0)" } ?? tag
    }

    /// Whether a string looks like a locale tag: a 2–3 letter language and optional subtags of 2–8 letters or digits.
    public static func isValid(_ tag: String) -> Bool {
        // Read as bytes: every part is ASCII, so a byte is a character (every text key of a catalog is asked).
        var part = 0, length = 0
        for byte in tag.utf8 {
            if byte == UInt8(ascii: "-") {
                guard part == 0 ? (2...3).contains(length) : (2...8).contains(length) else { return false }
                part += 1
                length = 0
                continue
            }
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isLetter || (part > 0 && isDigit) else { return false }
            length += 1
        }
        return part == 0 ? (2...3).contains(length) : (2...8).contains(length)
    }
}
