import Foundation
import Intl

/// A time-boxed discount with its targeting (`promotions.json`).
public struct Promotion: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var message: LocalizedText
    public var discount: Discount
    public var appliesTo: ProductSelection
    /// Segment ids the promotion targets; nil means all.
    public var segments: [Reference]?
    /// Region ids; nil means all.
    public var regions: [Reference]?
    /// Locale tags or languages; nil means all.
    public var locales: [String]?
    public var starts: Date
    public var ends: Date
    public var priority: Int
    public var stackable: Bool
    public var code: String?
    public var location: SourceLocation
    /// Where each entry of `locales` was written, for reporting locales no region uses.
    public var localeReferences: [Reference] = []

    /// Active when `starts ≤ now < ends`.
    public func isActive(at now: Date) -> Bool { starts <= now && now < ends }
}

/// How much a promotion takes off.
public enum Discount: Sendable, Hashable {
    /// Whole percent, 1…100.
    case percent(Int)
    /// A fixed amount per currency code.
    case amount([String: Money])
}

/// Which products a promotion applies to; all empty means every product.
public struct ProductSelection: Sendable, Hashable {
    public var products: [Reference] = []
    public var categories: [String] = []
    public var tags: [String] = []

    public init(products: [Reference] = [], categories: [String] = [], tags: [String] = []) {
        self.products = products
        self.categories = categories
        self.tags = tags
    }

    public var isEverything: Bool { products.isEmpty && categories.isEmpty && tags.isEmpty }

    /// Whether a product is selected: listed, in a listed category or below it, or carrying a listed tag.
    public func contains(_ product: Product) -> Bool {
        if isEverything { return true }
        if products.contains(where: { $0.id == product.id }) { return true }
        if product.categoryAncestry.contains(where: categories.contains) { return true }
        return product.tags.contains(where: tags.contains)
    }
}
