/// Who a page is for: the region it is built for, its locale tag and its customer segment.
public struct PageAudience: Sendable, Hashable {
    /// The page's region, which fixes the currency, stock and seasons.
    public var region: Region
    /// The page's locale tag as written in the region (`de-DE`).
    public var localeTag: String
    /// The segment the page is personalized for.
    public var segment: Segment

    /// An audience from its three coordinates.
    public init(region: Region, localeTag: String, segment: Segment) {
        self.region = region
        self.localeTag = localeTag
        self.segment = segment
    }
}
