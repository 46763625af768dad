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
                if let format = try? MessageFormat(message.pattern, localeTag: file.tag) { formats[id] = format }
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

        var value: Value {
            if children.isEmpty { return .string(text ?? "") }
            return .object(children.mapValues(\.value))
        }
    }
}
