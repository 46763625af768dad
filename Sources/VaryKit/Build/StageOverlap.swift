/// Whether a build runs some of its steps side by side: the catalog's decoding beside its parse, the comparison
/// with the previous build beside the translation audit, the freeing of the stages' values beside the commit, the
/// cache's record beside the report. Each overlap holds two steps' values at once, which for a store the size of
/// the benchmark's *large* shape (20 MB of content) is 10–20 MiB more at the peak, against a memory target of
/// 300 MiB it is near; a store with less content than `limit` is far from it, and gets the time.
enum StageOverlap {
    /// The content size, in bytes, from which steps run one after another.
    static let limit = 8 << 20

    /// Whether a store whose content files are `source` overlaps its steps.
    static func applies(to source: SourceFiles) -> Bool {
        source.files.values.reduce(0) { $0 + $1.count } < limit
    }
}
