import Foundation

/// How landing pages learn from `orders.csv`, from `site.json` `recommendations` when it is an object.
public struct RecommendationSettings: Sendable, Hashable {
    /// How co-purchase similarity between two products is measured.
    public enum Similarity: String, Sendable, Hashable, CaseIterable {
        /// Customers who bought both over customers who bought either.
        case jaccard
        /// Customers who bought both over what independent purchases would give.
        case lift
    }

    /// The age at which an order weighs half as much as one placed at `now`, in days.
    public var halfLifeDays: Double = 30
    /// A learned score counts only when at least this many distinct customers back it.
    public var minimumCustomers: Int = 3
    public var similarity: Similarity = .jaccard
    /// How strongly the diversity pass penalizes repeats of a category or brand: 1 as designed, 0 off.
    public var diversity: Double = 1
    /// The most recent days before `now` held out of training to choose the blend weights.
    public var holdoutDays: Double = 14

    public init() {}

    /// The half-life in seconds.
    var halfLife: TimeInterval { halfLifeDays * 86_400 }
}
