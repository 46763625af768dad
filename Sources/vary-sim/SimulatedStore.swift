import Foundation

/// A simulated store: a catalog, regions, segments with planted tastes, and time-split orders of its customers.
///
/// Each segment has a taste the merchant only partly knows: a main category (which `segments.json` names), one
/// liked tag (named too), and what it does not name — two subcategories of other departments, two more tags, two
/// brands and a handful of favourite products. A customer's orders follow the segment's taste times each product's
/// appeal, which drifts over the days (some products rise, some fade), and half the orders add a companion product
/// that goes with the first. The shape is what the merchant config misses and the orders reveal.
struct SimulatedStore {
    struct Parameters {
        var seed: UInt64 = 1
        var customers = 6_000
        var days = 120
        var products = 600
        /// Mean orders per customer over the whole period.
        var ordersPerCustomer = 4.0
        /// The last day's end, the `now` of the store.
        var end = Date(timeIntervalSince1970: 1_795_000_000)
    }

    struct Product {
        var id: String
        var department: Int
        var subcategory: Int
        var brand: Int
        var tags: [Int]
        var appeal: Double
        var drift: Double
        var price: Int
        var companions: [Int]
        var notSoldIn: Int?
    }

    struct Taste {
        var id: String
        var name: String
        var department: Int
        var knownTag: Int
        var hiddenSubcategories: [(department: Int, subcategory: Int)]
        var hiddenTags: [Int]
        var brands: [Int]
        var favourites: Set<Int>
    }

    static let departments = ["footwear", "packs", "apparel", "camping", "climbing", "cycling", "kitchen", "electronics"]
    static let subcategories = ["core", "light", "pro", "kids"]
    static let tagNames = [
        "running", "ultralight", "waterproof", "insulated", "family", "kids", "commute", "reflective", "desert", "summer",
        "winter", "alpine", "budget", "premium", "recycled", "packable", "trail", "urban", "vegan", "repairable",
    ]
    static let regions = [("de", "Germany", "EUR", ["de-DE", "en-DE"], "DE"), ("fr", "France", "EUR", ["fr-FR"], "FR"),
                          ("us", "United States", "USD", ["en-US"], "US")]
    static let segmentNames = [
        ("trail-runners", "Trail runners"), ("families", "Families"), ("mountaineers", "Mountaineers"),
        ("commuters", "Commuters"), ("campers", "Campers"), ("cyclists", "Cyclists"), ("cooks", "Outdoor cooks"),
    ]

    var products: [Product] = []
    var tastes: [Taste] = []
    /// (order id, product index, quantity, region index, day offset in seconds before end, customer, segment id).
    var lines: [(order: Int, product: Int, quantity: Int, region: Int, secondsBeforeEnd: Int, customer: Int, segment: String)] = []
    let parameters: Parameters

    init(_ parameters: Parameters) {
        self.parameters = parameters
        var random = SeededRandom(seed: parameters.seed)
        for number in 0..<parameters.products {
            let department = Int(random.next() % UInt64(Self.departments.count))
            var tags: [Int] = []
            while tags.count < 3 {
                let tag = Int(random.next() % UInt64(Self.tagNames.count))
                if !tags.contains(tag) { tags.append(tag) }
            }
            products.append(Product(
                id: "p\(String(format: "%04d", number))", department: department,
                subcategory: Int(random.next() % UInt64(Self.subcategories.count)), brand: Int(random.next() % 16),
                tags: tags, appeal: exp(0.7 * random.normal()), drift: 0.9 * random.normal(),
                price: 15 + Int(random.next() % 400), companions: [],
                notSoldIn: random.unit() < 0.08 ? Int(random.next() % UInt64(Self.regions.count)) : nil))
        }
        for index in products.indices {
            // Companions come mostly from other departments: what goes with a tent is a stove, not another tent.
            products[index].companions = (0..<2).map { _ in Int(random.next() % UInt64(products.count)) }.filter { $0 != index }
        }
        for (id, name) in Self.segmentNames {
            let department = Int(random.next() % UInt64(Self.departments.count))
            let knownTag = Int(random.next() % UInt64(Self.tagNames.count))
            let hidden = (0..<2).map { _ in
                (Int(random.next() % UInt64(Self.departments.count)), Int(random.next() % UInt64(Self.subcategories.count)))
            }
            let hiddenTags = (0..<2).map { _ in Int(random.next() % UInt64(Self.tagNames.count)) }
            let brands = (0..<2).map { _ in Int(random.next() % 16) }
            let favourites = Set((0..<8).map { _ in Int(random.next() % UInt64(products.count)) })
            tastes.append(Taste(
                id: id, name: name, department: department, knownTag: knownTag, hiddenSubcategories: hidden,
                hiddenTags: hiddenTags, brands: brands, favourites: favourites))
        }
        simulateOrders(&random)
    }

    /// How much a segment wants a product, before its drift.
    func taste(_ taste: Taste, _ index: Int) -> Double {
        let product = products[index]
        var weight = product.appeal
        if product.department == taste.department { weight *= 3 }
        if product.tags.contains(taste.knownTag) { weight *= 1.6 }
        for hidden in taste.hiddenSubcategories where hidden == (product.department, product.subcategory) { weight *= 12 }
        for tag in taste.hiddenTags where product.tags.contains(tag) { weight *= 2.2 }
        if taste.brands.contains(product.brand) { weight *= 2.5 }
        if taste.favourites.contains(index) { weight *= 10 }
        return weight
    }

    private mutating func simulateOrders(_ random: inout SeededRandom) {
        let days = parameters.days
        // Per segment and step of time, the running sums of product weights. Every customer is in a segment, as a
        // CDP assigns them; the default page has no orders of its own.
        let audiences = tastes
        let steps = 12
        var cumulative: [[[Double]]] = []
        let baseWeights = audiences.map { audience in products.indices.map { taste(audience, $0) } }
        for weights in baseWeights {
            var byStep: [[Double]] = []
            for step in 0..<steps {
                let time = (Double(step) + 0.5) / Double(steps) - 0.5
                var sum = 0.0
                byStep.append(products.indices.map { index in
                    sum += weights[index] * exp(products[index].drift * time * 2)
                    return sum
                })
            }
            cumulative.append(byStep)
        }
        var orderNumber = 100_000
        for customer in 0..<parameters.customers {
            let audience = Int(random.next() % UInt64(audiences.count))
            let segment = tastes[audience].id
            let region = Int(random.next() % UInt64(Self.regions.count))
            let activity = parameters.ordersPerCustomer * exp(0.8 * random.normal() - 0.32)
            for _ in 0..<random.poisson(activity) {
                let secondsBeforeEnd = Int(random.unit() * Double(days) * 86_400)
                let step = min(steps - 1, Int(Double(steps) * (1 - Double(secondsBeforeEnd) / Double(days * 86_400))))
                var basket = [random.pick(cumulative: cumulative[audience][step])]
                if random.unit() < 0.5, let companion = products[basket[0]].companions.first { basket.append(companion) }
                if random.unit() < 0.2 { basket.append(random.pick(cumulative: cumulative[audience][step])) }
                orderNumber += 1
                var seen = Set<Int>()
                for product in basket where seen.insert(product).inserted && products[product].notSoldIn != region {
                    lines.append((orderNumber, product, 1 + Int(random.next() % 5 == 0 ? 1 : 0), region, secondsBeforeEnd,
                                  customer, segment))
                }
            }
        }
        lines.sort { ($0.secondsBeforeEnd, $0.order, $0.product) > ($1.secondsBeforeEnd, $1.order, $1.product) }
    }
}
