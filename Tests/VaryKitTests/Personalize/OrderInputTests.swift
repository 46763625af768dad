import Testing
@testable import VaryKit

/// `orders.csv` with customers and segments, and `customers.csv`: what is accepted and where bad rows are reported.
@Suite("Orders with customers and segments")
struct OrderInputTests {
    private let header = "order_id,product_id,quantity,region,date,customer_id,segment\n"

    private func orders(_ rows: String, customers: String? = nil) -> [Order] {
        var source = MiniStore.content()
        source.files["orders.csv"] = Array((header + rows).utf8)
        if let customers { source.files["customers.csv"] = Array(customers.utf8) }
        return ContentLoader.load(source).content?.orders ?? []
    }

    @Test("the customer and segment columns are read, and empty cells mean unknown")
    func columnsAreRead() {
        let read = orders("o-1,rope-9,1,us,2026-11-20T10:00:00Z,c-7,climbers\no-2,stove,1,de,2026-11-01,,\n")
        #expect(read.map(\.customer) == ["c-7", nil])
        #expect(read.map(\.segment?.id) == ["climbers", nil])
    }

    @Test("customers.csv gives the segment of orders that do not carry one")
    func customersFile() {
        let read = orders(
            "o-1,rope-9,1,us,2026-11-20T10:00:00Z,c-7,\no-2,stove,1,de,2026-11-01,c-8,everyone\no-3,stove,1,de,2026-11-02,c-9,\n",
            customers: "customer_id,segment\nc-7,climbers\nc-8,climbers\n")
        #expect(read.map(\.segment?.id) == ["climbers", "everyone", nil])
    }

    @Test("an orders file without the new columns stays valid")
    func oldFormat() {
        #expect(MiniStore.errors() == [])
        #expect(MiniStore.loaded().orders.allSatisfy { $0.segment == nil && $0.customer == nil })
    }

    @Test("a store whose orders carry segments is valid when it has the learned reason messages")
    func segmentedStoreIsValid() {
        #expect(MiniStore.errors(content: ["orders.csv": header + "o-1,rope-9,1,us,2026-11-20T10:00:00Z,c-7,climbers\n"]) == [])
    }

    @Test("rows naming an unknown segment, product or region are errors at their file, line and column")
    func unknownReferences() {
        let errors = MiniStore.errors(content: [
            "orders.csv": header + """
                o-1,rope-9,1,us,2026-11-20T10:00:00Z,c-7,climbrs
                o-2,rope-10,1,us,2026-11-20T10:00:00Z,c-7,climbers
                o-3,rope-9,1,mars,2026-11-20T10:00:00Z,c-7,climbers

                """,
        ])
        #expect(errors == [
            "content/orders.csv:2:42: segment: unknown segment 'climbrs' (did you mean 'climbers'?)",
            "content/orders.csv:3:5: product_id: unknown product 'rope-10' (did you mean 'rope-9'?)",
            "content/orders.csv:4:14: region: unknown region 'mars'",
        ])
    }

    @Test("an unknown segment given by customers.csv is reported there, the order's product in orders.csv")
    func unknownSegmentFromCustomers() {
        let errors = MiniStore.errors(content: [
            "orders.csv": header + "o-1,rope-10,1,us,2026-11-20T10:00:00Z,c-7,\n",
            "customers.csv": "customer_id,segment\nc-7,climbrs\n",
        ])
        #expect(errors == [
            "content/customers.csv:2:5: segment: unknown segment 'climbrs' (did you mean 'climbers'?)",
            "content/orders.csv:2:5: product_id: unknown product 'rope-10' (did you mean 'rope-9'?)",
        ])
    }

    @Test("a syntax error further down orders.csv is reported alone, as for any CSV file")
    func syntaxErrorAfterBadRows() {
        let errors = MiniStore.errors(content: [
            "orders.csv": header + "o-1,rope-9,0,us,2026-11-20T10:00:00Z,c-7,\no-2,rope-9,1,us,2026-11-20T10:00:00Z,c\"7,\n",
        ])
        #expect(errors == [
            "content/orders.csv:3:39: quote inside an unquoted field (quote the whole field and write a quote as \"\")",
        ])
    }

    @Test("a date that is not ISO 8601 and a quantity that is not a positive integer are errors at their cell")
    func badCells() {
        let errors = MiniStore.errors(content: [
            "orders.csv": header + """
                o-4,rope-9,1,us,20.11.2026,c-7,climbers
                o-5,rope-9,0,us,2026-11-20T10:00:00Z,c-7,climbers
                o-6,rope-9,1.5,us,2026-11-20T10:00:00Z,c-7,climbers
                o-7,rope-9,1,us,2026-11-20T10:00:00Z,c-7,Climbers!

                """,
        ])
        #expect(errors == [
            "content/orders.csv:2:17: date: \"20.11.2026\" is not an ISO 8601 instant or date",
            "content/orders.csv:3:12: quantity: \"0\" is not a positive whole number",
            "content/orders.csv:4:12: quantity: \"1.5\" is not a positive whole number",
            "content/orders.csv:5:42: segment: \"Climbers!\" is not a valid id",
        ])
    }

    @Test("a misspelt column in orders.csv or customers.csv is a warning naming the column it resembles")
    func unknownColumns() {
        var source = MiniStore.content()
        source.files["orders.csv"] = Array("order_id,product_id,quantity,region,date,customer_id,segmnet\n".utf8)
        source.files["customers.csv"] = Array("customer_id,segment,email\n".utf8)
        let warnings = ContentLoader.load(source).diagnostics.filter { $0.severity == .warning && $0.message.contains("column") }
        #expect(warnings.map(\.description) == [
            "content/customers.csv:1:1: warning: unknown column 'email' is ignored",
            "content/orders.csv:1:1: warning: unknown column 'segmnet' is ignored (did you mean 'segment'?)",
        ])
    }

    @Test("a customer listed twice with different segments is an error on the second line")
    func conflictingCustomer() {
        let errors = MiniStore.errors(content: ["customers.csv": "customer_id,segment\nc-1,climbers\nc-1,everyone\n"])
        #expect(errors == ["content/customers.csv:3:5: segment: customer listed again with segment 'everyone' (line 2 gives 'climbers')"])
    }

    @Test("recommendation settings are read from site.json and bad ones name their path")
    func settings() {
        var source = MiniStore.content()
        var site = String(decoding: source.files["site.json"]!, as: UTF8.self)
        site = site.replacingOccurrences(
            of: "\"recommendations\": 4",
            with: "\"recommendations\": {\"count\": 12, \"halfLifeDays\": 10, \"minimumCustomers\": 5, \"similarity\": \"lift\", \"diversity\": 0.5}")
        source.files["site.json"] = Array(site.utf8)
        let content = ContentLoader.load(source).content
        #expect(content?.site.recommendations == 12)
        #expect(content?.site.learning.halfLifeDays == 10)
        #expect(content?.site.learning.minimumCustomers == 5)
        #expect(content?.site.learning.similarity == .lift)
        #expect(content?.site.learning.diversity == 0.5)
        let bad = site.replacingOccurrences(of: "\"lift\"", with: "\"cosine\"")
        let errors = MiniStore.errors(content: ["site.json": bad])
        #expect(errors.count == 1)
        #expect(errors.first?.contains("recommendations.similarity: unknown similarity 'cosine' (known: jaccard, lift)") == true)
    }
}
