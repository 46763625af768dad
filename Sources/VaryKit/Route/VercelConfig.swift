import DataFormats

/// `_vary/vercel/config.json`: the Build Output API v3 configuration (`.vercel/output/config.json`) that
/// routes as `RouteTable.resolve` decides, with the manifest's `Cache-Control`.
///
/// Routes run in order before `{"handle": "filesystem"}`: two header routes (`continue`) give every path
/// its `Cache-Control`; `/_vary/` answers the not-found page with 404; the root redirects with 302 on `has` conditions on the `x-vercel-ip-country`
/// header and the `Accept-Language` header's first entry; one route per segment rewrites every landing
/// page when the segment cookie's value is that segment. Route patterns cannot rank q-values, so the
/// language is read as nginx reads it (see the README); every other decision is the resolver's. After the
/// filesystem, the error phase answers a missing file with `/404.html` and status 404.
enum VercelConfig {
    /// The path of the configuration inside the output; deploying copies it to `.vercel/output/config.json`.
    static let path = "_vary/vercel/config.json"
    /// Vercel's limit on the routes of one deployment.
    static let routeLimit = 2048
    /// The header Vercel puts the visitor's country in.
    static let countryHeader = "x-vercel-ip-country"

    /// One of Foundation's `.whitespaces` characters.
    static let space = "[\\t \u{A0}\u{1680}\u{2000}-\u{200B}\u{202F}\u{205F}\u{3000}]"
    /// A fingerprinted file under `assets/`, as `ServingPolicy.isFingerprinted` decides.
    static let fingerprinted = "/assets/(?:[^/]*/)*[^/]*\\.[0-9a-f]{8}\\.[^/]*"

    /// The configuration for a table: sorted keys, two-space indentation, a final newline.
    static func json(for table: RouteTable) -> [UInt8] {
        var bytes = JSONWriter.bytes(.object(pairs: [("routes", .array(values: routes(for: table))), ("version", .number("3"))]), pretty: true)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The number of routes the configuration of a table holds.
    static func routeCount(for table: RouteTable) -> Int {
        routes(for: table).count
    }

    static func routes(for table: RouteTable) -> [JSONValue] {
        var routes: [JSONValue] = [
            headerRoute("^(?!\(fingerprinted)$).*$", ServingPolicy.revalidate),
            headerRoute("^\(fingerprinted)$", ServingPolicy.immutable),
            // The build's own files (manifest, report, configs) are published with the site but not for the public.
            notFoundRoute("^/_vary(?:/.*)?$"),
        ]
        let fallback = table.regions.first { $0.id == table.defaultRegion } ?? table.regions.first
        for region in table.regions where !region.countries.isEmpty {
            let codes = region.countries.map { NginxConfig.countryPattern($0, literal: escaped) }.joined(separator: "|")
            routes += rootRoutes(region, country: "^\(space)*(?:\(codes))\(space)*$")
        }
        if let fallback { routes += rootRoutes(fallback, country: nil) }
        let landings = table.regions.filter { !$0.locales.isEmpty }.map { region in
            escaped(region.id) + "/(?:" + region.locales.map { escaped($0.path) }.joined(separator: "|") + ")"
        }
        if !landings.isEmpty {
            for segment in table.segments {
                let value = "^\(space)*(?:\(escaped(segment))|\"\(escaped(segment))\")\(space)*$"
                routes.append(.object(pairs: [
                    ("dest", .string("/$1/for/\(segment)/index.html")),
                    ("has", .array(values: [condition("cookie", table.segmentCookie, value)])),
                    ("src", .string("^/(" + landings.joined(separator: "|") + ")/(?:index\\.html)?$")),
                ]))
            }
        }
        routes.append(.object(pairs: [("handle", .string("filesystem"))]))
        // What the filesystem does not have is answered with the site's not-found page, keeping the 404.
        routes.append(.object(pairs: [("handle", .string("error"))]))
        routes.append(notFoundRoute("^/.*$"))
        return routes
    }

    /// A route answering the paths `source` matches with the not-found page and status 404.
    private static func notFoundRoute(_ source: String) -> JSONValue {
        .object(pairs: [("dest", .string(PageSpec(kind: .notFound).path)), ("src", .string(source)), ("status", .number("404"))])
    }

    private static func headerRoute(_ source: String, _ cacheControl: String) -> JSONValue {
        .object(pairs: [
            ("continue", .bool(true)), ("headers", .object(pairs: [("Cache-Control", .string(cacheControl))])), ("src", .string(source)),
        ])
    }

    private static func condition(_ type: String, _ key: String, _ value: String) -> JSONValue {
        .object(pairs: [("key", .string(key)), ("type", .string(type)), ("value", .string(value))])
    }

    /// The root's redirects for a region: a locale by the first language range, by its language, else
    /// the region's first locale; `country` is the pattern of the region's countries, nil for any.
    private static func rootRoutes(_ region: RouteTable.Region, country: String?) -> [JSONValue] {
        guard let first = region.locales.first else { return [] }
        let countryCondition = country.map { [condition("header", countryHeader, $0)] } ?? []
        func redirect(_ locale: RouteTable.LocalePath, language: String?) -> JSONValue {
            let languageCondition = language.map {
                [condition("header", "accept-language", "^(?:\(space)*,)*\(space)*\($0)\(space)*(?:,.*)?$")]
            } ?? []
            let conditions = countryCondition + languageCondition
            return .object(pairs: (conditions.isEmpty ? [] : [("has", .array(values: conditions))]) + [
                ("headers", .object(pairs: [("Location", .string("/\(region.id)/\(locale.path)/"))])),
                ("src", .string("^/$")), ("status", .number("302")),
            ])
        }
        var routes = region.locales.map { redirect($0, language: caseless($0.tag)) }
        var languages: Set<String> = []
        for locale in region.locales {
            let language = String(locale.tag.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)[0])
            guard languages.insert(language.lowercased()).inserted else { continue }
            routes.append(redirect(locale, language: caseless(language) + "(?:-[A-Za-z0-9]{1,8})*"))
        }
        routes.append(redirect(first, language: nil))
        return routes
    }

    /// Text with the regex metacharacters escaped (and only those: `-` and `/` are literal in every
    /// route regex dialect, while an escaped `-` is an error in some).
    static func escaped(_ text: String) -> String {
        NginxConfig.escaped(text, metacharacters: "\\^$.|?*+()[]{}")
    }

    /// ASCII text as a pattern that ignores case (route patterns take no flags).
    private static func caseless(_ text: String) -> String {
        text.map { character in
            let lower = character.lowercased(), upper = character.uppercased()
            return character.isASCII && character.isLetter && lower != upper ? "[\(upper)\(lower)]" : escaped(String(character))
        }.joined()
    }
}
