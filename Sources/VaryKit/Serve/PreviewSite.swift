/// Answers one request from the output folder the way the CDN would, plus what the preview adds:
/// `?segment=` and `?country=` to simulate visitors, the preview bar, and the build-error page.
struct PreviewSite: Sendable {
    /// What to do with a connection.
    enum Reply: Sendable {
        case response(HTTPResponse)
        /// Keep the connection open as a live-reload event stream.
        case eventStream
    }

    /// The path of the live-reload stream.
    static let eventsPath = "/_vary/events"

    let files: OutputFiles
    let state: PreviewState

    func reply(to request: HTTPRequest) -> Reply {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .response(.text(405, "\(request.method) is not allowed: the preview only reads", fields: [.init(name: "Allow", value: "GET, HEAD")]))
        }
        let target = RequestTarget(request.target)
        do {
            _ = try RequestTarget.decodedPath(target.rawPath)
        } catch {
            return .response(problem(error))
        }
        if target.rawPath == Self.eventsPath {
            return request.method == "GET" ? .eventStream : .response(HTTPResponse(status: 200, contentType: "text/event-stream", body: []))
        }
        return .response(respond(to: request, target: target, state: state.snapshot()))
    }

    private func respond(to request: HTTPRequest, target: RequestTarget, state: PreviewState.Snapshot) -> HTTPResponse {
        guard let routes = state.routes else {
            return serve(target.rawPath, target: target, segment: nil, routes: nil, state: state)
        }
        if let segment = target.query("segment") {
            return switchSegment(to: segment, target: target, routes: routes)
        }
        let country = target.query("country") ?? request.header(routes.countryHeader)
        let routed = RouteRequest(
            path: target.rawPath + target.query(without: ["country"]), country: country,
            cookieHeader: request.header("Cookie"), acceptLanguage: request.header("Accept-Language"))
        let cookieSegment = routes.segment(fromCookieHeader: request.header("Cookie"))
        switch routes.resolve(routed) {
        case .redirect(let location): return .redirect(302, to: location)
        case .rewrite(let path), .serve(let path): return serve(path, target: target, segment: cookieSegment, routes: routes, state: state)
        case .notFound: return notFound(target: target, routes: routes, state: state)
        }
    }

    /// Sets (or, for the default segment, clears) the segment cookie and sends the browser back to the
    /// URL without `segment=`, so the address bar shows the URL a visitor would see.
    private func switchSegment(to segment: String, target: RequestTarget, routes: RouteTable) -> HTTPResponse {
        let location = target.rawPath + target.query(without: ["segment"])
        let cookie: String
        if segment == routes.defaultSegment {
            cookie = "\(routes.segmentCookie)=; Path=/; Max-Age=0; SameSite=Lax"
        } else if routes.segments.contains(segment) {
            cookie = "\(routes.segmentCookie)=\(segment); Path=/; SameSite=Lax"
        } else {
            let known = ([routes.defaultSegment] + routes.segments).joined(separator: ", ")
            return .text(400, "unknown segment '\(segment)'; the segments are \(known)")
        }
        return .redirect(302, to: location, fields: [.init(name: "Set-Cookie", value: cookie)])
    }

    private func serve(
        _ rawPath: String, target: RequestTarget, segment: String?, routes: RouteTable?, state: PreviewState.Snapshot
    ) -> HTTPResponse {
        let path: String
        do { path = try RequestTarget.decodedPath(rawPath) } catch { return problem(error) }
        switch files.lookup(path) {
        case .folder:
            return .redirect(301, to: target.rawPath + "/" + target.query(without: []))
        case .missing:
            return notFound(target: target, routes: routes, state: state)
        case .file(let bytes, let contentType):
            guard contentType.hasPrefix("text/html") else { return HTTPResponse(status: 200, contentType: contentType, body: bytes) }
            var bar = self.bar(for: path, segment: segment, routes: routes, generation: state.generation)
            if let failure = state.failure { return errorPage(failure, bar: bar) }
            bar.warnings = state.warnings
            return HTTPResponse(status: 200, contentType: contentType, body: PreviewInjection.inject(into: bytes, bar: bar))
        }
    }

    /// 404 with the site's `404.html` (as the CDN configs answer), or the error page when the build failed
    /// and a page was asked for (the page may be one the failed build would have added).
    private func notFound(target: RequestTarget, routes: RouteTable?, state: PreviewState.Snapshot) -> HTTPResponse {
        let path = (try? RequestTarget.decodedPath(target.rawPath)) ?? "/"
        let bar = bar(for: path, segment: nil, routes: routes, generation: state.generation)
        if let failure = state.failure, path.hasSuffix("/") || path.hasSuffix(".html") {
            return errorPage(failure, bar: bar)
        }
        guard case .file(let bytes, let contentType) = files.lookup("/" + PageSpec(kind: .notFound).file) else {
            return .text(404, "not found: \(target.rawPath)")
        }
        var withWarnings = bar
        withWarnings.warnings = state.warnings
        return HTTPResponse(status: 404, contentType: contentType, body: PreviewInjection.inject(into: bytes, bar: withWarnings))
    }

    private func errorPage(_ diagnostics: [Diagnostic], bar: PreviewInjection.Bar) -> HTTPResponse {
        HTTPResponse(status: 500, contentType: "text/html; charset=utf-8", body: PreviewInjection.errorPage(diagnostics, bar: bar))
    }

    private func problem(_ problem: RequestTarget.Problem) -> HTTPResponse {
        switch problem {
        case .malformed: .text(400, "malformed request: the path's percent-encoding is not valid UTF-8")
        case .forbidden: .text(404, "not found")
        }
    }

    /// The bar for the file at `path`: its region and locale when it is under `/{r}/{l}/`, the segment
    /// of a `/for/{s}/` page, else the cookie's segment, else the default.
    private func bar(for path: String, segment cookieSegment: String?, routes: RouteTable?, generation: Int) -> PreviewInjection.Bar {
        guard let routes else { return PreviewInjection.Bar(segment: "", switches: [], generation: generation) }
        let parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var region: String?
        var locale: String?
        if parts.count >= 2, let match = routes.regions.first(where: { $0.id == parts[0] }),
            match.locales.contains(where: { $0.path == parts[1] })
        {
            region = parts[0]
            locale = parts[1]
        }
        var segment = cookieSegment ?? routes.defaultSegment
        if region != nil, parts.count >= 4, parts[2] == "for" { segment = parts[3] }
        let landing = region.map { "/\($0)/\(locale!)/" } ?? path
        let switches = ([routes.defaultSegment] + routes.segments).map { ($0, landing + "?segment=" + $0) }
        return PreviewInjection.Bar(region: region, locale: locale, segment: segment, switches: switches, generation: generation)
    }
}
