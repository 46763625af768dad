/// What a tag does, from the character after its opening delimiter.
enum TagKind: Equatable {
    case variable(escaped: Bool)
    case section
    case invertedSection
    case close
    case comment
    case partial
    case parent
    case block
    case delimiters

    /// Whether the tag may stand alone on a line and take the line with it.
    var canStandAlone: Bool {
        if case .variable = self { return false }
        return true
    }

    /// Whether the tag's name is looked up in the context (and so may be dotted).
    var looksUpContext: Bool {
        switch self {
        case .variable, .section, .invertedSection: return true
        default: return false
        }
    }

    /// Whether the tag opens something a close tag ends.
    var opens: Bool {
        switch self {
        case .section, .invertedSection, .parent, .block: return true
        default: return false
        }
    }

    /// The tag's sigil as a template author writes it.
    var sigil: String {
        switch self {
        case .variable(let escaped): return escaped ? "" : "&"
        case .section: return "#"
        case .invertedSection: return "^"
        case .close: return "/"
        case .comment: return "!"
        case .partial: return ">"
        case .parent: return "<"
        case .block: return "$"
        case .delimiters: return "="
        }
    }

    /// How an error message names what this tag opens.
    var noun: String {
        switch self {
        case .invertedSection: return "inverted section"
        case .parent: return "parent"
        case .block: return "block"
        default: return "section"
        }
    }
}

/// One piece of a template's source: text (never spanning a line break) or a tag.
struct Token {
    enum Kind { case text, tag(TagKind) }

    var kind: Kind
    /// The bytes the token covers in the source, delimiters included.
    var range: Range<Int>
    /// The tag's name, trimmed, without a dynamic name's `*`; empty for text.
    var name: String = ""
    /// Whether a partial or parent name is looked up in the context (`{{>*name}}`).
    var isDynamic: Bool = false
    /// 1-based line and column of the token's first byte.
    var line: Int
    var column: Int

    /// The name a close tag must repeat: a dynamic name keeps its `*` (`{{<*layout}}…{{/*layout}}`).
    var closingName: String { isDynamic ? "*" + name : name }

    var tagKind: TagKind? {
        if case .tag(let kind) = kind { return kind }
        return nil
    }
}
