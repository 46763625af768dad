import Foundation

/// The routing table every server and CDN config follows: which regions and locales exist, which
/// countries belong to which region, and which segments have their own landing pages.
///
/// Its JSON form is `_vary/routes.json`, written with sorted keys; the initializer sorts regions by
/// id, segments and countries alphabetically (countries uppercased), and keeps each region's locale
/// order because the first locale is the region's default. Identical content gives identical bytes.
public struct RouteTable: Sendable, Hashable, Codable {
    /// One locale of a region: its BCP 47 tag and its URL path segment (the tag lowercased).
    public struct LocalePath: Sendable, Hashable, Codable {
        /// The locale tag, such as `de-DE`.
        public var tag: String
        /// The path segment, such as `de-de`.
        public var path: String

        /// A locale whose path is its tag lowercased, as the URLs use.
        public init(tag: String) {
            self.tag = tag
            self.path = tag.lowercased()
        }
    }

    /// A region as routing sees it.
    public struct Region: Sendable, Hashable, Codable {
        /// The region id, the first path segment (`de`).
        public var id: String
        /// ISO 3166-1 alpha-2 codes of the countries whose visitors land here, uppercased and sorted.
        public var countries: [String]
        /// The region's locales; the first is its default.
        public var locales: [LocalePath]

        /// A region; countries are normalized, locale order is kept.
        public init(id: String, countries: [String], locales: [LocalePath]) {
            self.id = id
            self.countries = Set(countries.map { $0.uppercased() }).sorted()
            self.locales = locales
        }
    }

    /// The region for visitors whose country no region lists.
    public var defaultRegion: String
    /// The name of the cookie that carries the visitor's segment id (`vary_segment`).
    public var segmentCookie: String
    /// The request header a CDN puts the visitor's country in (`X-Country`).
    public var countryHeader: String
    /// The segment whose landing page is the canonical one at `/{r}/{l}/`.
    public var defaultSegment: String
    /// The other segments, which have landing pages at `/{r}/{l}/for/{s}/`, sorted.
    public var segments: [String]
    /// Every region, sorted by id.
    public var regions: [Region]

    /// A table; the default segment is dropped from `segments` and the lists are sorted.
    public init(
        defaultRegion: String, segmentCookie: String = "vary_segment", countryHeader: String = "X-Country",
        defaultSegment: String, segments: [String], regions: [Region]
    ) {
        self.defaultRegion = defaultRegion
        self.segmentCookie = segmentCookie
        self.countryHeader = countryHeader
        self.defaultSegment = defaultSegment
        self.segments = Set(segments).subtracting([defaultSegment]).sorted()
        self.regions = regions.sorted { $0.id < $1.id }
    }

    /// The path of the table inside the output.
    public static let path = "_vary/routes.json"

    /// `_vary/routes.json`: sorted keys, two-space indentation, a final newline.
    public func json() -> [UInt8] {
        DeterministicJSON.encode(self)
    }

    /// The region listing `country` (compared case-insensitively, surrounding spaces ignored), else the
    /// default region; nil only when the table has no regions.
    public func region(forCountry country: String?) -> Region? {
        if let code = country?.trimmingCharacters(in: .whitespaces).uppercased(), !code.isEmpty,
            let listed = regions.first(where: { $0.countries.contains(code) })
        {
            return listed
        }
        return regions.first { $0.id == defaultRegion } ?? regions.first
    }

    /// The region's locale that best matches an `Accept-Language` header, else its first locale.
    public func locale(in region: Region, acceptLanguage: String?) -> LocalePath? {
        let tags = region.locales.map(\.tag)
        let best = AcceptLanguage.bestMatch(among: tags, header: acceptLanguage ?? "")
        return best.map { region.locales[$0] } ?? region.locales.first
    }

    /// The segment named by the segment cookie when it is one with its own landing page, else nil.
    public func segment(fromCookieHeader header: String?) -> String? {
        guard let header, let value = CookieHeader.value(named: segmentCookie, in: header),
            Self.isID(value), segments.contains(value)
        else { return nil }
        return value
    }

    /// Whether text matches the id pattern `[a-z0-9][a-z0-9-]*`.
    static func isID(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first, isIDByte(first), first != UInt8(ascii: "-") else { return false }
        return text.utf8.allSatisfy(isIDByte)
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
    }
}
