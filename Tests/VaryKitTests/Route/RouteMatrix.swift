import DataFormats
import Foundation
@testable import VaryKit

/// Requests that every CDN config is checked against `RouteTable.resolve` with: paths of every kind,
/// countries, segment cookies (good, unknown, malformed, lookalike names, duplicates) and languages.
enum RouteMatrix {
    static let paths = [
        "/", "/?utm_source=mail&b=2", "/?", "/dach/de-de/", "/dach/fr-ch/?x=1", "/dach/de-at/index.html", "/us/en-us/",
        "/jp/ja-jp/", "/dach/xx-yy/", "/nope/en-us/", "/dach/de-de/extra", "/dach/de-de/for/outdoor/", "/assets/app.css",
        "/dach", "/dach/de-de", "/DACH/de-de/", "/dach/DE-DE/",
    ]
    static let countries: [String?] = [nil, "DE", "ch", " at ", "FR", "", "DEU", "u\u{17F}", "\u{3000}JP"]
    static let cookies: [String?] = [
        nil, "vary_segment=outdoor", "a=1; vary_segment=families", "vary_segment=\"outdoor\"", "VARY_SEGMENT=outdoor",
        "vary_segment=Outdoor", "vary_segment=unknown", "vary_segment=everyone", "xvary_segment=outdoor",
        "vary_segment_x=outdoor", "vary_segment=bad!; vary_segment=outdoor", " vary_segment = outdoor ; x=1",
        "vary_segment=\"outdoor", "vary_segment=outdoor;", ";;vary_segment=families", "vary_segment=-x",
        "vary_segment=out door", "vary_segment=", "vary_segment", "vary_segment=outdoor\u{3000}",
        "vary_segment=outdoor;\u{301} x=1", "a=1\u{37E}vary_segment=outdoor", "vary_segment=\u{301}x; vary_segment=outdoor",
        "vary_segment=\"\"", "vary_segment=families=1",
    ]
    static let languages: [String?] = [
        nil, "fr", "de-AT;q=0.5, fr;q=0.5", "fr-CH;q=0.8, de-AT", "*", "fr;q=0", "fr;q=1.5, de-AT", "de-AT;Q=0.9",
        "es-MX,en;q=0.5", "fr;q=0.", "de-AT;q=0.5;x=1, fr", "fr,\u{301}de-AT", "  de-at  ", "1de",
    ]

    /// Every request of the matrix: all paths with a few headers, and the root and a landing page with all.
    static var requests: [RouteRequest] {
        var requests: [RouteRequest] = []
        for path in paths {
            requests.append(RouteRequest(path: path))
            requests.append(RouteRequest(path: path, country: "CH", cookieHeader: "vary_segment=outdoor", acceptLanguage: "fr"))
        }
        for country in countries {
            for language in languages { requests.append(RouteRequest(path: "/", country: country, acceptLanguage: language)) }
        }
        for cookie in cookies {
            requests.append(RouteRequest(path: "/dach/fr-ch/", cookieHeader: cookie))
            requests.append(RouteRequest(path: "/us/en-us/index.html?a=1", country: "JP", cookieHeader: cookie))
        }
        return requests
    }

    /// Requests for a served output of `table`: its landing pages and real files, its countries in every
    /// spelling, the cookie cases for its first segment, and the `Accept-Language` headers nginx reads
    /// exactly (those whose first entry is a range without parameters; see the README for the others).
    static func nginxRequests(for table: RouteTable) -> [RouteRequest] {
        let segment = table.segments.first ?? "none"
        var paths = ["/", "/?utm_source=mail&b=2", "/?", "/robots.txt", "/sitemap.xml", "/assets/app.css", "/nope/en-us/"]
        for region in table.regions {
            paths += ["/\(region.id)", "/\(region.id.uppercased())/\(region.locales[0].path)/"]
            for locale in region.locales {
                let base = "/\(region.id)/\(locale.path)/"
                paths += [base, base + "index.html", base + "?a=1", base + "for/\(segment)/", base + "extra"]
            }
        }
        var countries: [String?] = [nil, "", "FR", "DEU", "u\u{17F}", "\u{212A}W", "\u{3000}JP\u{A0}", "j\u{200B}p"]
        for region in table.regions { countries += region.countries.flatMap { [$0, " \($0.lowercased())\t"] } }
        let cookieCases = cookies.filter { cookie in
            !(cookie ?? "").unicodeScalars.contains { $0.value == 0x301 || $0.value == 0x37E }
        }.map { $0?.replacingOccurrences(of: "outdoor", with: segment).replacingOccurrences(of: "families", with: segment) }
        let languages: [String?] = [
            nil, "", "en", "EN-gb", "de-AT, en", "en, de", " , en", "*", "x-klingon", "ja", "ar-EG", "fr", "de-DE-1901",
            "toolongsubtag", "en;q=0.5, de-DE", "de-toolongsubtag9",
        ]
        var requests: [RouteRequest] = []
        for path in paths {
            requests.append(RouteRequest(path: path))
            requests.append(RouteRequest(path: path, country: "AT", cookieHeader: "vary_segment=\(segment)", acceptLanguage: "en"))
        }
        for country in countries {
            for language in languages { requests.append(RouteRequest(path: "/", country: country, acceptLanguage: language)) }
        }
        let landings = table.regions.flatMap { region in region.locales.map { "/\(region.id)/\($0.path)/" } }
        for cookie in cookieCases {
            for landing in landings { requests.append(RouteRequest(path: landing, cookieHeader: cookie)) }
        }
        return requests
    }

    /// The matrix as JSON for the node harnesses: `[{path, country, cookie, acceptLanguage}]`.
    static func json(_ requests: [RouteRequest]) -> [UInt8] {
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        return JSONWriter.bytes(
            .array(values: requests.map {
                .object(pairs: [
                    ("path", .string($0.path)), ("country", text($0.country)), ("cookie", text($0.cookieHeader)),
                    ("acceptLanguage", text($0.acceptLanguage)),
                ])
            }), pretty: false)
    }
}

/// A program found on `PATH`, for tests that check generated configs with the real thing.
enum ExternalTool {
    /// The executable's URL, or nil when it is not installed.
    static func find(_ name: String) -> URL? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/local/sbin"]
        return directories.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether tests that need the tool run: always under CI (where a missing tool is a failure), else when installed.
    static func shouldTest(_ name: String) -> Bool {
        ProcessInfo.processInfo.environment["CI"] != nil || find(name) != nil
    }

    /// Runs a program to completion and returns its standard output; standard error is kept on failure.
    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}

/// The route fixtures folder (node harnesses).
enum RouteFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/route")
}
