/// Decodes `taxonomy.json`: `{"categories": {"apparel/jackets": <localized text>}, "tags": {…}, "seasons": {…}, "brands": {…}}`.
enum TaxonomyDecoder {
    static func decode(_ root: Field) -> Taxonomy? {
        guard root.members != nil else { return nil }
        root.rejectUnknownKeys(Taxonomy.Kind.allCases.map(\.rawValue))
        var names: [Taxonomy.Kind: [String: Taxonomy.Name]] = [:]
        for kind in Taxonomy.Kind.allCases {
            guard let field = root.optional(kind.rawValue), let members = field.members else { continue }
            // An id named twice would otherwise keep its last name silently.
            field.rejectUnknownKeys(members.map(\.key))
            for member in members {
                guard let text = member.value.localizedText else { continue }
                // Where the id is written, so an unknown one is reported at its key.
                names[kind, default: [:]][member.key] = Taxonomy.Name(text: text, location: member.keyLocation)
            }
        }
        return Taxonomy(names: names, location: root.location)
    }
}
