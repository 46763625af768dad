/// Unit pricing written as text, as Merchant Center's `unit_pricing_measure` / `unit_pricing_base_measure` and
/// Shopify's unit-price columns give it (`750ml`, `1 l`).
enum UnitPricingText {
    struct Problem: Error {
        var message: String
        var hint: String?
        /// Whether the base measure is at fault (else the measure).
        var inBase = false
    }

    static func read(measure: String, base: String?) -> Result<UnitPricing, Problem> {
        let measured: Measure
        switch Self.measure(measure) {
        case .success(let value): measured = value
        case .failure(let problem): return .failure(problem)
        }
        var baseMeasure: Measure?
        if let base, !base.isEmpty {
            switch Self.measure(base) {
            case .success(let value): baseMeasure = value
            case .failure(var problem):
                problem.inBase = true
                return .failure(problem)
            }
        }
        return UnitPricing.make(measure: measured, base: baseMeasure).mapError { Problem(message: $0.description, inBase: true) }
    }

    /// One measure (`750ml`, `1 l`), with the closest unit as the hint when its unit is unknown.
    static func measure(_ text: String) -> Result<Measure, Problem> {
        Measure.parse(text).mapError { problem in
            var hint: String?
            if case .unknownUnit(_, let unit) = problem {
                hint = Suggestion.hint(for: unit.lowercased(), among: MeasureUnit.allCases.map(\.rawValue))
            }
            return Problem(message: problem.description, hint: hint)
        }
    }
}
