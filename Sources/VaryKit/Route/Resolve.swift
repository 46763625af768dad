extension RouteTable {
    /// Decides which file answers a request: `/` redirects to the visitor's region and locale, a
    /// landing page is rewritten to the segment cookie's variant when that segment has one, and
    /// every other path is served as it is.
    public func resolve(_ request: RouteRequest) -> RouteDecision {
        let (path, query) = Self.splitQuery(request.path)
        guard path.hasPrefix("/") else { return .notFound }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .notFound }

        if path == "/" {
            guard let region = region(forCountry: request.country),
                let locale = locale(in: region, acceptLanguage: request.acceptLanguage)
            else { return .notFound }
            return .redirect("/\(region.id)/\(locale.path)/" + (query.map { "?" + $0 } ?? ""))
        }

        if isLanding(segments) {
            let base = "/\(segments[0])/\(segments[1])/"
            if let segment = segment(fromCookieHeader: request.cookieHeader) {
                return .rewrite(base + "for/\(segment)/index.html")
            }
            return .serve(base + "index.html")
        }
        return .serve(path)
    }

    /// `/{r}/{l}/` or `/{r}/{l}/index.html` for a known region and one of its locales.
    private func isLanding(_ segments: [Substring]) -> Bool {
        guard segments.count == 3, segments[2] == "" || segments[2] == "index.html",
            let region = regions.first(where: { $0.id == segments[0] })
        else { return false }
        return region.locales.contains { $0.path == segments[1] }
    }

    /// The path and the query string (without `?`); a fragment, which browsers never send, is dropped.
    private static func splitQuery(_ target: String) -> (path: String, query: String?) {
        let withoutFragment = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let mark = withoutFragment.firstIndex(of: "?") else { return (String(withoutFragment), nil) }
        let query = withoutFragment[withoutFragment.index(after: mark)...]
        return (String(withoutFragment[..<mark]), query.isEmpty ? nil : String(query))
    }
}
