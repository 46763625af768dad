/// The CLDR cardinal plural rules of one language, which pick the plural category of a number.
public struct PluralRules: Sendable, Hashable {
    struct Rule: Sendable, Hashable {
        var category: PluralCategory
        var condition: PluralCondition
    }

    /// The locale whose rules these are: a language (`"de"`) or a regional locale (`"pt-PT"`).
    public let rulesTag: String
    let rules: [Rule]

    /// The rules for a BCP 47 tag: `"pt-PT"` (and pt-AO, pt-MZ…) get the European Portuguese rules,
    /// `"de-CH"` falls back to `"de"`, a language CLDR has no rules for gives nil.
    public init?(localeTag: String) {
        guard let key = PluralRules.rulesKey(for: localeTag), let rules = PluralRules.table[key] else { return nil }
        self.rulesTag = key
        self.rules = rules
    }

    /// The category of a number, which is `other` when no rule matches.
    public func category(for number: PluralOperand) -> PluralCategory {
        for rule in rules where rule.condition.matches(number) { return rule.category }
        return .other
    }

    /// The category of an integer.
    public func category(for number: Int) -> PluralCategory {
        category(for: PluralOperand(number))
    }

    /// The categories this language distinguishes, in CLDR order, always ending with `other`.
    public var categories: [PluralCategory] { rules.map(\.category) + [.other] }

    /// Every locale tag with its own rules (languages, and regional locales such as `pt-PT`), sorted.
    public static var supportedTags: [String] { table.keys.sorted() }

    /// The key into `table` for a tag: `language-REGION` when that regional locale has its own
    /// rules or a parent that has them, else the language.
    static func rulesKey(for localeTag: String) -> String? {
        let subtags = localeTag.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = subtags.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        let language = first.lowercased()
        // The region is the first later subtag of two letters or three digits (a script has four letters).
        if let region = subtags.dropFirst().first(where: { isRegion($0) }) {
            let regional = language + "-" + region.uppercased()
            if table[regional] != nil { return regional }
            if let parent = regionalParents[regional] { return parent }
        }
        return language
    }

    private static func isRegion(_ subtag: Substring) -> Bool {
        (subtag.count == 2 && subtag.allSatisfy { $0.isASCII && $0.isLetter })
            || (subtag.count == 3 && subtag.allSatisfy { $0.isASCII && $0.isNumber })
    }

    /// Every locale's parsed rules, parsed once from `ruleTable`.
    static let table: [String: [Rule]] = {
        var table: [String: [Rule]] = [:]
        for entry in ruleTable {
            let rules = parseRuleSet(entry.rules)
            for tag in entry.tags.split(separator: " ") { table[String(tag)] = rules }
        }
        return table
    }()

    /// Parses `"one: i = 1 and v = 0; many: …"`; the table is generated data, so a syntax error
    /// is a programming error caught by the tests that load every locale.
    static func parseRuleSet(_ text: String) -> [Rule] {
        text.split(separator: ";").map { (part: Substring) -> Rule in
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2,
                let category = PluralCategory(rawValue: String(pieces[0].filter { $0 != " " }))
            else { preconditionFailure("malformed plural rule set \"\(text)\"") }
            var parser = PluralConditionParser(String(pieces[1]))
            do {
                return Rule(category: category, condition: try parser.parse())
            } catch {
                preconditionFailure("\(error)")
            }
        }
    }
}

extension PluralRules {
    /// CLDR's root rules: every number is `other`; used for locales CLDR has no rules for.
    static let root = PluralRules(rulesTag: "root", rules: [])

    private init(rulesTag: String, rules: [Rule]) {
        self.rulesTag = rulesTag
        self.rules = rules
    }
}
