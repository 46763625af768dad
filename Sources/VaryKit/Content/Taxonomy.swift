/// Display names for taxonomy ids from `taxonomy.json`: category paths (each level), tags, seasons and brands.
public struct Taxonomy: Sendable {
    /// One kind of id that has display names.
    public enum Kind: String, Sendable, CaseIterable {
        case categories, tags, seasons, brands

        /// The singular word, for messages (`category`).
        public var noun: String {
            switch self {
            case .categories: "category"
            case .tags: "tag"
            case .seasons: "season"
            case .brands: "brand"
            }
        }
    }

    /// A display name and where it was written.
    public struct Name: Sendable {
        public var text: LocalizedText
        public var location: SourceLocation
    }

    /// Names by kind, then id (a category by its full path: `apparel`, `apparel/jackets`).
    public var names: [Kind: [String: Name]]
    /// Where the file is, for warnings about names it lacks.
    public var location: SourceLocation

    public init(names: [Kind: [String: Name]] = [:], location: SourceLocation = SourceLocation(file: "taxonomy.json")) {
        self.names = names
        self.location = location
    }

    /// The name of an id, if the store gives one.
    public func name(_ kind: Kind, _ id: String) -> Name? {
        names[kind]?[id]
    }

    /// A readable form of an id for when no name exists anywhere: `trail-running` → `Trail running`.
    public static func readable(_ id: String) -> String {
        let last = id.split(separator: "/").last.map(String.init) ?? id
        let words = last.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
