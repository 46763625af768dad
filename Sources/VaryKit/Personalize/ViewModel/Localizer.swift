import Foundation
import Intl
import Mustache

/// A locale's messages after fallback, compiled once and formatted many times.
public struct Localizer: Sendable {
    public let tag: String
    private let formats: [String: MessageFormat]
    /// Messages with no arguments, already formatted.
    private let fixed: [String: String]
    /// Where each message came from, for the fallback report.
    public let resolutions: [String: TextResolution]

    /// Resolves every message id: the store's file for the tag, then for its language, then Vary's built-in
    /// text in that language, then the store's default locale (tag, language), then the built-in text in the
    /// default language, then in English. Numbers are written as `numbers` writes them (the page's numbering
    /// system, `ar-KW-u-nu-latn`), plural categories by each pattern's own language.
    public init(content: StoreContent, tag: String, numbers: String? = nil) {
        self.tag = tag
        let language = LocaleTag.language(tag)
        let defaultTag = content.site.defaultLocale
        var steps: [TextResolution.Source] = [.store(tag), .store(language), .builtIn(language)]
        steps += [.store(defaultTag), .store(LocaleTag.language(defaultTag)), .builtIn(LocaleTag.language(defaultTag)), .builtIn("en")]
        var seen: Set<TextResolution.Source> = []
        steps = steps.filter { seen.insert($0).inserted }

        var ids = Set(BuiltInTexts.byID.keys)
        for case .store(let key) in steps { ids.formUnion(content.locales[key].map { Array($0.messages.keys) } ?? []) }
        var formats: [String: MessageFormat] = [:]
        var resolutions: [String: TextResolution] = [:]
        for id in ids {
            for step in steps {
                let found: (MessageFormat, SourceLocation?)?
                switch step {
                case .store(let key): found = content.locales[key]?.messages[id].map { ($0.format, $0.location) }
                case .builtIn(let key): found = BuiltInTexts.format(id, language: key).map { ($0, nil) }
                }
                guard let (format, location) = found else { continue }
                formats[id] = numbers.map { format.writingNumbers(as: $0) } ?? format
                resolutions[id] = TextResolution(source: step, location: location, isExact: step.language == language)
                break
            }
        }
        self.formats = formats
        self.resolutions = resolutions
        var fixed: [String: String] = [:]
        for (id, format) in formats where format.argumentNames.isEmpty { fixed[id] = format.format([:]) }
        self.fixed = fixed
    }

    /// The message formatted with arguments; the id itself when the message does not exist (validation prevents that).
    public func format(_ id: String, _ arguments: [String: MessageArgument] = [:]) -> String {
        if let text = fixed[id] { return text }
        return formats[id]?.format(arguments) ?? id
    }

    /// Every message, formatted with the page's arguments and nested by the dots in their ids, for `{{t.nav.home}}`.
    public func messageTree(_ arguments: [String: MessageArgument]) -> Value {
        var root = MessageNode()
        for (id, format) in formats {
            let text = fixed[id] ?? format.format(arguments)
            root.insert(id.split(separator: ".").map(String.init)[...], text)
        }
        return root.value
    }

    /// The message tree with every message that does not use `varying` arguments already formatted, for pages
    /// that share the other arguments; `messageTree(_:over:)` fills in the rest per page.
    public struct SharedTree: Sendable {
        let base: Value
        /// The messages formatted per page, with their path in the tree (leaves only: a message whose id is
        /// also a prefix of others is not in the tree at all).
        let perPage: [(path: [String], format: MessageFormat)]
    }

    /// The shared part of the tree for pages whose arguments other than `varying` are `arguments`.
    public func sharedTree(_ arguments: [String: MessageArgument], varying: Set<String>) -> SharedTree {
        var root = MessageNode()
        var perPage: [(path: [String], format: MessageFormat)] = []
        for (id, format) in formats {
            let path = id.split(separator: ".").map(String.init)
            if fixed[id] == nil && !format.argumentNames.isDisjoint(with: varying) {
                root.insert(path[...], "")
                perPage.append((path, format))
            } else {
                root.insert(path[...], fixed[id] ?? format.format(arguments))
            }
        }
        let leaves = perPage.filter { root.isLeaf($0.path[...]) }
        return SharedTree(base: root.value, perPage: leaves.sorted { $0.path.lexicographicallyPrecedes($1.path) })
    }

    /// `messageTree(_:)` built from a shared tree made with the same arguments apart from the varying ones.
    public func messageTree(_ arguments: [String: MessageArgument], over shared: SharedTree) -> Value {
        var tree = shared.base
        for (path, format) in shared.perPage {
            Self.setLeaf(&tree, path[...], .string(format.format(arguments)))
        }
        return tree
    }

    private static func setLeaf(_ value: inout Value, _ path: ArraySlice<String>, _ leaf: Value) {
        guard let first = path.first else {
            value = leaf
            return
        }
        guard case .object(var children) = value else { return }
        value = .null  // drop the enum's reference so the dictionary below is uniquely held when it can be
        var child = children.removeValue(forKey: first) ?? .null
        setLeaf(&child, path.dropFirst(), leaf)
        children[first] = child
        value = .object(children)
    }

    private struct MessageNode {
        var text: String?
        var children: [String: MessageNode] = [:]

        mutating func insert(_ path: ArraySlice<String>, _ value: String) {
            guard let first = path.first else {
                text = value
                return
            }
            children[first, default: MessageNode()].insert(path.dropFirst(), value)
        }

        func isLeaf(_ path: ArraySlice<String>) -> Bool {
            guard let first = path.first else { return children.isEmpty }
            return children[first]?.isLeaf(path.dropFirst()) ?? false
        }

        var value: Value {
            if children.isEmpty { return .string(text ?? "") }
            return .object(children.mapValues(\.value))
        }
    }
}

/// Where a text shown to shoppers came from: the store's content or Vary's built-in table, and whether that
/// was in the page's language (exactly) or by falling back to another.
public struct TextResolution: Sendable, Hashable {
    /// A store's locale file (by its tag or language) or Vary's built-in text in a language.
    public enum Source: Sendable, Hashable {
        case store(String)
        case builtIn(String)

        /// The language of the text.
        var language: String {
            switch self {
            case .store(let key), .builtIn(let key): LocaleTag.language(key)
            }
        }
    }

    public var source: Source
    /// Where the store wrote it; nil for a built-in text.
    public var location: SourceLocation?
    /// Whether the text is in the page's language (its tag, or its language: `de` for a `de-CH` page).
    public var isExact: Bool
}

/// A build's localizers by the tag that writes numbers (`LocaleTag.numbersTag`), each made the first time a page or
/// the translation audit asks for it: a build that renders a few pages again makes a few of its hundreds.
public final class Localizers: @unchecked Sendable {
    // @unchecked: `made` is read and written only while holding `lock`; the rest is immutable.
    private let content: StoreContent
    /// The locale tag of each tag that writes numbers.
    private let tags: [String: String]
    /// For each locale tag, the first of its tags that write numbers (in sorted order).
    private let numbersTags: [String: String]
    private let lock = NSLock()
    private var made: [String: Localizer] = [:]

    /// Localizers for `tags` (numbers tag → locale tag) of `content`.
    init(content: StoreContent, tags: [String: String]) {
        self.content = content
        self.tags = tags
        numbersTags = Dictionary(tags.map { ($0.value, $0.key) }, uniquingKeysWith: min)
    }

    /// The localizer of a tag that writes numbers, nil when the build has no such tag. Two threads asking at once
    /// may both make it: they make the same, and the first one kept is the one every page gets.
    public subscript(numbersTag: String) -> Localizer? {
        guard let tag = tags[numbersTag] else { return nil }
        if let known = lock.withLock({ made[numbersTag] }) { return known }
        let localizer = Localizer(content: content, tag: tag, numbers: numbersTag)
        return lock.withLock {
            if let known = made[numbersTag] { return known }
            made[numbersTag] = localizer
            return localizer
        }
    }

    /// A localizer of the locale `tag`, whichever numbers it writes: where each message comes from is the same.
    func any(ofTag tag: String) -> Localizer {
        numbersTags[tag].flatMap { self[$0] } ?? Localizer(content: content, tag: tag)
    }
}
