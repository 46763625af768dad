/// The valid combinations of a configurator in one region: every group's states, and the rules compiled into sets
/// of compatible states, so that combinations are found by a search that drops a branch as soon as a rule leaves
/// some group without a state — never by filtering the full cross-product.
///
/// A group's states are its values in order, then "none" when it is optional; a text group's are "filled", then
/// "none" when optional; a quantity's are its numbers from `min`. A combination is one state per group.
public struct ConfigurationSpace: Sendable {
    public let configurator: Configurator
    /// The number of states of each group.
    public let stateCounts: [Int]
    /// Per group, the states available in the region (stock), as bits.
    let available: [UInt64]
    /// `compatible[g][s][h]`: the states of group h that may go with state s of group g.
    let compatible: [[[UInt64]]]
    /// Rules that cannot be compiled into sets (an `onlyWith` over several groups), checked on whole combinations.
    let checkedLast: [OptionRule]
    /// The rules in force (all of the configurator's unless some are left out to find which one empties the space).
    let rules: [OptionRule]

    /// The space in a region (values out of stock there are left out), or regardless of stock when `region` is nil;
    /// `leavingOut` names rule indices to ignore.
    public init(_ configurator: Configurator, region: String?, leavingOut: Set<Int> = []) {
        self.configurator = configurator
        let groups = configurator.groups
        let counts = groups.map(ConfigurationSpace.stateCount)
        stateCounts = counts
        available = groups.indices.map { index in
            var mask = ConfigurationSpace.all(counts[index])
            if let region {
                for (position, value) in groups[index].values.enumerated() where !value.isAvailable(in: region) {
                    mask &= ~(UInt64(1) << UInt64(position))
                }
            }
            return mask
        }
        var compatible = groups.indices.map { group in
            (0..<counts[group]).map { _ in counts.map(ConfigurationSpace.all) }
        }
        var checkedLast: [OptionRule] = []
        rules = configurator.rules.enumerated().filter { !leavingOut.contains($0.offset) }.map(\.element)
        for rule in rules {
            let (g, s) = (rule.when.group, rule.when.value)
            switch rule.kind {
            case .requires:
                for target in rule.targets { compatible[g][s][target.group] &= UInt64(1) << UInt64(target.value) }
            case .excludes:
                for target in rule.targets {
                    compatible[g][s][target.group] &= ~(UInt64(1) << UInt64(target.value))
                    compatible[target.group][target.value][g] &= ~(UInt64(1) << UInt64(s))
                }
            case .onlyWith:
                let targetGroups = Set(rule.targets.map(\.group))
                if targetGroups.count == 1, let h = targetGroups.first {
                    compatible[g][s][h] &= rule.targets.reduce(UInt64(0)) { $0 | UInt64(1) << UInt64($1.value) }
                } else {
                    checkedLast.append(rule)
                }
            }
        }
        self.compatible = compatible
        self.checkedLast = checkedLast
    }

    static func stateCount(_ group: OptionGroup) -> Int {
        switch group.kind {
        case .choice(let values): return values.count + (group.required ? 0 : 1)
        case .text: return group.required ? 1 : 2
        case .quantity(let range, _): return range.count
        }
    }

    private static func all(_ count: Int) -> UInt64 { count >= 64 ? ~0 : (UInt64(1) << UInt64(count)) - 1 }

    /// The default state of a group: its default value, else its first for a required choice and "none" for an
    /// optional one; "none" for an optional text; the default number of a quantity.
    public func defaultState(of group: Int) -> Int {
        let option = configurator.groups[group]
        switch option.kind {
        case .choice(let values):
            if let index = values.firstIndex(where: \.isDefault) { return index }
            return option.required ? 0 : values.count
        case .text: return option.required ? 0 : 1
        case .quantity(let range, let value): return value - range.lowerBound
        }
    }

    /// The default selection: every group's default state.
    public var defaults: [UInt8] { configurator.groups.indices.map { UInt8(defaultState(of: $0)) } }

    /// Visits every valid combination in order (groups in order, states from the first); stops when `body` returns false.
    public func forEach(_ body: ([UInt8]) -> Bool) {
        _ = search(available, preferring: nil, body)
    }

    /// The number of valid combinations, counting no further than `limit` (so an exploding space stops early).
    public func count(upTo limit: Int = .max) -> Int {
        var count = 0
        forEach { _ in
            count += 1
            return count < limit
        }
        return count
    }

    /// Every valid combination, in `forEach` order.
    public func combinations() -> [[UInt8]] {
        var result: [[UInt8]] = []
        forEach {
            result.append($0)
            return true
        }
        return result
    }

    /// The valid combination closest to the defaults that has `state` in `group` (each group tries its default first).
    public func selection(with group: Int, state: Int) -> [UInt8]? {
        var domains = available
        domains[group] &= UInt64(1) << UInt64(state)
        var found: [UInt8]?
        _ = search(domains, preferring: defaults) {
            found = $0
            return false
        }
        return found
    }

    /// The valid combinations with one group fixed to a state, counting no further than `limit`.
    public func count(fixing group: Int, to state: Int, upTo limit: Int = .max) -> Int {
        var domains = available
        domains[group] &= UInt64(1) << UInt64(state)
        var count = 0
        _ = search(domains, preferring: nil) { _ in
            count += 1
            return count < limit
        }
        return count
    }

    /// The first rule a selection breaks (by the configurator's order), or nil when it keeps them all.
    public func brokenRule(_ states: [UInt8]) -> OptionRule? {
        rules.first { !ConfigurationSpace.holds($0, states) }
    }

    static func holds(_ rule: OptionRule, _ states: [UInt8]) -> Bool {
        func selected(_ ref: OptionRef) -> Bool { Int(states[ref.group]) == ref.value }
        guard selected(rule.when) else { return true }
        switch rule.kind {
        case .requires: return rule.targets.allSatisfy(selected)
        case .excludes: return !rule.targets.contains(where: selected)
        case .onlyWith: return rule.targets.contains(where: selected)
        }
    }

    /// Depth-first over the groups from `domains` (each group's possible states), narrowing every group's states by
    /// each choice and backing out of a branch as soon as one is left with none; returns false once `body` asked to
    /// stop. Each level's sets live in one flat array, so the search allocates nothing per branch.
    private func search(_ domains: [UInt64], preferring: [UInt8]?, _ body: ([UInt8]) -> Bool) -> Bool {
        let count = stateCounts.count
        var stack = domains + [UInt64](repeating: 0, count: count * count)
        var states = [UInt8](repeating: 0, count: count)
        func descend(_ group: Int) -> Bool {
            if group == count {
                guard checkedLast.allSatisfy({ ConfigurationSpace.holds($0, states) }) else { return true }
                return body(states)
            }
            let level = group * count, next = level + count
            func attempt(_ state: Int) -> Bool {
                let masks = compatible[group][state]
                for other in 0..<count {
                    let narrowed = (other == group ? UInt64(1) << UInt64(state) : stack[level + other]) & masks[other]
                    if narrowed == 0 { return true }
                    stack[next + other] = narrowed
                }
                states[group] = UInt8(state)
                return descend(group + 1)
            }
            var remaining = stack[level + group]
            if let preferring, remaining & (UInt64(1) << UInt64(preferring[group])) != 0 {
                if !attempt(Int(preferring[group])) { return false }
                remaining &= ~(UInt64(1) << UInt64(preferring[group]))
            }
            while remaining != 0 {
                let state = remaining.trailingZeroBitCount
                remaining &= remaining - 1
                if !attempt(state) { return false }
            }
            return true
        }
        return descend(0)
    }

    /// The id a state has in the page's data: the value's id, `text` for a filled text, the number of a quantity,
    /// and the empty string for "none".
    public func stateID(group: Int, state: Int) -> String {
        let option = configurator.groups[group]
        switch option.kind {
        case .choice(let values): return state < values.count ? values[state].id : ""
        case .text: return state == 0 ? "text" : ""
        case .quantity(let range, _): return String(range.lowerBound + state)
        }
    }

    /// A combination's key in the page's data: its states' ids joined by `|` (ids never contain one).
    public func key(_ states: [UInt8]) -> String {
        states.enumerated().map { stateID(group: $0.offset, state: Int($0.element)) }.joined(separator: "|")
    }
}
