/// A parsed CLDR plural condition such as `v = 0 and i mod 10 = 2..4 or n = 0`.
indirect enum PluralCondition: Sendable, Hashable {
    case always
    case or(PluralCondition, PluralCondition)
    case and(PluralCondition, PluralCondition)
    /// `operand [mod m] = ranges`, negated for `!=`.
    case relation(operand: Character, modulus: UInt64?, ranges: [ClosedRange<UInt64>], negated: Bool)

    func matches(_ number: PluralOperand) -> Bool {
        switch self {
        case .always:
            return true
        case .or(let a, let b):
            return a.matches(number) || b.matches(number)
        case .and(let a, let b):
            return a.matches(number) && b.matches(number)
        case .relation(let operand, let modulus, let ranges, let negated):
            guard var value = PluralCondition.value(of: operand, in: number) else { return negated }
            if let modulus { value %= modulus }
            return ranges.contains { $0.contains(value) } != negated
        }
    }

    /// The operand's value, or nil when it is not a whole number (n with a fraction), which
    /// CLDR says equals no integer.
    private static func value(of operand: Character, in number: PluralOperand) -> UInt64? {
        switch operand {
        case "n": return number.isInteger ? number.i : nil
        case "i": return number.i
        case "v": return UInt64(number.v)
        case "w": return UInt64(number.w)
        case "f": return number.f
        case "t": return number.t
        default: return UInt64(number.e)  // e and c: compact exponent
        }
    }
}

/// Why a CLDR rule string could not be parsed.
struct PluralRuleSyntaxError: Error, CustomStringConvertible {
    var rule: String
    var found: String
    var description: String { "malformed plural rule \"\(rule)\" at \"\(found)\"" }
}

/// Parses CLDR plural rule syntax: `condition = and ('or' and)*`, `and = relation ('and' relation)*`,
/// `relation = operand (('mod' | '%') value)? ('=' | '!=' | 'in' | 'not in' | 'is' | 'is not') range_list`.
struct PluralConditionParser {
    private var tokens: [Substring]
    private var index = 0
    private let rule: String

    init(_ rule: String) {
        self.rule = rule
        var tokens: [Substring] = []
        var rest = Substring(rule)
        while let first = rest.first {
            if first == " " {
                rest = rest.dropFirst()
            } else if first == "!" && rest.dropFirst().first == "=" {
                tokens.append(rest.prefix(2))
                rest = rest.dropFirst(2)
            } else if first == "." && rest.dropFirst().first == "." {
                tokens.append(rest.prefix(2))
                rest = rest.dropFirst(2)
            } else if "=,%".contains(first) {
                tokens.append(rest.prefix(1))
                rest = rest.dropFirst()
            } else {
                let word = rest.prefix { $0.isLetter || $0.isNumber }
                let token = word.isEmpty ? rest.prefix(1) : word
                tokens.append(token)
                rest = rest.dropFirst(token.count)
            }
        }
        self.tokens = tokens
    }

    /// The condition; an empty rule is `always`.
    mutating func parse() throws(PluralRuleSyntaxError) -> PluralCondition {
        guard !tokens.isEmpty else { return .always }
        var condition = try parseAnd()
        while accept("or") { condition = .or(condition, try parseAnd()) }
        guard index == tokens.count else { throw failure() }
        return condition
    }

    private mutating func parseAnd() throws(PluralRuleSyntaxError) -> PluralCondition {
        var condition = try parseRelation()
        while accept("and") { condition = .and(condition, try parseRelation()) }
        return condition
    }

    private mutating func parseRelation() throws(PluralRuleSyntaxError) -> PluralCondition {
        guard let operandToken = next(), operandToken.count == 1, let operand = operandToken.first,
            "niwvftec".contains(operand)
        else { throw failure(back: 1) }
        var modulus: UInt64?
        if accept("mod") || accept("%") { modulus = try parseValue() }
        let negated: Bool
        if accept("=") || accept("in") {
            negated = false
        } else if accept("!=") {
            negated = true
        } else if accept("is") {
            negated = accept("not")
        } else if accept("not") && accept("in") {
            negated = true
        } else {
            throw failure()
        }
        var ranges: [ClosedRange<UInt64>] = []
        repeat {
            let low = try parseValue()
            let high = accept("..") ? try parseValue() : low
            guard low <= high else { throw failure(back: 1) }
            ranges.append(low...high)
        } while accept(",")
        return .relation(operand: operand, modulus: modulus, ranges: ranges, negated: negated)
    }

    private mutating func parseValue() throws(PluralRuleSyntaxError) -> UInt64 {
        guard let token = next(), let value = UInt64(token) else { throw failure(back: 1) }
        return value
    }

    /// The next token, or nil past the end; either way the position moves on, so that
    /// `failure(back: 1)` names what was just read.
    private mutating func next() -> Substring? {
        defer { index += 1 }
        return index < tokens.count ? tokens[index] : nil
    }

    private mutating func accept(_ word: String) -> Bool {
        guard index < tokens.count, tokens[index] == word else { return false }
        index += 1
        return true
    }

    private func failure(back: Int = 0) -> PluralRuleSyntaxError {
        let at = index - back
        return PluralRuleSyntaxError(rule: rule, found: at < tokens.count && at >= 0 ? String(tokens[at]) : "end of rule")
    }
}
