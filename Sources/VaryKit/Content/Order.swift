import Foundation

/// A line of `orders.csv`: a past purchase, for popularity per region and items bought together.
public struct Order: Sendable, Hashable {
    public var id: String
    public var product: Reference
    public var quantity: Int
    public var region: Reference
    public var date: Date
}
