import Foundation
import VaryKit

/// `vary-bench --configurator`: counts and prices the valid combinations of a configurator of G groups of V values
/// (6 × 8 by default: 262,144 combinations before rules) in two regions, without rules and with pruning rules, and
/// compares the pruned search with filtering the full cross-product.
enum ConfiguratorBench {
    static func run(_ arguments: [String]) -> Int32 {
        var groups = 6, values = 8, runs = 3
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let number = rest.popFirst().flatMap({ Int($0) }), number > 0 else { return usage() }
            switch flag {
            case "--groups": groups = number
            case "--values": values = min(number, 64)
            case "--runs": runs = number
            default: return usage()
            }
        }
        print("vary-bench --configurator: \(groups) groups × \(values) values, best of \(runs), load average \(LoadAverage.text())")
        for rules in [false, true] {
            guard let content = store(groups: groups, values: values, rules: rules) else { return 3 }
            let configurator = content.configurators[0]
            for region in content.regions {
                let audience = PageAudience(region: region, localeTag: region.locales[0], segment: content.segments[0])
                let promotions = activePromotions(content.promotions, for: audience, at: now)
                var count = 0, naive = 0, priced = 0
                let counting = best(runs) { count = ConfigurationSpace(configurator, region: region.id).count() }
                let filtering = best(runs) { naive = crossProduct(configurator) }
                let pricing = best(runs) {
                    let space = ConfigurationSpace(configurator, region: region.id)
                    priced = ConfigurationPrices(space, product: content.products[0], audience: audience, promotions: promotions)!.combinations.count
                }
                precondition(count == naive && count == priced, "the pruned search and the cross-product disagree")
                let perCombination = pricing.cpu / Double(max(count, 1)) * 1e9
                print("\(rules ? "with rules   " : "without rules") \(region.currency.code): \(count) valid combinations | "
                      + "count \(ms(counting)) | cross-product filtered \(ms(filtering)) | "
                      + "count + price all \(ms(pricing)) (\(Int(perCombination)) ns CPU per combination)")
            }
        }
        return 0
    }

    private static func usage() -> Int32 {
        print("usage: vary-bench --configurator [--groups N] [--values N] [--runs N]")
        return 2
    }

    private static let now = Date(timeIntervalSince1970: 1_795_000_000)

    private static func ms(_ time: (wall: Double, cpu: Double)) -> String {
        String(format: "%.1f ms wall, %.1f ms CPU", time.wall * 1000, time.cpu * 1000)
    }

    /// The best wall and CPU time of `runs` runs.
    private static func best(_ runs: Int, _ body: () -> Void) -> (wall: Double, cpu: Double) {
        var result = (wall: Double.infinity, cpu: Double.infinity)
        for _ in 0..<runs {
            let wall = Date(), cpu = CPUTime.now()
            body()
            result = (min(result.wall, Date().timeIntervalSince(wall)), min(result.cpu, CPUTime.now() - cpu))
        }
        return result
    }

    /// What a search without pruning would do: every combination of the cross-product, each checked against every rule.
    private static func crossProduct(_ configurator: Configurator) -> Int {
        let space = ConfigurationSpace(configurator, region: nil)
        let counts = space.stateCounts
        var states = [UInt8](repeating: 0, count: counts.count)
        var valid = 0
        while true {
            if space.brokenRule(states) == nil { valid += 1 }
            var group = counts.count - 1
            while group >= 0 {
                states[group] += 1
                if Int(states[group]) < counts[group] { break }
                states[group] = 0
                group -= 1
            }
            if group < 0 { return valid }
        }
    }

    /// A one-product store in USD and KWD with two promotions (a percent, a stackable amount) and the configurator.
    private static func store(groups: Int, values: Int, rules: Bool) -> StoreContent? {
        func delta(_ group: Int, _ value: Int) -> String {
            let usd = (group + 1) * value * 137, kwd = (group + 1) * value * 421
            return #"{"USD": "\#(usd / 100).\#(String(format: "%02d", usd % 100))", "KWD": "\#(kwd / 1000).\#(String(format: "%03d", kwd % 1000))"}"#
        }
        let groupList = (0..<groups).map { group in
            #"{"id": "g\#(group)", "label": "Group \#(group)", "values": ["#
                + (0..<values).map { #"{"id": "v\#($0)", "label": "Value \#($0)", "delta": \#(delta(group, $0))}"# }.joined(separator: ",")
                + "]}"
        }.joined(separator: ",")
        // Each rule narrows one pair of groups: value 0 of group g needs value 0 or 1 of group g+1, the last value
        // of group g excludes the first two of group g+1, and value 1 requires value 2 two groups on.
        var ruleList: [String] = []
        if rules {
            for group in 0..<(groups - 1) {
                ruleList.append(#"{"when": "g\#(group):v0", "onlyWith": ["g\#(group + 1):v0", "g\#(group + 1):v1"]}"#)
                ruleList.append(#"{"when": "g\#(group):v\#(values - 1)", "excludes": ["g\#(group + 1):v0", "g\#(group + 1):v1"]}"#)
                if group + 2 < groups { ruleList.append(#"{"when": "g\#(group):v1", "requires": ["g\#(group + 2):v2"]}"#) }
            }
        }
        let files: [String: String] = [
            "site.json": #"{"name": "Bench", "baseURL": "https://bench.example", "defaultRegion": "us", "defaultSegment": "everyone", "defaultLocale": "en"}"#,
            "regions.json": #"[{"id": "us", "name": "US", "countries": ["US"], "currency": "USD", "locales": ["en-US"]}, {"id": "kw", "name": "Kuwait", "countries": ["KW"], "currency": "KWD", "locales": ["ar-KW"]}]"#,
            "segments.json": #"[{"id": "everyone", "name": "Everyone", "hero": {"headline": "Hi", "subline": "Welcome"}}]"#,
            "locales/en.json": "{}",
            "catalog/products.json": #"[{"id": "kit", "sku": "K-1", "title": "Kit", "category": "kits", "brand": "Bench", "image": {"src": "https://bench.example/kit.png", "alt": "Kit"}, "prices": {"USD": "199.00", "KWD": "61.250"}, "stock": {"us": 5, "kw": 5}}]"#,
            "promotions.json": #"[{"id": "sale", "title": "Sale", "discount": {"type": "percent", "value": 15}, "starts": "2026-01-01T00:00:00Z", "ends": "2027-01-01T00:00:00Z", "priority": 2}, {"id": "extra", "title": "Extra", "discount": {"type": "amount", "value": {"USD": "5.00", "KWD": "1.500"}}, "stackable": true, "starts": "2026-01-01T00:00:00Z", "ends": "2027-01-01T00:00:00Z"}]"#,
            "configurators.json": #"[{"product": "kit", "combinationLimit": 1000000, "groups": [\#(groupList)], "rules": [\#(ruleList.joined(separator: ","))]}]"#,
        ]
        let source = SourceFiles(root: "content", files: files.mapValues { Array($0.utf8) })
        let (content, diagnostics) = ContentLoader.load(source)
        let errors = diagnostics.filter { $0.severity == .error } + (content.map { ContentValidator.validate($0, assets: nil) } ?? []).filter { $0.severity == .error }
        guard let content, errors.isEmpty else {
            errors.forEach { print($0) }
            return nil
        }
        return content
    }
}
