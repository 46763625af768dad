import Intl

/// Decodes `configurators.json`: per customizable product its option groups, their values and the rules between
/// them. Names inside the file (groups, values, rule references) are resolved here, with suggestions; the product,
/// currencies, regions, images and what the rules leave possible are checked by `ConfiguratorValidation`.
enum ConfiguratorDecoder {
    static let keys = ["product", "merchandised", "groups", "rules", "combinationLimit"]
    static let groupKeys = ["id", "label", "type", "required", "values", "delta", "regionDelta", "maxLength", "allowed",
                            "min", "max", "default"]
    static let valueKeys = ["id", "label", "image", "swatch", "delta", "regionDelta", "stock", "default"]
    static let ruleKinds: [OptionRule.Kind] = [.requires, .excludes, .onlyWith]
    /// The most states a group may have (values, plus "none" when it is optional), so that a group's choices fit a 64-bit set.
    static let maxStates = 64
    /// The warning threshold of a configurator that sets none.
    static let defaultCombinationLimit = 10_000

    static func decode(_ field: Field, regionCurrencies: [String: Currency]) -> Configurator? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(keys)
        let product = field.required("product")?.reference
        let groupsField = field.required("groups")
        let groups = groupsField?.elements?.map { decodeGroup($0, regionCurrencies: regionCurrencies) }
        if let groupsField, groupsField.node.array?.isEmpty == true { groupsField.error("a configurator needs at least one group") }
        let limit = field.optional("combinationLimit").map { $0.int(in: 1...1_000_000) } ?? defaultCombinationLimit
        guard let groups, !groups.contains(where: { $0 == nil }) else { return nil }
        let decoded = groups.compactMap { $0 }
        reportDuplicates(decoded.map { ($0.id, $0.location) }, kind: "group", log: field.log)
        for group in decoded {
            reportDuplicates(group.values.map { ($0.id, $0.location) }, kind: "value in group '\(group.id)'", log: field.log)
        }
        let merchandised = decodeMerchandised(field, groups: decoded)
        let rules = field.optional("rules")?.elements?.compactMap { decodeRule($0, groups: decoded) } ?? []
        guard let product, let merchandised, let limit else { return nil }
        return Configurator(
            product: product, merchandised: merchandised, groups: decoded, rules: rules, combinationLimit: limit,
            location: field.location)
    }

    /// The merchandised axis: a choice group named by `merchandised`, else the first choice group.
    private static func decodeMerchandised(_ field: Field, groups: [OptionGroup]) -> Int? {
        let choices = groups.indices.filter { !groups[$0].values.isEmpty }
        guard let named = field.optional("merchandised") else {
            if let first = choices.first { return first }
            field.error("a configurator needs a choice group for its merchandised axis (its pages are one per value)")
            return nil
        }
        guard let id = named.string else { return nil }
        guard let index = groups.firstIndex(where: { $0.id == id }) else {
            named.error("unknown group '\(id)'", hint: Suggestion.hint(for: id, among: groups.map(\.id)))
            return nil
        }
        guard choices.contains(index) else {
            named.error("the merchandised axis must be a choice group with values ('\(id)' is not)")
            return nil
        }
        return index
    }

    private static func decodeGroup(_ field: Field, regionCurrencies: [String: Currency]) -> OptionGroup? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(groupKeys)
        let id = field.required("id")?.id
        let label = field.required("label")?.localizedText
        let type = field.optional("type").flatMap { typeField -> String? in
            guard let text = typeField.string else { return nil }
            guard ["choice", "text", "quantity"].contains(text) else {
                typeField.error("unknown group type '\(text)' (expected \"choice\", \"text\" or \"quantity\")",
                                hint: Suggestion.hint(for: text, among: ["choice", "text", "quantity"]))
                return nil
            }
            return text
        } ?? (field.optional("type") == nil ? "choice" : nil)
        let delta = decodeDelta(field, regionCurrencies: regionCurrencies)
        var kind: OptionGroup.Kind?
        var required = true
        switch type {
        case "choice":
            required = field.optional("required").flatMap(\.bool) ?? true
            kind = decodeValues(field, required: required, regionCurrencies: regionCurrencies).map(OptionGroup.Kind.choice)
        case "text":
            required = field.optional("required").flatMap(\.bool) ?? false
            kind = decodeText(field).map(OptionGroup.Kind.text)
        case "quantity":
            required = true
            if field.optional("required") != nil { field.optional("required")!.error("a quantity always has a value; set 'min' instead") }
            kind = decodeQuantity(field)
        default:
            break
        }
        guard let id, let label, let kind, let delta else { return nil }
        return OptionGroup(id: id, label: label, kind: kind, required: required, delta: delta, location: field.location)
    }

    private static func decodeValues(_ field: Field, required: Bool, regionCurrencies: [String: Currency]) -> [OptionValue]? {
        for key in ["delta", "regionDelta"] { field.optional(key)?.error("a choice group's values carry their own '\(key)'") }
        for key in ["maxLength", "allowed", "min", "max", "default"] {
            field.optional(key)?.error("'\(key)' does not belong to a choice group (a value is marked with \"default\": true)")
        }
        guard let valuesField = field.required("values"), let elements = valuesField.elements else { return nil }
        if elements.isEmpty { valuesField.error("a choice group needs at least one value") }
        let states = elements.count + (required ? 0 : 1)
        if states > maxStates {
            valuesField.error("\(elements.count) values are more than a group may hold (\(maxStates - (required ? 0 : 1)))",
                              hint: "split the group in two")
        }
        let values = elements.map { decodeValue($0, regionCurrencies: regionCurrencies) }
        guard !values.contains(where: { $0 == nil }), !elements.isEmpty, states <= maxStates else { return nil }
        let decoded = values.compactMap { $0 }
        let defaults = decoded.filter(\.isDefault)
        if defaults.count > 1 {
            field.log.add(defaults[1].location.error("a second default in group (the first is '\(defaults[0].id)')"))
        }
        return decoded
    }

    private static func decodeValue(_ field: Field, regionCurrencies: [String: Currency]) -> OptionValue? {
        guard field.members != nil else { return nil }
        field.rejectUnknownKeys(valueKeys)
        let id = field.required("id")?.id
        let label = field.required("label")?.localizedText
        let image = field.optional("image").flatMap(ProductDecoder.decodeImage)
        let swatch = field.optional("swatch").flatMap(decodeSwatch)
        let delta = decodeDelta(field, regionCurrencies: regionCurrencies)
        // The decoder reported regions unknown to regionDelta; those of stock are checked with the store's regions.
        var regionReferences: [Reference] = []
        var stock: [String: Int]?
        if let stockField = field.optional("stock") {
            var counts: [String: Int] = [:]
            for member in stockField.members ?? [] {
                regionReferences.append(Reference(member.key, at: member.keyLocation))
                if let count = member.value.int(in: 0...Int(Int32.max)) { counts[member.key] = count }
            }
            stock = counts
        }
        let isDefault = field.optional("default").flatMap(\.bool) ?? false
        guard let id, let label, let delta else { return nil }
        if field.optional("image") != nil && image == nil { return nil }
        return OptionValue(
            id: id, label: label, image: image, swatch: swatch, delta: delta, stock: stock, isDefault: isDefault,
            location: field.location, regionReferences: regionReferences)
    }

    /// `#rgb` or `#rrggbb`: a swatch's colour goes into a `style`-free attribute, so only hex colours are accepted.
    private static func decodeSwatch(_ field: Field) -> String? {
        guard let text = field.string else { return nil }
        let digits = text.dropFirst()
        guard text.first == "#", digits.count == 3 || digits.count == 6, digits.allSatisfy(\.isHexDigit) else {
            field.error("\"\(text)\" is not a hex colour such as \"#1f4e79\"")
            return nil
        }
        return text.lowercased()
    }

    /// `delta` (currency → money) and `regionDelta` (region → money in its currency) of a value or group.
    private static func decodeDelta(_ field: Field, regionCurrencies: [String: Currency]) -> PriceDelta? {
        var byCurrency: [String: Money] = [:]
        if let deltaField = field.optional("delta") {
            guard let money = deltaField.moneyByCurrency else { return nil }
            byCurrency = money
        }
        var byRegion: [String: Money] = [:]
        for member in field.optional("regionDelta")?.members ?? [] {
            guard let currency = regionCurrencies[member.key] else {
                field.log.add(member.keyLocation.error(
                    "unknown region '\(member.key)'", hint: Suggestion.hint(for: member.key, among: regionCurrencies.keys)))
                continue
            }
            if let money = member.value.money(in: currency) { byRegion[member.key] = money }
        }
        let keys = (field.optional("delta")?.node.members != nil ? field.optional("delta")?.members : nil) ?? []
        return PriceDelta(
            byCurrency: byCurrency, byRegion: byRegion,
            currencyLocations: Dictionary(keys.map { ($0.key, $0.keyLocation) }, uniquingKeysWith: { a, _ in a }))
    }

    private static func decodeText(_ field: Field) -> TextLimits? {
        for key in ["values", "min", "max", "default"] { field.optional(key)?.error("'\(key)' does not belong to a text group") }
        let maxLength = field.required("maxLength")?.int(in: 1...1000)
        var allowed: [ClosedRange<UInt32>] = []
        if let allowedField = field.required("allowed") {
            for entry in allowedField.elements ?? [] {
                guard let text = entry.string else { continue }
                let scalars = Array(text.unicodeScalars)
                if scalars.count == 1 {
                    allowed.append(scalars[0].value...scalars[0].value)
                } else if scalars.count == 3, scalars[1] == "-", scalars[0].value <= scalars[2].value {
                    allowed.append(scalars[0].value...scalars[2].value)
                } else {
                    entry.error("\"\(text)\" is neither one character nor a range such as \"A-Z\"")
                }
            }
            if allowedField.node.array?.isEmpty == true { allowedField.error("a text group needs at least one allowed character") }
        }
        guard let maxLength, !allowed.isEmpty else { return nil }
        return TextLimits(maxLength: maxLength, allowed: allowed)
    }

    private static func decodeQuantity(_ field: Field) -> OptionGroup.Kind? {
        for key in ["values", "maxLength", "allowed"] { field.optional(key)?.error("'\(key)' does not belong to a quantity group") }
        let min = field.required("min")?.int(in: 0...10_000)
        let max = field.required("max")?.int(in: 0...10_000)
        guard let min, let max else { return nil }
        guard min <= max else {
            field.optional("max")!.error("max \(max) is below min \(min)")
            return nil
        }
        guard max - min < maxStates else {
            field.optional("max")!.error("a quantity range holds at most \(maxStates) numbers (\(min)…\(max) holds \(max - min + 1))")
            return nil
        }
        let defaultField = field.optional("default")
        let value = defaultField.map { $0.int(in: min...max) } ?? min
        guard let value else { return nil }
        return .quantity(min...max, default: value)
    }

    private static func decodeRule(_ field: Field, groups: [OptionGroup]) -> OptionRule? {
        guard let members = field.members else { return nil }
        field.rejectUnknownKeys(["when"] + ruleKinds.map(\.rawValue))
        let kinds = members.filter { member in ruleKinds.contains { $0.rawValue == member.key } }
        guard kinds.count == 1, let kindMember = kinds.first, let kind = OptionRule.Kind(rawValue: kindMember.key) else {
            field.error("a rule needs exactly one of 'requires', 'excludes' or 'onlyWith'")
            return nil
        }
        let when = field.required("when").flatMap { resolve($0, groups: groups) }
        let targetsField = kindMember.value
        let targets = targetsField.elements?.map { resolve($0, groups: groups) }
        if targetsField.node.array?.isEmpty == true { targetsField.error("'\(kind.rawValue)' needs at least one value") }
        guard let when, let targets, !targets.contains(where: { $0 == nil }), !targets.isEmpty else { return nil }
        let resolved = targets.compactMap { $0 }
        for target in resolved where target.group == when.group {
            field.log.add(target.location.error("'\(target.text)' is in the same group as '\(when.text)': a rule relates values of different groups"))
            return nil
        }
        return OptionRule(kind: kind, when: when, targets: resolved, location: field.location)
    }

    /// `group:value` for a choice group's value, `group` for a text group being filled.
    private static func resolve(_ field: Field, groups: [OptionGroup]) -> OptionRef? {
        guard let text = field.string else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let groupIndex = groups.firstIndex(where: { $0.id == parts[0] }) else {
            field.error("unknown group '\(parts[0])' in \"\(text)\"", hint: Suggestion.hint(for: parts[0], among: groups.map(\.id)))
            return nil
        }
        let group = groups[groupIndex]
        switch group.kind {
        case .choice(let values):
            guard parts.count == 2 else {
                field.error("\"\(text)\" names a choice group without a value (write \"\(group.id):<value>\")",
                            hint: values.first.map { "such as \"\(group.id):\($0.id)\"" })
                return nil
            }
            guard let valueIndex = values.firstIndex(where: { $0.id == parts[1] }) else {
                field.error("unknown value '\(parts[1])' in group '\(group.id)'", hint: Suggestion.hint(for: parts[1], among: values.map(\.id)))
                return nil
            }
            return OptionRef(group: groupIndex, value: valueIndex, text: text, location: field.location)
        case .text:
            guard parts.count == 1 else {
                field.error("\"\(text)\": a text group is named alone (\"\(group.id)\" means its text is filled in)")
                return nil
            }
            return OptionRef(group: groupIndex, value: 0, text: text, location: field.location)
        case .quantity:
            field.error("rules cannot name the quantity group '\(group.id)' (set its 'min' and 'max' instead)")
            return nil
        }
    }

    private static func reportDuplicates(_ items: [(String, SourceLocation)], kind: String, log: DiagnosticLog) {
        var seen: [String: SourceLocation] = [:]
        for (id, location) in items {
            if let first = seen[id] {
                log.add(location.error("duplicate \(kind) id '\(id)' (first defined at line \(first.line))"))
            } else {
                seen[id] = location
            }
        }
    }
}
