import DataFormats
import Intl
import Mustache

/// The view model of a configurator page: the selection it renders (the defaults, with the page's merchandised
/// value), its exact price, the form's groups and the data the page's script reads.
struct ConfiguratorModel {
    let inputs: BuildInputs
    let plan: ConfiguratorPlan
    let regional: ConfiguratorPlan.Regional
    let locale: PageLocale
    let page: PageSpec

    private var configurator: Configurator { plan.configurator }
    private var space: ConfigurationSpace { regional.space }
    private var defaultTag: String { inputs.content.site.defaultLocale }
    private var axis: Int { configurator.merchandised }

    /// What the page is built from: every combination's price, the selection and its price.
    struct Built {
        var context: Value
        var title: String
        var description: String
        var jsonLD: String
        /// The selection's picture, which a shared link shows.
        var image: ProductImage
    }

    func build(audience: PageAudience, promotions: [Promotion], cards: CardBuilder) -> Built? {
        guard let prices = ConfigurationPrices(space, product: plan.product, audience: audience, promotions: promotions)
        else { return nil }
        var byKey: [[UInt8]: PricedProduct] = [:]
        for combination in prices.combinations { byKey[combination.states] = combination.price }
        let values = configurator.groups[axis].values
        let current = page.option.flatMap { id in values.firstIndex { $0.id == id } }
            ?? (regional.values.contains(Int(space.defaults[axis])) ? Int(space.defaults[axis]) : regional.values[0])
        guard let selection = space.selection(with: axis, state: current), let price = byKey[selection] else { return nil }

        let product = plan.product
        let productTitle = text(product.title)
        let valueLabel = text(values[current].label)
        let picture = self.picture(for: selection)
        let image: Value = .object(["src": .string(inputs.imageURL(picture.src)), "alt": .string(text(picture.alt))])
        var fields = cards.productFields(product, price: price, rank: 1, reasons: [], pinned: false)
        fields["image"] = image
        let card: Value = .object(fields)
        let merchandisedValues: [Value] = regional.values.map { index in
            let value = values[index]
            var fields: [String: Value] = [
                "id": .string(value.id), "label": .string(text(value.label)), "url": .string(valuePath(value.id)),
                "isCurrent": .bool(index == current),
            ]
            if let swatch = value.swatch { fields["swatch"] = .string(swatch) }
            if let choice = space.selection(with: axis, state: index), let priced = byKey[choice] {
                fields["priceText"] = .string(locale.money.string(priced.final))
            }
            return .object(fields)
        }
        var context: [String: Value] = [
            "product": card,
            "productURL": .string(basePath),
            "isValuePage": .bool(page.option != nil),
            "value": .string(valueLabel),
            "merchandised": .object([
                "id": .string(configurator.groups[axis].id), "label": .string(text(configurator.groups[axis].label)),
                "values": .list(merchandisedValues),
            ]),
            "groups": .list(configurator.groups.indices.filter { $0 != axis }.map { groupModel($0, selection: selection) }),
            "selection": .list(configurator.groups.indices.compactMap { group -> Value? in
                let state = Int(selection[group])
                guard let label = stateLabel(group: group, state: state) else { return nil }
                return .object(["group": .string(text(configurator.groups[group].label)), "value": .string(label)])
            }),
            "image": image,
            "combinationCount": .int(regional.count),
            "data": .string(JSONWriter.string(data(prices), pretty: false, escapeForScript: true)),
            "script": .string(inputs.assetURLs[ConfiguratorScript.path] ?? ""),
        ]
        context["price"] = .object([
            "amount": .string(price.final.amountText), "currency": .string(price.final.currency.code),
            "text": .string(locale.money.string(price.final)),
        ])
        if price.isDiscounted {
            context["originalPrice"] = .object([
                "amount": .string(price.regular.amountText), "text": .string(locale.money.string(price.regular)),
            ])
        }
        let title = page.option == nil ? productTitle : "\(productTitle) – \(valueLabel)"
        return Built(
            context: .object(context), title: title, description: text(product.description),
            jsonLD: jsonLD(byKey: byKey, name: productTitle), image: picture)
    }

    private func text(_ localized: LocalizedText) -> String { locale.text(localized, defaultTag: defaultTag) }

    private var basePath: String { PageSpec(kind: .configure, region: page.region, locale: page.locale, item: page.item).path }

    private func valuePath(_ id: String) -> String {
        PageSpec(kind: .configure, region: page.region, locale: page.locale, item: page.item, option: id).path
    }

    /// The label of a state for the summary; nil for "none".
    private func stateLabel(group: Int, state: Int) -> String? {
        let option = configurator.groups[group]
        switch option.kind {
        case .choice(let values): return state < values.count ? text(values[state].label) : nil
        case .text: return nil
        case .quantity(let range, _):
            return locale.localizer.format("bundle.quantity", ["quantity": .int(range.lowerBound + state)])
        }
    }

    /// The picture of a selection: the last group's chosen value that has one, else the product's.
    private func picture(for selection: [UInt8]) -> ProductImage {
        var chosen = plan.product.image
        for (group, state) in selection.enumerated() {
            let values = configurator.groups[group].values
            if Int(state) < values.count, let image = values[Int(state)].image { chosen = image }
        }
        return chosen
    }

    private func groupModel(_ group: Int, selection: [UInt8]) -> Value {
        let option = configurator.groups[group]
        var fields: [String: Value] = [
            "id": .string(option.id), "label": .string(text(option.label)), "required": .bool(option.required),
            "isChoice": .bool(false), "isText": .bool(false), "isQuantity": .bool(false),
        ]
        switch option.kind {
        case .choice(let values):
            fields["isChoice"] = .bool(true)
            var list: [Value] = values.indices.filter { regional.space.available[group] & (UInt64(1) << UInt64($0)) != 0 }.map { index in
                var value: [String: Value] = [
                    "id": .string(values[index].id), "label": .string(text(values[index].label)), "name": .string(option.id),
                    "isSelected": .bool(Int(selection[group]) == index),
                ]
                if let swatch = values[index].swatch { value["swatch"] = .string(swatch) }
                return .object(value)
            }
            if !option.required {
                list.insert(.object(["id": .string(""), "label": .string(""), "name": .string(option.id), "isNone": .bool(true),
                                     "isSelected": .bool(Int(selection[group]) == values.count)]), at: 0)
            }
            fields["values"] = .list(list)
        case .text(let limits):
            fields["isText"] = .bool(true)
            fields["maxLength"] = .int(limits.maxLength)
            fields["pattern"] = .string(ConfiguratorModel.pattern(limits))
        case .quantity(let range, _):
            fields["isQuantity"] = .bool(true)
            fields["min"] = .int(range.lowerBound)
            fields["max"] = .int(range.upperBound)
            fields["value"] = .int(range.lowerBound + Int(selection[group]))
        }
        return .object(fields)
    }

    /// An HTML `pattern` for a text's allowed characters, every character written as an escape so that the
    /// pattern means the same under the `v` flag browsers use.
    static func pattern(_ limits: TextLimits) -> String {
        func escape(_ scalar: UInt32) -> String { "\\u{" + String(scalar, radix: 16) + "}" }
        let ranges = limits.allowed.map { $0.lowerBound == $0.upperBound ? escape($0.lowerBound) : escape($0.lowerBound) + "-" + escape($0.upperBound) }
        return "[" + ranges.joined() + "]*"
    }

    /// The data block the script reads: the groups' states, every valid combination's exact price, the images
    /// and pages of values.
    private func data(_ prices: ConfigurationPrices) -> JSONValue {
        let groups: [JSONValue] = configurator.groups.indices.map { group in
            let option = configurator.groups[group]
            var pairs: [(String, JSONValue)] = [("id", .string(option.id))]
            switch option.kind {
            case .choice: pairs.append(("type", .string("choice")))
            case .text(let limits):
                pairs.append(("type", .string("text")))
                pairs.append(("maxLength", .integer(limits.maxLength)))
                pairs.append(("allowed", .array(values: limits.allowed.map {
                    .array(values: [.integer(Int($0.lowerBound)), .integer(Int($0.upperBound))])
                })))
            case .quantity: pairs.append(("type", .string("quantity")))
            }
            pairs.append(("states", .array(values: (0..<space.stateCounts[group]).map {
                .string(space.stateID(group: group, state: $0))
            })))
            return .object(pairs: pairs)
        }
        var images: [(String, JSONValue)] = []
        for (group, option) in configurator.groups.enumerated() {
            for value in option.values {
                guard let image = value.image else { continue }
                images.append(("\(configurator.groups[group].id)|\(value.id)", .object(pairs: [
                    ("src", .string(inputs.imageURL(image.src))), ("alt", .string(text(image.alt))),
                ])))
            }
        }
        let combinations: [(String, JSONValue)] = prices.combinations.map { combination in
            let price = combination.price
            var entry: [JSONValue] = [.string(price.final.amountText), .string(locale.money.string(price.final))]
            if price.isDiscounted { entry.append(.string(locale.money.string(price.regular))) }
            return (space.key(combination.states), .array(values: entry))
        }
        let product = plan.product
        return .object(pairs: [
            ("product", .string(product.id)),
            ("currency", .string(locale.region.currency.code)),
            ("merchandised", .string(configurator.groups[axis].id)),
            ("groups", .array(values: groups)),
            ("image", .object(pairs: [
                ("src", .string(inputs.imageURL(product.image.src))), ("alt", .string(text(product.image.alt))),
            ])),
            ("images", .object(pairs: images)),
            ("pages", .object(pairs: regional.values.map {
                let id = configurator.groups[axis].values[$0].id
                return (id, .string(valuePath(id)))
            })),
            ("prices", .object(pairs: combinations)),
        ])
    }

    /// A schema.org `ProductGroup` varying by the merchandised axis, with a `Product` per value priced at its
    /// page's selection.
    private func jsonLD(byKey: [[UInt8]: PricedProduct], name: String) -> String {
        let product = plan.product
        let group = configurator.groups[axis]
        let property = ConfiguratorModel.schemaProperty(group.id)
        let variants: [JSONValue] = regional.values.compactMap { index in
            guard let selection = space.selection(with: axis, state: index), let price = byKey[selection] else { return nil }
            let value = group.values[index]
            let url = inputs.absoluteURL(valuePath(value.id))
            var pairs: [(String, JSONValue)] = [
                ("@type", .string("Product")),
                ("name", .string("\(name) – \(text(value.label))")),
                ("sku", .string("\(product.sku)-\(value.id)")),
                ("image", .string(inputs.absoluteImageURL((value.image ?? product.image).src))),
            ]
            if let property { pairs.append((property, .string(text(value.label)))) }
            pairs.append(("url", .string(url)))
            pairs.append(("offers", .object(pairs: [
                ("@type", .string("Offer")),
                ("price", .string(price.final.amountText)),
                ("priceCurrency", .string(price.final.currency.code)),
                ("availability", .string(product.isInStock(in: locale.region.id) ? "https://schema.org/InStock" : "https://schema.org/OutOfStock")),
                ("url", .string(url)),
            ])))
            return .object(pairs: pairs)
        }
        let value = JSONValue.object(pairs: [
            ("@context", .string("https://schema.org")),
            ("@type", .string("ProductGroup")),
            ("name", .string(name)),
            ("description", .string(text(product.description))),
            ("productGroupID", .string(product.sku)),
            ("brand", .object(pairs: [("@type", .string("Brand")), ("name", .string(product.brand))])),
            ("url", .string(inputs.absoluteURL(basePath))),
            ("variesBy", .array(values: [.string(property.map { "https://schema.org/\($0)" } ?? text(group.label))])),
            ("hasVariant", .array(values: variants)),
        ])
        return JSONWriter.string(value, pretty: false, escapeForScript: true)
    }

    /// The schema.org property a merchandised group's id stands for (`colour` → `color`), when it is one.
    static func schemaProperty(_ id: String) -> String? {
        switch id {
        case "colour", "color": return "color"
        case "size": return "size"
        case "material": return "material"
        case "pattern": return "pattern"
        default: return nil
        }
    }
}
