import Intl

/// A locale's messages from `locales/<tag>.json`: message id → ICU MessageFormat pattern.
public struct LocaleMessages: Sendable {
    public var tag: String
    public var messages: [String: Message]
    public var location: SourceLocation
}

/// One message, compiled once for its file's locale when it is loaded, and where it was written.
public struct Message: Sendable {
    public var format: MessageFormat
    public var location: SourceLocation

    public var pattern: String { format.pattern }
}
