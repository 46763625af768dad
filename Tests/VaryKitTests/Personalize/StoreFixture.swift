import Foundation
import Intl
@testable import VaryKit

/// A small, realistic outdoor store built by hand for the personalize tests.
enum StoreFixture {
    static let file = "content/test.json"
    static let here = SourceLocation(file: file)
    static let eur = Currency(code: "EUR")!
    static let jpy = Currency(code: "JPY")!
    static let kwd = Currency(code: "KWD")!
    static let usd = Currency(code: "USD")!

    /// The reference instant every test uses as `now`.
    static let now = instant("2026-11-25T12:00:00Z")

    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)!
    }

    static func days(_ count: Double) -> TimeInterval { count * 86_400 }

    static func ref(_ id: String) -> Reference { Reference(id, at: here) }

    static func money(_ text: String, _ currency: Currency) -> Money {
        try! Money.parse(text, currency: currency).get()
    }

    static func eur(_ text: String) -> Money { money(text, eur) }

    static func product(
        _ id: String, category: String = "apparel/jackets", brand: String = "alpine", tags: [String] = [],
        prices: [String: Money] = ["EUR": money("100.00", eur)], regionPrices: [String: Money] = [:],
        stock: [String: Int] = ["de": 5], popularity: Double = 0.5
    ) -> Product {
        Product(
            id: id, sku: id.uppercased(), title: LocalizedText(id), description: LocalizedText("About \(id)"),
            category: category, brand: brand, tags: tags,
            image: ProductImage(src: "products/\(id).svg", alt: LocalizedText(id), location: here),
            prices: prices, regionPrices: regionPrices, stock: stock, popularity: popularity,
            complements: [], attributes: [], location: SourceLocation(file: file, path: "products.\(id)"),
            regionReferences: [])
    }

    static func region(
        _ id: String = "de", currency: Currency = eur, locales: [String] = ["de-DE", "en-DE"], seasons: [String] = []
    ) -> Region {
        Region(
            id: id, name: LocalizedText(id.uppercased()), countries: [id.uppercased()], currency: currency,
            locales: locales, seasons: seasons, taxNote: nil, timeZone: "UTC", stores: [], events: [], location: here)
    }

    static func segment(
        _ id: String = "everyone", affinity: Affinity = Affinity(), priceCeiling: [String: Money] = [:],
        pinned: [String] = [], exclude: Exclusions = Exclusions()
    ) -> Segment {
        Segment(
            id: id, name: LocalizedText(id), headline: LocalizedText("Hello"), subline: LocalizedText("Welcome"),
            affinity: affinity, priceCeiling: priceCeiling, pinned: pinned.map(ref), exclude: exclude, location: here)
    }

    static func promotion(
        _ id: String, _ discount: Discount, appliesTo: ProductSelection = ProductSelection(),
        segments: [String]? = nil, regions: [String]? = nil, locales: [String]? = nil,
        starts: Date = instant("2026-11-01T00:00:00Z"), ends: Date = instant("2026-12-01T00:00:00Z"),
        priority: Int = 0, stackable: Bool = false
    ) -> Promotion {
        Promotion(
            id: id, title: LocalizedText(id), message: LocalizedText("Offer \(id)"), discount: discount,
            appliesTo: appliesTo, segments: segments?.map(ref), regions: regions?.map(ref), locales: locales,
            starts: starts, ends: ends, priority: priority, stackable: stackable, code: nil, location: here)
    }

    static func bundle(
        _ id: String, items: [(String, Int)], pricing: BundlePricing,
        segments: [String]? = nil, regions: [String]? = nil
    ) -> ProductBundle {
        ProductBundle(
            id: id, title: LocalizedText(id), description: LocalizedText("Bundle \(id)"),
            items: items.map { BundleItem(product: ref($0.0), quantity: $0.1) }, pricing: pricing,
            segments: segments?.map(ref), regions: regions?.map(ref), location: here)
    }

    static func order(_ id: String, _ product: String, quantity: Int = 1, region: String = "de", daysAgo: Double) -> Order {
        Order(id: id, product: ref(product), quantity: quantity, region: ref(region), date: now.addingTimeInterval(-days(daysAgo)))
    }

    static func audience(region: Region = region(), locale: String = "de-DE", segment: Segment = segment()) -> PageAudience {
        PageAudience(region: region, localeTag: locale, segment: segment)
    }

    static func content(
        products: [Product], segments: [Segment] = [segment()], regions: [Region] = [region()],
        promotions: [Promotion] = [], bundles: [ProductBundle] = [], orders: [Order] = []
    ) -> StoreContent {
        let site = Site(
            name: "Summit Outfitters", baseURL: "https://shop.example.com", defaultRegion: ref(regions[0].id),
            defaultSegment: ref(segments[0].id), defaultLocale: "en", recommendations: 24,
            segmentCookie: "vary_segment", countryHeader: "X-Country", routing: [], location: here)
        return StoreContent(
            site: site, products: products.sorted { $0.id < $1.id }, segments: segments, regions: regions,
            locales: [:], promotions: promotions, bundles: bundles, orders: orders)
    }
}
