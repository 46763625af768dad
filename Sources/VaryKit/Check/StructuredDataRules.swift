import Foundation
import Intl

/// Checks of JSON-LD: it parses, it cannot close its `<script>`, and every `Product` has a name and a priced offer.
enum StructuredDataRules {
    /// Every structured-data problem of one page.
    static func check(_ tree: PageTree, in context: PageContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let scripts = tree.elements(named: "script").filter(ScriptRules.isJSONLD)
        for (number, script) in scripts.enumerated() {
            let text = script.text ?? ""
            let locator = scripts.count == 1 ? "" : "jsonld[\(number)]"
            if text.containsByte(UInt8(ascii: "<")) {
                diagnostics.append(context.error(
                    line: script.line, path: locator, "JSON-LD contains a raw \"<\"",
                    hint: "escape it as \\u003c so that no content can close the <script>"))
            }
            // Well-formed JSON-LD, which is every page's, is read by the strict parser; whatever it rejects or
            // reads differently from Foundation (see `StrictProducts`) takes Foundation's path below.
            if let found = StrictProducts.products(in: text, path: locator) {
                for (path, product) in found {
                    diagnostics += product.problems(path: path).map {
                        context.error(line: script.line, path: $0.path, $0.message)
                    }
                }
                continue
            }
            let json: Any
            do {
                json = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            } catch {
                let (reason, lines) = explanation(error, in: text)
                diagnostics.append(context.error(
                    line: script.line + lines, path: locator,
                    "JSON-LD is not valid JSON: \(reason)"))
                continue
            }
            // Foundation accepts `[1,]`, which JSON (and so JSON-LD) does not; a template looping over
            // products with a comma after each item produces exactly that.
            if let offset = trailingComma(in: text) {
                diagnostics.append(context.error(
                    line: script.line + lineOffset(in: text, atByte: offset), path: locator,
                    "JSON-LD is not valid JSON: a comma before a closing bracket around character \(offset)",
                    hint: "remove the comma after the last item"))
                continue
            }
            for (path, product) in products(in: json, path: locator) {
                diagnostics += problems(ofProduct: product, path: path).map {
                    context.error(line: script.line, path: $0.path, $0.message)
                }
            }
        }
        return diagnostics
    }

    /// Foundation's explanation of a JSON error and how many lines into the text it points.
    ///
    /// Foundation says "around character 21" on Linux and "around line 3, column 0" on older Darwin releases.
    private static func explanation(_ error: Error, in text: String) -> (reason: String, lines: Int) {
        let info = (error as NSError).userInfo
        let reason = (info[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if let range = reason.range(of: "around line "), let line = Int(reason[range.upperBound...].prefix(while: \.isNumber)) {
            return (reason, max(0, line - 1))
        }
        if let range = reason.range(of: "around character ") {
            return (reason, lineOffset(in: text, atByte: Int(reason[range.upperBound...].prefix(while: \.isNumber))))
        }
        return (reason, 0)
    }

    /// How many lines into `text` the byte at `offset` is.
    private static func lineOffset(in text: String, atByte offset: Int?) -> Int {
        guard let offset else { return 0 }
        return text.utf8.prefix(offset).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// The byte offset of a comma followed only by white space and `]` or `}`, outside strings.
    static func trailingComma(in text: String) -> Int? {
        var inString = false, escaped = false
        var pendingComma: Int? = nil
        for (offset, byte) in text.utf8.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true; pendingComma = nil
            case UInt8(ascii: ","): pendingComma = offset
            case UInt8(ascii: "]"), UInt8(ascii: "}"): if let pendingComma { return pendingComma }
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): break
            default: pendingComma = nil
            }
        }
        return nil
    }

    /// Products at the top level, in arrays, in `@graph`, in `mainEntity`, in an ItemList's elements and a ProductGroup's variants.
    static func products(in json: Any, path: String) -> [(path: String, product: [String: Any])] {
        if let array = json as? [Any] {
            return array.enumerated().flatMap { products(in: $1, path: "\(path)[\($0)]") }
        }
        guard let object = json as? [String: Any] else { return [] }
        var found: [(path: String, product: [String: Any])] = []
        if types(of: object).contains("Product") { found.append((path, object)) }
        for key in ["@graph", "mainEntity", "itemListElement", "hasVariant"] {
            if let nested = object[key] { found += products(in: nested, path: join(path, key)) }
        }
        if types(of: object).contains("ListItem"), let item = object["item"] {
            found += products(in: item, path: join(path, "item"))
        }
        return found
    }

    /// A product's missing or malformed name, offers, price and currency.
    static func problems(ofProduct product: [String: Any], path: String) -> [(path: String, message: String)] {
        let name = (product["name"] as? String).map(PageElement.trimmed) ?? ""
        // Made only for a message: most products have none.
        var label: String { Self.label(name: name) }
        var problems: [(path: String, message: String)] = []
        if name.isEmpty { problems.append((join(path, "name"), "\(label) has no name")) }
        let offers: [(path: String, offer: [String: Any])]
        switch product["offers"] {
        case let offer as [String: Any]: offers = [(join(path, "offers"), offer)]
        case let list as [Any]:
            offers = list.enumerated().compactMap { index, item in
                (item as? [String: Any]).map { ("\(join(path, "offers"))[\(index)]", $0) }
            }
        default: offers = []
        }
        if offers.isEmpty {
            problems.append((join(path, "offers"), "\(label) has no offers"))
        }
        for (offerPath, offer) in offers {
            let priceKey = types(of: offer).contains("AggregateOffer") && offer["price"] == nil ? "lowPrice" : "price"
            let price: OfferPrice = switch offer[priceKey] {
            case nil, is NSNull: .missing
            case let text as String: .text(text)
            case is NSNumber: .number
            default: .other
            }
            problems += offerProblems(label: label, offerPath: offerPath, priceKey: priceKey, price: price,
                                      currency: offer["priceCurrency"] as? String)
        }
        return problems
    }

    /// What an offer's price is, as far as the rules care.
    enum OfferPrice {
        case missing, number, other
        case text(String)
    }

    /// The problems of one offer of the product labelled `label`: its price under `priceKey` and its currency.
    static func offerProblems(
        label: @autoclosure () -> String, offerPath: String, priceKey: String, price: OfferPrice, currency: String?
    )
        -> [(path: String, message: String)]
    {
        var problems: [(path: String, message: String)] = []
        switch price {
        case .missing:
            problems.append((join(offerPath, priceKey), "\(label()) has an offer without \(priceKey)"))
        case .text(let price) where !isDecimal(price):
            problems.append((join(offerPath, priceKey), "\(label()) has price \"\(price)\", which is not a decimal number like 19.99"))
        case .text, .number:
            break
        case .other:
            problems.append((join(offerPath, priceKey), "\(label()) has a price that is neither a number nor a string"))
        }
        guard let currency else {
            problems.append((join(offerPath, "priceCurrency"), "\(label()) has an offer without priceCurrency"))
            return problems
        }
        if Currency(code: currency) == nil {
            problems.append((join(offerPath, "priceCurrency"),
                "\(label()) has priceCurrency \"\(PageElement.shortened(currency))\", which is not an ISO 4217 code like EUR"))
        }
        return problems
    }

    /// The label a product's messages name it by, from its trimmed name.
    static func label(name: String) -> String {
        name.isEmpty ? "Product" : "Product \"\(PageElement.shortened(name))\""
    }

    private static func types(of object: [String: Any]) -> [String] {
        switch object["@type"] {
        case let type as String: [type]
        case let list as [Any]: list.compactMap { $0 as? String }
        default: []
        }
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// `19.99`, `1800`, `1.543`: digits with an optional fraction, as schema.org wants prices.
    static func isDecimal(_ text: String) -> Bool {
        // Read as bytes: a character that is an ASCII digit is exactly a byte that is one, and a dot one byte.
        var digits = 0, dots = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, dots == 0 else { return false }
                dots += 1
                digits = 0
            } else {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
                digits += 1
            }
        }
        return digits > 0
    }
}
