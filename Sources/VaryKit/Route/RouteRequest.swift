/// What the resolver looks at in a request.
public struct RouteRequest: Sendable, Hashable {
    /// The request target's path, possibly with a query string (`/de/de-de/?utm_source=x`).
    public var path: String
    /// The visitor's country from the CDN's geo header, if any.
    public var country: String?
    /// The raw `Cookie` header, if any.
    public var cookieHeader: String?
    /// The raw `Accept-Language` header, if any.
    public var acceptLanguage: String?

    /// A request.
    public init(path: String, country: String? = nil, cookieHeader: String? = nil, acceptLanguage: String? = nil) {
        self.path = path
        self.country = country
        self.cookieHeader = cookieHeader
        self.acceptLanguage = acceptLanguage
    }
}

/// What to do with a request: the one answer every server and CDN config must agree with.
public enum RouteDecision: Sendable, Hashable {
    /// Answer 302 with this `Location` (a path, with the request's query string kept).
    case redirect(String)
    /// Serve the file at this path in place of the requested one, without telling the browser.
    case rewrite(String)
    /// Serve the file at this path, which is the requested one (the file server may answer 404).
    case serve(String)
    /// The path is not one a server should look up (not absolute, or with `.` or `..` segments).
    case notFound
}
