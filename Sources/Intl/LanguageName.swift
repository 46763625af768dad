import Foundation

/// Names of languages in their own language, for language switchers.
public enum LanguageName {
    /// The language's autonym with its first letter uppercased: `Deutsch` for `de-DE`,
    /// `Français` for `fr-CA`; the tag itself when the language is unknown.
    public static func nativeName(of localeTag: String) -> String {
        let locale = Locale(identifier: localeTag)
        guard let code = locale.language.languageCode?.identifier,
            let name = locale.localizedString(forLanguageCode: code), !name.isEmpty, name != code
        else { return localeTag }
        return uppercasingFirst(name, locale: locale)
    }

    /// The autonym with the region (and script) in that language: `Deutsch (Schweiz)` for
    /// `de-CH`, `English (United States)` for `en-US`; the tag itself when unknown.
    public static func nativeDisplayName(of localeTag: String) -> String {
        let locale = Locale(identifier: localeTag)
        guard let name = locale.localizedString(forIdentifier: localeTag), !name.isEmpty,
            locale.localizedString(forLanguageCode: locale.language.languageCode?.identifier ?? "") != nil
        else { return localeTag }
        return uppercasingFirst(name, locale: locale)
    }

    private static func uppercasingFirst(_ name: String, locale: Locale) -> String {
        guard let first = name.first else { return name }
        return String(first).uppercased(with: locale) + name.dropFirst()
    }
}

/// Languages written right to left when Foundation cannot tell (for tags it does not know).
private let rightToLeftLanguages: Set<String> = ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", "iw", "syr"]

/// Whether text in this language (and script, if the tag names one) runs right to left:
/// `ar`, `he`, `fa-IR` yes; `sd-Deva` and `en` no.
public func isRightToLeft(languageTag: String) -> Bool {
    switch Locale.Language(identifier: languageTag).characterDirection {
    case .rightToLeft: return true
    case .leftToRight, .topToBottom, .bottomToTop: return false
    default:
        let language = languageTag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return rightToLeftLanguages.contains(language)
    }
}
