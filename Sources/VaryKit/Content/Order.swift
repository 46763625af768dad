import Foundation

/// A line of `orders.csv`: a past purchase, for popularity per region, what each segment buys and items bought together.
///
/// A store's orders run to millions of lines, so a line keeps its ids and the row and columns it was read from, and
/// makes the `Reference`s (with their `SourceLocation`s) only when asked, say to report an unknown id.
public struct Order: Sendable, Hashable {
    public var id: String
    public var quantity: Int
    public var date: Date
    /// The opaque customer id, when the export has one: it links a customer's orders and is never written anywhere.
    public var customer: String?
    public private(set) var productID: String
    public private(set) var regionID: String
    /// The segment the customer belonged to when ordering (from the `segment` column or `customers.csv`).
    public private(set) var segmentID: String?
    private var row: Row
    /// Where ids given after reading the row were written, when not in its cells.
    private var elsewhere: Elsewhere?

    /// Where a line was read: the file and where each id's cell starts (a quoted cell may span lines).
    struct Row: Sendable, Hashable {
        var file: String
        var product: Cell
        var region: Cell
        var segment: Cell

        func location(_ cell: Cell, _ path: String) -> SourceLocation {
            SourceLocation(file: file, line: Int(cell.line), column: Int(cell.column), path: path)
        }
    }

    struct Cell: Sendable, Hashable {
        var line: Int32
        var column: Int32
    }

    /// Locations of ids set from elsewhere (a segment from `customers.csv`); one value is shared by many lines.
    final class Elsewhere: Sendable {
        let product: SourceLocation?
        let region: SourceLocation?
        let segment: SourceLocation?

        init(product: SourceLocation? = nil, region: SourceLocation? = nil, segment: SourceLocation? = nil) {
            self.product = product
            self.region = region
            self.segment = segment
        }
    }

    public init(
        id: String, product: Reference, quantity: Int, region: Reference, date: Date, customer: String? = nil,
        segment: Reference? = nil
    ) {
        self.id = id
        self.quantity = quantity
        self.date = date
        self.customer = customer
        let nowhere = Cell(line: 0, column: 0)
        (productID, regionID, segmentID) = ("", "", nil)
        row = Row(file: "", product: nowhere, region: nowhere, segment: nowhere)
        relocate(product: product, region: region, segment: segment)
    }

    /// A line read from a row of `orders.csv`, its ids in the cells at those columns.
    init(id: String, product: String, quantity: Int, region: String, date: Date, customer: String?, segment: String?, row: Row) {
        self.id = id
        self.quantity = quantity
        self.date = date
        self.customer = customer
        productID = product
        regionID = region
        segmentID = segment
        self.row = row
    }

    public var product: Reference {
        get { Reference(productID, at: elsewhere?.product ?? row.location(row.product, "product_id")) }
        set { relocate(product: newValue, region: region, segment: segment) }
    }

    public var region: Reference {
        get { Reference(regionID, at: elsewhere?.region ?? row.location(row.region, "region")) }
        set { relocate(product: product, region: newValue, segment: segment) }
    }

    public var segment: Reference? {
        get { segmentID.map { Reference($0, at: elsewhere?.segment ?? row.location(row.segment, "segment")) } }
        set { relocate(product: product, region: region, segment: newValue) }
    }

    /// Keeps these ids with their own locations, whatever the row says.
    private mutating func relocate(product: Reference, region: Reference, segment: Reference?) {
        (productID, regionID, segmentID) = (product.id, region.id, segment?.id)
        elsewhere = Elsewhere(product: product.location, region: region.location, segment: segment?.location)
    }

    /// Gives a line without a segment the one written at `location` (shared by the lines of one customer).
    mutating func setSegment(_ id: String, at location: Elsewhere) {
        precondition(elsewhere == nil, "a line read from its row has its ids there")
        segmentID = id
        elsewhere = location
    }

    public static func == (a: Order, b: Order) -> Bool {
        a.id == b.id && a.quantity == b.quantity && a.date == b.date && a.customer == b.customer
            && a.product == b.product && a.region == b.region && a.segment == b.segment
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(productID)
        hasher.combine(date)
    }
}
