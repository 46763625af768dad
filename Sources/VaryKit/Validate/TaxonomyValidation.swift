extension ContentValidator {
    /// Every id `taxonomy.json` names is one the content uses: a category path (or one of its levels), a tag, a
    /// region's season, a product's brand; an unknown one is an error at its key with the closest known id.
    static func validateTaxonomy(_ content: StoreContent, log: DiagnosticLog) {
        let known = knownTaxonomyIDs(content)
        for kind in Taxonomy.Kind.allCases {
            let ids = known[kind] ?? []
            for (id, name) in (content.taxonomy.names[kind] ?? [:]).sorted(by: { $0.key < $1.key }) where !ids.contains(id) {
                log.add(name.location.error(
                    "unknown \(kind.noun) '\(id)': no \(kindSource(kind)) uses it",
                    hint: Suggestion.hint(for: id, among: ids)))
            }
        }
    }

    /// The ids of each kind that content refers to.
    static func knownTaxonomyIDs(_ content: StoreContent) -> [Taxonomy.Kind: Set<String>] {
        var categories = Set(content.products.flatMap(\.categoryAncestry))
        var tags = Set(content.products.flatMap(\.tags))
        for segment in content.segments {
            categories.formUnion(segment.affinity.categories.keys)
            categories.formUnion(segment.exclude.categories)
            tags.formUnion(segment.affinity.tags.keys)
            tags.formUnion(segment.exclude.tags)
        }
        for promotion in content.promotions {
            categories.formUnion(promotion.appliesTo.categories)
            tags.formUnion(promotion.appliesTo.tags)
        }
        return [
            .categories: categories, .tags: tags,
            .seasons: Set(content.regions.flatMap(\.seasons)), .brands: Set(content.products.map(\.brand)),
        ]
    }

    private static func kindSource(_ kind: Taxonomy.Kind) -> String {
        switch kind {
        case .categories: "product, segment or promotion"
        case .tags: "product, segment or promotion"
        case .seasons: "region"
        case .brands: "product"
        }
    }
}
