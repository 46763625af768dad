/// What one segment's orders in one region say about the products, after the minimum-customer rule.
public struct SegmentEvidence: Sendable, Hashable {
    /// What the orders say about one product.
    public struct Entry: Sendable, Hashable {
        /// Catalog index.
        var index: Int
        /// Time-decayed share of the segment's orders holding it, 0…1 (1 for the segment's best seller).
        public var popularity: Double
        /// How much the segment buys what is bought with it, 0…1 (1 for the highest).
        public var coPurchase: Double
        /// The product, among those the segment buys, that contributes most to `coPurchase`; -1 when none.
        var anchor: Int
        /// Orders and distinct customers of the segment in the region holding it.
        public var orders: Int
        public var customers: Int
    }

    /// Distinct orders and customers of the segment in the region.
    public var orders: Int
    public var customers: Int
    /// Products with learned scores, by catalog index.
    var entries: [Entry]
}

/// The region and segment of a landing page's list.
public struct AudienceKey: Sendable, Hashable, Comparable {
    public var region: String
    public var segment: String

    public init(region: String, segment: String) {
        self.region = region
        self.segment = segment
    }

    /// The segment's orders in every region together.
    static func everywhere(_ segment: String) -> AudienceKey { AudienceKey(region: "", segment: segment) }

    /// Whether this is a segment in every region rather than one region's.
    var isEverywhere: Bool { region.isEmpty }

    public static func < (a: AudienceKey, b: AudienceKey) -> Bool {
        (a.region, a.segment) < (b.region, b.segment)
    }
}
