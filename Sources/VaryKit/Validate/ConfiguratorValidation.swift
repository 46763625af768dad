/// Checks of `configurators.json` against the rest of the store: the product, currencies and regions of every
/// delta, stock regions and images, and what the rules leave possible (no combination at all, a default that
/// breaks a rule, a value no combination can hold, more combinations than the configurator's limit).
enum ConfiguratorValidation {
    /// Above this many valid combinations a configurator is an error: its pages could not embed them.
    static let hardLimit = 1_000_000

    static func validate(_ content: StoreContent, assets: Set<String>?, log: DiagnosticLog) {
        let products = Dictionary(content.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let regions = Set(content.regions.map(\.id))
        for configurator in content.configurators {
            guard let product = products[configurator.product.id] else {
                log.add(configurator.product.location.error(
                    "unknown product '\(configurator.product.id)'", hint: Suggestion.hint(for: configurator.product.id, among: products.keys)))
                continue
            }
            for group in configurator.groups {
                checkDelta(group.delta, of: product, at: group.location, content: content, log: log)
                for value in group.values {
                    checkDelta(value.delta, of: product, at: value.location, content: content, log: log)
                    for reference in value.regionReferences where !regions.contains(reference.id) {
                        log.add(reference.location.error(
                            "unknown region '\(reference.id)'", hint: Suggestion.hint(for: reference.id, among: regions)))
                    }
                    if let image = value.image, let assets, !image.src.lowercased().hasPrefix("http"), !assets.contains(image.src) {
                        log.add(image.location.error(
                            "image '\(image.src)' is not in site-templates/assets/", hint: Suggestion.hint(for: image.src, among: assets)))
                    }
                }
            }
            checkRules(configurator, log: log)
        }
    }

    /// Every currency of a delta is one the product is priced in, and every region that sells the product finds the
    /// delta in its currency.
    private static func checkDelta(_ delta: PriceDelta, of product: Product, at location: SourceLocation,
                                   content: StoreContent, log: DiagnosticLog) {
        guard !delta.isZero else { return }
        for code in delta.byCurrency.keys.sorted() where product.prices[code] == nil {
            let place = delta.currencyLocations[code] ?? location
            log.add(place.error(
                "product '\(product.id)' is not priced in \(code) (it is in \(product.prices.keys.sorted().joined(separator: ", ")))",
                hint: Suggestion.hint(for: code, among: product.prices.keys)))
        }
        for region in content.regions where product.isSold(in: region.id) && delta.amount(in: region) == nil {
            log.add(location.error(
                "no \(region.currency.code) delta, though product '\(product.id)' is sold in region '\(region.id)'",
                hint: "add \"\(region.currency.code)\" to 'delta' or \"\(region.id)\" to 'regionDelta'"))
        }
    }

    /// What the rules leave possible, regardless of stock.
    private static func checkRules(_ configurator: Configurator, log: DiagnosticLog) {
        let space = ConfigurationSpace(configurator, region: nil)
        let count = space.count(upTo: hardLimit + 1)
        guard count > 0 else {
            let culprits = configurator.rules.indices.filter {
                ConfigurationSpace(configurator, region: nil, leavingOut: [$0]).count(upTo: 1) > 0
            }
            if culprits.isEmpty {
                log.add(configurator.location.error("no combination of values keeps every rule",
                                                    hint: "the rules together leave a required group without a value"))
            }
            for index in culprits {
                let rule = configurator.rules[index]
                log.add(rule.location.error(
                    "this rule makes the configurator impossible: with it no combination keeps every rule",
                    hint: "without it there are combinations; check '\(rule.when.text)' and its '\(rule.kind.rawValue)' list"))
            }
            return
        }
        let defaults = space.defaults
        if let broken = space.brokenRule(defaults) {
            let selection = configurator.groups.indices.map { "\(configurator.groups[$0].id):\(space.stateID(group: $0, state: Int(defaults[$0])))" }
            log.add(broken.location.error(
                "the default selection (\(selection.joined(separator: ", "))) breaks this rule ('\(broken.when.text)' \(broken.kind.rawValue) \(broken.targets.map { "'\($0.text)'" }.joined(separator: ", ")))",
                hint: "mark other values \"default\": true, or change the rule"))
        }
        if count > hardLimit {
            log.add(configurator.location.error(
                "more than \(hardLimit) valid combinations: too many to embed in a page", hint: explosion(space, total: count)))
            return
        }
        if count > configurator.combinationLimit {
            log.add(configurator.location.warning(
                "\(count) valid combinations, more than the limit of \(configurator.combinationLimit)",
                hint: explosion(space, total: count) + "; add rules, or raise 'combinationLimit'"))
        }
        reportUnreachable(space, log: log)
    }

    /// Which group multiplies the count most: rules only remove combinations, so an exploding count comes from a
    /// group whose values combine freely with everything else.
    static func explosion(_ space: ConfigurationSpace, total: Int) -> String {
        var best: (group: Int, factor: Double)?
        for group in space.configurator.groups.indices where space.stateCounts[group] > 1 {
            let fixed = space.count(fixing: group, to: space.defaultState(of: group), upTo: total)
            guard fixed > 0 else { continue }
            let factor = Double(total) / Double(fixed)
            if best == nil || factor > best!.factor { best = (group, factor) }
        }
        guard let best else { return "every group is fixed" }
        let group = space.configurator.groups[best.group]
        let factor = (best.factor * 10).rounded() / 10
        return "the group '\(group.id)' (\(group.location.path), \(space.stateCounts[best.group]) states, no rule narrowing it) multiplies it by \(factor == factor.rounded() ? String(Int(factor)) : String(factor))"
    }

    /// A value that no valid combination holds is a warning at the value, naming the rule that rules it out when one does.
    private static func reportUnreachable(_ space: ConfigurationSpace, log: DiagnosticLog) {
        let configurator = space.configurator
        var seen = space.stateCounts.map { _ in UInt64(0) }
        space.forEach { states in
            for (group, state) in states.enumerated() { seen[group] |= UInt64(1) << UInt64(state) }
            return true
        }
        for (groupIndex, group) in configurator.groups.enumerated() {
            for (valueIndex, value) in group.values.enumerated() where seen[groupIndex] & (UInt64(1) << UInt64(valueIndex)) == 0 {
                let rule = configurator.rules.indices.first {
                    ConfigurationSpace(configurator, region: nil, leavingOut: [$0]).selection(with: groupIndex, state: valueIndex) != nil
                }
                log.add(value.location.warning(
                    "no valid combination holds '\(group.id):\(value.id)'",
                    hint: rule.map { "\(configurator.rules[$0].location.path) rules it out" } ?? "the rules together rule it out"))
            }
        }
    }
}
