import Intl

/// A curated set of products sold together at a price (`bundles.json`).
public struct ProductBundle: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var items: [BundleItem]
    public var pricing: BundlePricing
    /// Segment ids; nil means all.
    public var segments: [Reference]?
    /// Region ids; nil means all.
    public var regions: [Reference]?
    public var location: SourceLocation
}

/// One line of a bundle.
public struct BundleItem: Sendable, Hashable {
    public var product: Reference
    public var quantity: Int
}

/// How a bundle is priced from its items' regular prices.
public enum BundlePricing: Sendable, Hashable {
    /// Whole percent off the items' sum.
    case percent(Int)
    /// A fixed price per currency code.
    case fixed([String: Money])
}
