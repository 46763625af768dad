import Intl

/// The validate stage: checks references between files and rules that span them, collecting every problem.
public enum ContentValidator {
    /// The arguments every other message receives when it is shown through `t`.
    public static let pageArguments: Set<String> = ["site", "region", "segment", "count"]

    /// Checks the content against itself and, when given, the templates' assets; returns errors and warnings.
    public static func validate(_ content: StoreContent, assets: Set<String>?) -> [Diagnostic] {
        let log = DiagnosticLog()
        let products = Set(content.products.map(\.id))
        let regions = Set(content.regions.map(\.id))
        let segments = Set(content.segments.map(\.id))
        let pageLocales = Set(content.regions.flatMap(\.locales))

        func check(_ reference: Reference, in known: Set<String>, kind: String, severity: Diagnostic.Severity = .error) {
            guard !known.contains(reference.id) else { return }
            let hint = Suggestion.hint(for: reference.id, among: known)
            let message = "unknown \(kind) '\(reference.id)'"
            log.add(severity == .error ? reference.location.error(message, hint: hint) : reference.location.warning(message, hint: hint))
        }
        /// An image's `src` names a file under `site-templates/assets/` unless it is a URL.
        func checkImage(_ image: ProductImage) {
            let src = image.src
            if let assets, !src.lowercased().hasPrefix("http"), !assets.contains(src) {
                log.add(image.location.error(
                    "image '\(src)' is not in site-templates/assets/", hint: Suggestion.hint(for: src, among: assets)))
            }
        }

        let site = content.site
        check(site.defaultRegion, in: regions, kind: "region")
        check(site.defaultSegment, in: segments, kind: "segment")
        if site.routing.contains("vercel") {
            let count = VercelConfig.routeCount(for: RouteTable(content: content))
            if count > VercelConfig.routeLimit {
                log.add(site.location.error(
                    "routing 'vercel' needs \(count) routes, more than the \(VercelConfig.routeLimit) Vercel accepts in one deployment",
                    hint: "the root takes a route per locale and per language of each region, plus one; route with 'netlify' or 'cloudflare', whose edge function has no such limit"))
            }
        }
        validateMessages(content, log: log)
        validateTaxonomy(content, log: log)

        var countryOwner: [String: String] = [:]
        for region in content.regions {
            for country in region.countries {
                if let owner = countryOwner[country], owner != region.id {
                    log.add(region.location.error("country \(country) is listed by regions '\(owner)' and '\(region.id)'"))
                }
                countryOwner[country] = region.id
            }
        }

        for product in content.products {
            product.complements.forEach { check($0, in: products, kind: "product") }
            product.regionReferences.forEach { check($0, in: regions, kind: "region") }
            for region in content.regions where product.isSold(in: region.id) && product.price(in: region) == nil {
                log.add(product.location.error(
                    "product '\(product.id)' is sold in region '\(region.id)' but has no \(region.currency.code) price"))
            }
            checkImage(product.image)
        }
        content.site.shareImage.map(checkImage)

        let categories = Set(content.products.flatMap(\.categoryAncestry))
        site.productPages.categories?.forEach { check($0, in: categories, kind: "category") }

        for segment in content.segments {
            (segment.pinned + segment.exclude.products).forEach { check($0, in: products, kind: "product") }
        }

        for promotion in content.promotions {
            promotion.appliesTo.products.forEach { check($0, in: products, kind: "product") }
            promotion.segments?.forEach { check($0, in: segments, kind: "segment") }
            promotion.regions?.forEach { check($0, in: regions, kind: "region") }
            for locale in promotion.localeReferences where !Planner.targetsAny(locale.id, of: pageLocales) {
                log.add(locale.location.error(
                    "no region has the locale '\(locale.id)'",
                    hint: Suggestion.hint(for: locale.id, among: pageLocales)))
            }
        }

        for bundle in content.bundles {
            bundle.items.forEach { check($0.product, in: products, kind: "product") }
            bundle.segments?.forEach { check($0, in: segments, kind: "segment") }
            bundle.regions?.forEach { check($0, in: regions, kind: "region") }
        }

        ConfiguratorValidation.validate(content, assets: assets, log: log)

        for order in content.orders {
            check(order.product, in: products, kind: "product")
            check(order.region, in: regions, kind: "region")
            if let segment = order.segment { check(segment, in: segments, kind: "segment") }
        }
        return log.sorted
    }

    /// Every locale a page can use has messages, arguments are known (those Vary passes to its own texts), ids nest.
    private static func validateMessages(_ content: StoreContent, log: DiagnosticLog) {
        let site = content.site
        let defaultMessages = content.locales[site.defaultLocale] ?? content.locales[LocaleTag.language(site.defaultLocale)]
        if defaultMessages == nil {
            log.add(site.location.error(
                "no messages for the default locale '\(site.defaultLocale)' (add locales/\(site.defaultLocale).json)"))
        }
        for region in content.regions {
            for tag in region.locales
            where content.locales[tag] == nil && content.locales[LocaleTag.language(tag)] == nil {
                // Its pages still build, from the default locale's texts; the fallback report names each one.
                log.add(region.location.warning(
                    "region '\(region.id)': no messages for locale '\(tag)', its pages use the default locale's (add locales/\(tag).json or locales/\(LocaleTag.language(tag)).json)"))
            }
        }
        for file in content.locales.values.sorted(by: { $0.tag < $1.tag }) {
            let ids = Set(file.messages.keys)
            for (id, message) in file.messages.sorted(by: { $0.key < $1.key }) {
                let parent = id.split(separator: ".").dropLast().joined(separator: ".")
                if !parent.isEmpty, ids.contains(parent) {
                    log.add(message.location.error("message '\(id)' nests under '\(parent)', which is itself a message"))
                }
                if let builtIn = builtInNesting(id) {
                    log.add(message.location.error("message '\(id)' and Vary's own text '\(builtIn)' cannot both be in `t`: one nests under the other"))
                }
                let allowed = BuiltInTexts.byID[id]?.arguments ?? pageArguments
                for name in message.format.argumentNames.sorted() where !allowed.contains(name) {
                    log.add(message.location.error(
                        "message '\(id)' uses unknown argument '{\(name)}' (available: \(allowed.sorted().joined(separator: ", ")))",
                        hint: Suggestion.hint(for: name, among: allowed)))
                }
            }
        }
    }

    /// A built-in text id that `id` nests under or that nests under `id`, if any.
    private static func builtInNesting(_ id: String) -> String? {
        BuiltInTexts.all.first { $0.id.hasPrefix(id + ".") || id.hasPrefix($0.id + ".") }?.id
    }
}
