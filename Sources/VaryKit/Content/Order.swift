import Foundation

/// A line of `orders.csv`: a past purchase, for popularity per region, what each segment buys and items bought together.
public struct Order: Sendable, Hashable {
    public var id: String
    public var product: Reference
    public var quantity: Int
    public var region: Reference
    public var date: Date
    /// The opaque customer id, when the export has one: it links a customer's orders and is never written anywhere.
    public var customer: String? = nil
    /// The segment the customer belonged to when ordering (from the `segment` column or `customers.csv`).
    public var segment: Reference? = nil
}
