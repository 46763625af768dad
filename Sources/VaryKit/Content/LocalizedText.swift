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
        for key in LocaleTag.fallbackChain(tag, defaultTag: defaultTag) where entries[key] != nil { return key }
        if entries[""] != nil { return "" }
        return entries.keys.sorted().first ?? ""
    }

    /// Whether the text for `tag` is in its language: a plain text, or an entry for the tag or its language.
    public func isExact(for tag: String, fallback defaultTag: String) -> Bool {
        let key = key(for: tag, fallback: defaultTag)
        return key.isEmpty || LocaleTag.language(key) == LocaleTag.language(tag)
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
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
