import Intl
import Mustache

extension CardBuilder {
    /// Adds a card's `unitPrice`, and for a discounted price its `originalPrice`, `discount` and `priorPrice`.
    ///
    /// A discounted price is shown against its regular price, or, in a region under a price reduction rule, against
    /// its prior price (then also given as `priorPrice`), and not at all when the rule gives none.
    func addPrices(to card: inout [String: Value], _ product: Product, price: PricedProduct, prior: PriorPrice?) {
        if let pricing = product.unitPricing, let unit = pricing.unitPrice(of: price.final) {
            let amount = locale.money.string(unit)
            let base = pricing.base.digits == 1 ? pricing.base.unit.symbol : measureText(pricing.base)
            card["unitPrice"] = .object([
                "amount": .string(unit.amountText), "priceText": .string(amount), "base": .string(base),
                "measure": .string(measureText(pricing.measure)),
                "text": .string(locale.localizer.format("price.unit", ["amount": .string(amount), "measure": .string(base)])),
            ])
        }
        let rule = locale.region.priceReductionRule
        guard price.isDiscounted, let reference = rule == nil ? price.regular : prior?.announced else { return }
        let shown = PricedProduct(regular: reference, final: price.final, applied: price.applied)
        let l = locale.localizer
        let referenceText = locale.money.string(reference)
        card["originalPrice"] = .object(["amount": .string(reference.amountText), "text": .string(referenceText)])
        card["discount"] = .object([
            "percent": .int(shown.percentOff),
            "percentText": .string(locale.percent(-shown.percentOff)),
            "savingText": .string(l.format("price.saving", ["amount": .string(locale.money.string(shown.saving))])),
            "wasText": .string(l.format("price.was", ["amount": .string(referenceText)])),
            "nowText": .string(l.format("price.now", ["amount": .string(locale.money.string(price.final))])),
        ])
        if let rule {
            card["priorPrice"] = .object([
                "amount": .string(reference.amountText), "priceText": .string(referenceText),
                "text": .string(l.format("price.prior", ["amount": .string(referenceText), "days": .int(rule.days)])),
            ])
        }
    }

    /// A measure with its number in the page's locale: `1,5 kg` in German.
    private func measureText(_ measure: Measure) -> String {
        let number = (try? MessageFormat("{n, number}", localeTag: locale.numbersTag))?
            .format(["n": .decimal(measure.numberText)])
        return "\(number ?? measure.numberText)\u{00A0}\(measure.unit.symbol)"
    }
}
