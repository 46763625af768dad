import DataFormats
import Foundation
import Testing
@testable import VaryKit

/// The Build Output API's routing as documented: routes in order; a route matches when its `src` matches
/// the path, every `has` condition holds and no `missing` one does (a `value` must match the whole
/// header or cookie value); its `headers` are added; `status` answers at once (with its `Location` and
/// the request's query string); `dest` rewrites the path (`$1` is `src`'s first group); without
/// `continue` the phase ends; then `{"handle": "filesystem"}` serves the file at the path (a directory's
/// `index.html`).
private struct VercelRouter {
    enum Answer: Equatable {
        case redirect(status: Int, location: String)
        case file(String)
        /// An error status answered with a file (`dest`), such as 404 with `/404.html`.
        case error(status: Int, file: String)
    }

    let routes: [JSONNode]

    init(_ config: [UInt8]) throws {
        let root = try JSON.parse(config)
        #expect(root["version"]?.int == 3)
        routes = root["routes"]?.array ?? []
    }

    /// The answer and the response headers for a path (with query), request headers (names lowercased).
    func answer(_ target: String, headers: [String: String]) throws -> (Answer, [String: String]) {
        let (path, query) = target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) } ?? (target, "")
        var responseHeaders: [String: String] = [:]
        var current = path
        for route in routes {
            if route["handle"] != nil { break }
            guard let source = route["src"]?.string, let groups = try Self.match(source, current) else { continue }
            let has = try (route["has"]?.array ?? []).allSatisfy { try holds($0, headers: headers) }
            let missing = try (route["missing"]?.array ?? []).contains { try holds($0, headers: headers) }
            guard has && !missing else { continue }
            for member in route["headers"]?.members ?? [] { responseHeaders[member.key] = member.value.string }
            if let status = route["status"]?.int {
                if let dest = route["dest"]?.string, !(300..<400).contains(status) {
                    return (.error(status: status, file: dest), responseHeaders)
                }
                let location = responseHeaders["Location"] ?? ""
                return (.redirect(status: status, location: location + (query.isEmpty ? "" : "?" + query)), responseHeaders)
            }
            if let dest = route["dest"]?.string {
                current = groups.enumerated().reduce(dest) { $0.replacingOccurrences(of: "$\($1.offset + 1)", with: $1.element) }
            }
            if route["continue"]?.bool != true { break }
        }
        return (.file(Self.file(current)), responseHeaders)
    }

    /// The answer of the error phase (the routes after `{"handle": "error"}`) for a path the filesystem lacks.
    func missing(_ path: String) throws -> Answer? {
        guard let start = routes.firstIndex(where: { $0["handle"]?.string == "error" }) else { return nil }
        for route in routes[(start + 1)...] {
            guard let source = route["src"]?.string, try Self.match(source, path) != nil else { continue }
            if let status = route["status"]?.int, let dest = route["dest"]?.string { return .error(status: status, file: dest) }
        }
        return nil
    }

    /// The file the filesystem serves for a path: a directory's `index.html`.
    static func file(_ path: String) -> String {
        path.hasSuffix("/") ? path + "index.html" : path
    }

    private func holds(_ condition: JSONNode, headers: [String: String]) throws -> Bool {
        let key = condition["key"]?.string ?? ""
        let found: String?
        switch condition["type"]?.string {
        case "header": found = headers[key.lowercased()]
        case "cookie": found = headers["cookie"].flatMap { Self.cookie(named: key, in: $0) }
        default: Issue.record("unexpected condition \(condition)"); return false
        }
        guard let found else { return false }
        guard let pattern = condition["value"]?.string else { return true }
        return try Self.match(pattern, found) != nil
    }

    /// The groups of a whole-text match, or nil.
    static func match(_ pattern: String, _ text: String) throws -> [String]? {
        let regex = try NSRegularExpression(pattern: pattern)
        let whole = NSRange(text.startIndex..., in: text)
        guard let found = regex.firstMatch(in: text, range: whole), found.range == whole else { return nil }
        return (1..<max(found.numberOfRanges, 1)).map { index in
            Range(found.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    /// A cookie as servers parse the header: pairs split at `;`, name and value trimmed of spaces and
    /// tabs, the first pair of a name counts.
    static func cookie(named name: String, in header: String) -> String? {
        for pair in header.split(separator: ";") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            if pair[..<equals].trimmingCharacters(in: CharacterSet(charactersIn: " \t")) == name {
                return pair[pair.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            }
        }
        return nil
    }
}

/// The `Accept-Language` the routes read: the first non-blank entry when it has no parameters.
private func firstPlainEntry(_ header: String?) -> String? {
    for item in (header ?? "").split(separator: ",") {
        let entry = item.trimmingCharacters(in: .whitespaces)
        if !entry.isEmpty { return entry.contains(";") ? nil : entry }
    }
    return nil
}

@Suite("The Vercel Build Output configuration")
struct VercelConfigTests {
    /// Vercel parses the Cookie header itself, so requests whose cookies or languages are not ASCII (where
    /// grapheme clusters decide the resolver's split) are left to the README.
    let requests = RouteMatrix.requests.filter { request in
        (request.cookieHeader ?? "").unicodeScalars.allSatisfy(\.isASCII) && (request.acceptLanguage ?? "").unicodeScalars.allSatisfy(\.isASCII)
    }

    private func answer(_ request: RouteRequest, table: RouteTable = sampleRoutes) throws -> (VercelRouter.Answer, [String: String]) {
        var headers: [String: String] = [:]
        headers[VercelConfig.countryHeader] = request.country
        headers["cookie"] = request.cookieHeader
        headers["accept-language"] = request.acceptLanguage
        return try VercelRouter(VercelConfig.json(for: table)).answer(request.path, headers: headers)
    }

    @Test("the routes redirect, rewrite or serve as the resolver decides for every request of the matrix")
    func matrix() throws {
        #expect(requests.count > 150)
        for request in requests {
            var documented = request
            documented.acceptLanguage = firstPlainEntry(request.acceptLanguage)
            let (answer, headers) = try answer(request)
            switch sampleRoutes.resolve(documented) {
            case .redirect(let location): #expect(answer == .redirect(status: 302, location: location), "\(request)")
            case .rewrite(let path), .serve(let path): #expect(answer == .file(VercelRouter.file(path)), "\(request)")
            case .notFound: Issue.record("the matrix has no paths with dot segments")
            }
            #expect(headers["Cache-Control"] == ServingPolicy.revalidate, "\(request)")
        }
    }

    @Test("where the first language entry is plain, the routes follow the resolver's full ranking")
    func plainFirstEntry() throws {
        for country in RouteMatrix.countries {
            for language in ["de-AT, fr", "fr", "  de-at  ", "es-MX,en;q=0.5", "*", "en-GB", "x-klingon", "de-toolongsubtag9"] {
                let request = RouteRequest(path: "/", country: country, acceptLanguage: language)
                guard case .redirect(let location) = sampleRoutes.resolve(request) else { Issue.record("\(request)"); continue }
                #expect(try answer(request).0 == .redirect(status: 302, location: location), "\(request)")
            }
        }
    }

    @Test("fingerprinted assets are served immutable and every other path must revalidate, as the manifest says")
    func cacheHeaders() throws {
        for path in ["/assets/css/store.1a2b3c4d.css", "/assets/app.0badf00d.js", "/assets/app.css", "/assets/x.1A2B3C4D.css", "/robots.txt", "/us/en-us/"] {
            let headers = try answer(RouteRequest(path: path)).1
            #expect(headers["Cache-Control"] == ServingPolicy.cacheControl(for: String(path.dropFirst())), "\(path)")
        }
    }

    @Test("/_vary/ is answered with the not-found page and 404, however deep, and nothing else under a similar name")
    func hidesVaryFolder() throws {
        for path in ["/_vary", "/_vary/", "/_vary/report.json", "/_vary/manifest.json", "/_vary/vercel/config.json"] {
            let (answer, headers) = try answer(RouteRequest(path: path))
            #expect(answer == .error(status: 404, file: "/404.html"), "\(path)")
            #expect(headers["Cache-Control"] == ServingPolicy.revalidate, "\(path)")
        }
        #expect(try answer(RouteRequest(path: "/_varying/page.html")).0 == .file("/_varying/page.html"))
    }

    @Test("a path the filesystem lacks is answered in the error phase with /404.html and status 404")
    func notFoundPage() throws {
        let router = try VercelRouter(VercelConfig.json(for: sampleRoutes))
        for path in ["/no-such-page/", "/us/en-us/promotions/gone/", "/assets/missing.css"] {
            #expect(try router.missing(path) == .error(status: 404, file: "/404.html"), "\(path)")
        }
    }

    @Test("the configuration is version 3, has the filesystem then the error phase, and the same table gives the same bytes")
    func shape() throws {
        let config = VercelConfig.json(for: sampleRoutes)
        let routes = try #require(try JSON.parse(config)["routes"]?.array)
        let handles = routes.compactMap { $0["handle"]?.string }
        #expect(handles == ["filesystem", "error"])
        #expect(routes.last?["dest"]?.string == "/404.html" && routes.last?["status"]?.int == 404)
        #expect(routes.count == VercelConfig.routeCount(for: sampleRoutes))
        let reordered = RouteTable(
            defaultRegion: "us", defaultSegment: "everyone", segments: ["outdoor", "families"], regions: sampleRoutes.regions.reversed())
        #expect(VercelConfig.json(for: reordered) == config)
        #expect(config.last == UInt8(ascii: "\n"))
    }

    @Test("one route per segment covers every landing page, so routes grow with locales, not with locales × segments")
    func routeCount() {
        let regions = (0..<50).map { index in
            RouteTable.Region(id: "r\(index)", countries: ["C\(index)"], locales: (0..<10).map { .init(tag: "l\($0)-R\(index)") })
        }
        let table = RouteTable(defaultRegion: "r0", defaultSegment: "all", segments: (0..<20).map { "s\($0)" }, regions: regions)
        // Per region: 10 locales, 10 languages, the region's fallback; then the default region again.
        #expect(VercelConfig.routeCount(for: table) == 3 + 50 * 21 + 21 + 20 + 3)
    }
}

@Suite("Vercel's route limit")
struct VercelRouteLimitTests {
    @Test("a store whose routes exceed Vercel's limit is an error at site.json naming the count and the limit")
    func tooManyRoutes() {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let codes = letters.flatMap { first in letters.map { String([first, $0]) } }
        let regions = (0..<200).map { index in
            let locales = (0..<10).map { "\"en-\(codes[$0])\"" }.joined(separator: ", ")
            return "{\"id\": \"r\(index)\", \"name\": \"R\(index)\", \"countries\": [\"\(codes[index + 26])\"], \"currency\": \"EUR\", \"locales\": [\(locales)]}"
        }
        let site = String(decoding: MiniStore.content().files["site.json"]!, as: UTF8.self)
            .replacingOccurrences(of: "\"defaultRegion\": \"us\"", with: "\"defaultRegion\": \"r0\"")
        let vercel = site.replacingOccurrences(of: "[\"nginx\", \"netlify\"]", with: "[\"vercel\"]")
        let errors = MiniStore.errors(content: ["regions.json": "[" + regions.joined(separator: ",\n") + "]", "site.json": vercel])
            .filter { $0.contains("routing 'vercel'") }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("content/site.json:") == true, "\(errors)")
        #expect(errors.first?.contains("needs 2419 routes, more than the 2048 Vercel accepts in one deployment") == true)
        let others = MiniStore.errors(content: ["regions.json": "[" + regions.joined(separator: ",\n") + "]", "site.json": site])
        #expect(!others.contains { $0.contains("routing") })
    }
}

@Suite("The Vercel routes in JavaScript's regex dialect", .enabled(if: ExternalTool.shouldTest("node")))
struct VercelRegexDialectTests {
    @Test("every src and has value compiles as a JavaScript RegExp, with the unicode flag too")
    func compiles() throws {
        let node = try #require(ExternalTool.find("node"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vary-vercel-\(UUID().uuidString).json")
        try Data(VercelConfig.json(for: sampleRoutes)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            const routes = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).routes;
            let count = 0;
            for (const route of routes) {
              for (const pattern of [route.src, ...(route.has || []).map((c) => c.value)]) {
                if (pattern === undefined) continue;
                new RegExp(pattern); new RegExp(pattern, "u"); count++;
              }
            }
            console.log(count);
            """
        let result = try ExternalTool.run(node, ["-e", script, file.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 20)
    }
}
