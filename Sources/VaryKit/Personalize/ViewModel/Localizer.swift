import Intl
import Mustache

/// A locale's messages after fallback, compiled once and formatted many times.
public struct Localizer: Sendable {
    public let tag: String
    private let formats: [String: MessageFormat]
    /// Messages with no arguments, already formatted.
    private let fixed: [String: String]

    /// Resolves every message id along the fallback chain (tag, language, default tag, default language).
    public init(content: StoreContent, tag: String) {
        self.tag = tag
        var formats: [String: MessageFormat] = [:]
        let chain = LocaleTag.fallbackChain(tag, defaultTag: content.site.defaultLocale)
        for key in chain.reversed() {
            guard let file = content.locales[key] else { continue }
            for (id, message) in file.messages {
                formats[id] = message.format
            }
        }
        self.formats = formats
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
