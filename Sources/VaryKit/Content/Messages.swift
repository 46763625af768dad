/// A locale's messages from `locales/<tag>.json`: message id → ICU MessageFormat pattern.
public struct LocaleMessages: Sendable {
    public var tag: String
    public var messages: [String: Message]
    public var location: SourceLocation
}

/// One message pattern and where it was written.
public struct Message: Sendable, Hashable {
    public var pattern: String
    public var location: SourceLocation
}
