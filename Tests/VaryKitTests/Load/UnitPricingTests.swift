import Foundation
import Intl
import Testing
@testable import VaryKit

/// Unit prices (`€ 12.40 / kg`) from a product's measure and base measure, with Merchant Center's units.
@Suite("Unit pricing")
struct UnitPricingTests {
    typealias F = StoreFixture

    private func pricing(_ measure: String, per base: String? = nil) throws -> UnitPricing {
        let measure = try Measure.parse(measure).get()
        return try UnitPricing.make(measure: measure, base: base.map { try Measure.parse($0).get() }).get()
    }

    @Test("measures are read as Merchant Center writes them, with or without a space")
    func parse() throws {
        #expect(try Measure.parse("750ml").get() == Measure(digits: 750, unit: .ml))
        #expect(try Measure.parse("1.5 kg").get() == Measure(digits: 15, scale: 1, unit: .kg))
        #expect(try Measure.parse("0.75 l").get().numberText == "0.75")
        #expect(try Measure.parse("100 sqft").get().unit.dimension == .area)
        #expect(Set(MeasureUnit.allCases.map(\.rawValue)) == [
            "oz", "lb", "mg", "g", "kg", "floz", "pt", "qt", "gal", "ml", "cl", "l", "cbm", "in", "ft", "yd", "cm", "m",
            "sqft", "sqm", "ct", "sheet", "item",
        ])
    }

    @Test("a measure without a number or unit, with an unknown unit or of zero is refused")
    func badMeasures() {
        #expect(Measure.parse("750") == .failure(.notAMeasure("750")))
        #expect(Measure.parse("ml") == .failure(.notAMeasure("ml")))
        #expect(Measure.parse("1..5 kg") == .failure(.notAMeasure("1..5 kg")))
        #expect(Measure.parse("750 ML") == .failure(.unknownUnit("750 ML", unit: "ML")))
        #expect(Measure.parse("0 ml") == .failure(.notPositive("0 ml")))
    }

    @Test("unit prices follow Merchant Center's examples: 9 l at 69.99 EUR is 7.78 per l, 150 floz at 3 USD is 2 per 100 floz")
    func merchantCenterExamples() throws {
        #expect(try pricing("9l", per: "1l").unitPrice(of: F.eur("69.99")) == F.eur("7.78"))
        #expect(try pricing("150 floz", per: "100 floz").unitPrice(of: F.money("3.00", F.usd)) == F.money("2.00", F.usd))
    }

    @Test("metric measures default to a price per kilogram, litre, metre or square metre")
    func defaultBase() throws {
        #expect(try pricing("1.5 kg").unitPrice(of: F.eur("18.60")) == F.eur("12.40"))
        #expect(try pricing("750 ml").base == Measure(digits: 1, unit: .l))
        #expect(try pricing("250 g").unitPrice(of: F.eur("3.49")) == F.eur("13.96"))
        #expect(try pricing("12 ct").base == Measure(digits: 1, unit: .ct))
    }

    @Test("units convert within a dimension by their exact definitions")
    func conversions() throws {
        #expect(try pricing("8 oz", per: "1 lb").unitPrice(of: F.money("4.00", F.usd)) == F.money("8.00", F.usd))
        #expect(try pricing("50 cl", per: "1 l").unitPrice(of: F.eur("2.00")) == F.eur("4.00"))
        #expect(try pricing("1 gal", per: "1 l").unitPrice(of: F.money("37.85", F.usd)) == F.money("10.00", F.usd))
        #expect(try pricing("2 sqm", per: "1 sqft").unitPrice(of: F.eur("100.00")) == F.eur("4.65"))
    }

    @Test("unit prices round half away from zero in the currency's minor unit: JPY to the yen, KWD to the fils")
    func rounding() throws {
        #expect(try pricing("250 g", per: "100 g").unitPrice(of: F.money("999", F.jpy)) == F.money("400", F.jpy))
        #expect(try pricing("750 ml").unitPrice(of: F.money("1.250", F.kwd)) == F.money("1.667", F.kwd))
        #expect(try pricing("3 kg").unitPrice(of: F.eur("0.05")) == F.eur("0.02"))
    }

    @Test("a base in another dimension or not a whole number is refused")
    func badBase() throws {
        let ml = try Measure.parse("750 ml").get()
        #expect(UnitPricing.make(measure: ml, base: Measure(digits: 1, unit: .kg)) == .failure(.dimensions(.ml, .kg)))
        #expect(UnitPricing.make(measure: ml, base: Measure(digits: 15, scale: 1, unit: .l)) == .failure(.baseNotWhole(Measure(digits: 15, scale: 1, unit: .l))))
    }

    @Test("products.json and catalog CSV give unit pricing; bad measures are errors at their JSON path or cell")
    func catalogInput() throws {
        var source = MiniStore.content()
        let csv = String(decoding: source.files["catalog/extra.csv"]!, as: UTF8.self)
        var lines = csv.split(separator: "\n").map(String.init)
        lines[0] += ",unitPricing.measure,unitPricing.base"
        lines[1] += ",1.5 kg,"
        source.files["catalog/extra.csv"] = Array((lines.joined(separator: "\n") + "\n").utf8)
        let loaded = try #require(ContentLoader.load(source).content)
        #expect(loaded.products.first { $0.id == "stove" }?.unitPricing?.base == Measure(digits: 1, unit: .kg))

        lines[1] = lines[1].replacingOccurrences(of: ",1.5 kg,", with: ",1.5 KG,1 l")
        let errors = MiniStore.errors(content: ["catalog/extra.csv": lines.joined(separator: "\n") + "\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.contains("\"1.5 KG\" has an unknown unit 'KG' (did you mean 'kg'?)") == true)

        lines[1] = lines[1].replacingOccurrences(of: ",1.5 KG,1 l", with: ",1.5 kg,1 l")
        let mismatch = MiniStore.errors(content: ["catalog/extra.csv": lines.joined(separator: "\n") + "\n"])
        #expect(mismatch.first?.contains("base measure in l (volume) cannot price a measure in kg (weight)") == true)
    }
}
