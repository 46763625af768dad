/// A parsed ICU MessageFormat pattern for one locale: `{name}` arguments, `plural` with `#` and
/// `offset:`, `select`, and `{n, number}`; parsed once, then formatted many times.
///
/// Not supported: `selectordinal`, `date`, `time`, `choice` and number styles (they are errors).
/// As in ICU, `#` is the number only directly inside a plural case, not inside a nested `select`.
public struct MessageFormat: Sendable {
    /// The pattern as written.
    public let pattern: String
    /// The locale whose plural rules and number format are used.
    public let localeTag: String
    /// Every argument name the pattern refers to, including those of plural and select.
    public let argumentNames: Set<String>

    let pieces: [MessagePiece]
    let pluralRules: PluralRules
    private(set) var numbers: LocaleNumberText

    /// Parses `pattern`; a locale without CLDR plural rules puts every number in `other`.
    public init(_ pattern: String, localeTag: String) throws(MessageFormatError) {
        var parser = MessageParser(pattern)
        pieces = try parser.parse()
        argumentNames = parser.argumentNames
        self.pattern = pattern
        self.localeTag = localeTag
        pluralRules = PluralRules(localeTag: localeTag) ?? PluralRules.root
        numbers = LocaleNumberText.forLocale(localeTag)
    }

    /// The same message writing its numbers as `localeTag` does (its digits, separators and numbering system,
    /// `ar-KW-u-nu-latn`), with the plural rules of the pattern's own locale.
    public func writingNumbers(as localeTag: String) -> MessageFormat {
        var copy = self
        copy.numbers = LocaleNumberText.forLocale(localeTag)
        return copy
    }

    /// Every plural argument of the pattern (nested ones too) with the CLDR categories it writes a case for.
    public var pluralCases: [(argument: String, categories: Set<PluralCategory>)] {
        var found: [(argument: String, categories: Set<PluralCategory>)] = []
        func visit(_ pieces: [MessagePiece]) {
            for piece in pieces {
                switch piece {
                case .plural(let plural):
                    found.append((plural.name, Set(plural.categories.keys)))
                    plural.categories.values.forEach(visit)
                    plural.exact.forEach { visit($0.pieces) }
                case .select(let select):
                    select.cases.values.forEach(visit)
                    visit(select.other)
                case .text, .argument, .number, .pound:
                    break
                }
            }
        }
        visit(pieces)
        return found
    }

    /// The message with `arguments` filled in; a missing argument is written as `{name}`.
    public func format(_ arguments: [String: MessageArgument]) -> String {
        var output = ""
        output.reserveCapacity(pattern.utf8.count + 16)
        append(pieces, to: &output, arguments: arguments, pound: "#")
        return output
    }

    private func append(_ pieces: [MessagePiece], to output: inout String, arguments: [String: MessageArgument], pound: String) {
        for piece in pieces {
            switch piece {
            case .text(let text):
                output += text
            case .pound:
                output += pound
            case .argument(let name):
                output += arguments[name].map { text(of: $0, asNumber: false) } ?? "{" + name + "}"
            case .number(let name):
                output += arguments[name].map { text(of: $0, asNumber: true) } ?? "{" + name + "}"
            case .plural(let plural):
                guard let argument = arguments[plural.name] else {
                    output += "{" + plural.name + "}"
                    continue
                }
                let (branch, number) = choose(plural, argument)
                append(branch, to: &output, arguments: arguments, pound: number)
            case .select(let select):
                guard let argument = arguments[select.name] else {
                    output += "{" + select.name + "}"
                    continue
                }
                append(select.cases[argument.selectKey] ?? select.other, to: &output, arguments: arguments, pound: pound)
            }
        }
    }

    /// Strings as they are (unless `asNumber` and they are plain decimals); numbers in the locale's style.
    private func text(of argument: MessageArgument, asNumber: Bool) -> String {
        if case .string(let text) = argument, !asNumber { return text }
        return argument.number.map(numbers.text) ?? argument.selectKey
    }

    /// The plural case for an argument and the text of `#`: an exact `=value` case matches the
    /// number itself, a category matches the number minus the offset; a non-number takes `other`.
    private func choose(_ plural: PluralChoice, _ argument: MessageArgument) -> ([MessagePiece], String) {
        let other = plural.categories[.other] ?? []
        guard let number = argument.number else { return (other, argument.selectKey) }
        let shifted = number.subtracting(plural.offset) ?? number
        let text = numbers.text(shifted)
        let normalized = number.normalized
        if let exact = plural.exact.first(where: { $0.value == normalized }) { return (exact.pieces, text) }
        let category = pluralRules.category(for: PluralOperand(shifted))
        return (plural.categories[category] ?? other, text)
    }
}
