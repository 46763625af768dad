/// One generated HTML page handed to the check stage, with the language it was rendered for.
public struct CheckedPage: Sendable, Hashable {
    /// The page's path relative to the output folder, `de/de-de/index.html`.
    public var path: String
    /// The page's bytes as they will be written.
    public var bytes: [UInt8]
    /// The locale tag the page was rendered for (`de-DE`), or nil when unknown.
    public var expectedLanguage: String?
    /// The page template it was rendered from (`pages/landing`), when known, so problems can be traced to it.
    public var template: String?

    /// Creates a page to check from its output-relative path, its bytes, its locale tag and its page template.
    public init(path: String, bytes: [UInt8], expectedLanguage: String? = nil, template: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.expectedLanguage = expectedLanguage
        self.template = template
    }
}
