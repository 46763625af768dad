import Intl

/// A text Vary writes itself (a reason, a discount label, a count): its id, the arguments Vary passes
/// when it formats it, and an ICU MessageFormat pattern per language. A store's locale file may override it by id.
public struct BuiltInText: Sendable {
    /// The message id a locale file overrides it with (`reason.season`).
    public let id: String
    /// Every argument Vary passes; an override may use these and no others.
    public let arguments: Set<String>
    /// What the text is for, as the README's table says it.
    public let purpose: String
    /// Pattern by language (`de`, `ja`); every language of `BuiltInTexts.languages` has one.
    public let patterns: [String: String]

    init(_ id: String, arguments: Set<String> = [], purpose: String, _ patterns: [String: String]) {
        self.id = id
        self.arguments = arguments
        self.purpose = purpose
        self.patterns = patterns
    }
}

extension BuiltInTexts {
    /// The languages every built-in text is translated into.
    public static let languages = ["en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv", "ja", "ar"]

    /// The built-in texts by id.
    public static let byID: [String: BuiltInText] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// Every built-in pattern compiled for its language, by language then id (compiled once per process).
    static let compiled: [String: [String: MessageFormat]] = {
        var result: [String: [String: MessageFormat]] = [:]
        for text in all {
            for (language, pattern) in text.patterns {
                // The table is checked by tests; a pattern that does not parse is a bug in Vary, not in a store.
                guard let format = try? MessageFormat(pattern, localeTag: language) else {
                    preconditionFailure("built-in text '\(text.id)' for '\(language)' does not parse")
                }
                result[language, default: [:]][text.id] = format
            }
        }
        return result
    }()

    /// The built-in pattern of `id` in a language, if Vary has one.
    static func format(_ id: String, language: String) -> MessageFormat? {
        compiled[language]?[id]
    }
}
