import Intl

/// A customer segment with its hero text, interests and rules (`segments.json`).
public struct Segment: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var headline: LocalizedText
    public var subline: LocalizedText
    public var affinity: Affinity
    /// The highest price, per currency code, of a product recommended to the segment (after promotions).
    public var priceCeiling: [String: Money]
    public var pinned: [Reference]
    public var exclude: Exclusions
    public var location: SourceLocation
}

/// Weights 0…1 for what a segment likes; a category weight applies to its subcategories.
public struct Affinity: Sendable, Hashable {
    public var categories: [String: Double] = [:]
    public var tags: [String: Double] = [:]
    public var brands: [String: Double] = [:]

    public init(categories: [String: Double] = [:], tags: [String: Double] = [:], brands: [String: Double] = [:]) {
        self.categories = categories
        self.tags = tags
        self.brands = brands
    }

    public var isEmpty: Bool { categories.isEmpty && tags.isEmpty && brands.isEmpty }
}

/// What a segment never sees.
public struct Exclusions: Sendable, Hashable {
    public var categories: [String] = []
    public var tags: [String] = []
    public var products: [Reference] = []

    public init(categories: [String] = [], tags: [String] = [], products: [Reference] = []) {
        self.categories = categories
        self.tags = tags
        self.products = products
    }
}
