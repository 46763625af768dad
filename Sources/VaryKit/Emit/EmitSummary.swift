/// What a commit changed in the output, for the report and the deploy step.
public struct EmitSummary: Sendable, Hashable, Codable {
    /// Paths that are new or whose bytes changed, sorted.
    public var writtenPaths: [String]
    /// Paths of the previous output that the new output no longer has, sorted.
    public var removedPaths: [String]
    /// How many files kept their bytes (and so their modification time).
    public var unchanged: Int

    /// Number of new or changed files.
    public var written: Int { writtenPaths.count }
    /// Number of files removed from the previous output.
    public var removed: Int { removedPaths.count }

    /// A summary of these paths, sorted.
    public init(writtenPaths: [String], removedPaths: [String], unchanged: Int) {
        self.writtenPaths = writtenPaths.sorted()
        self.removedPaths = removedPaths.sorted()
        self.unchanged = unchanged
    }

    /// The path of the change list inside the output.
    public static let changesPath = "_vary/changes.json"

    /// `_vary/changes.json`: `{"removed": [...], "written": [...]}`, sorted, for the deploy step.
    public func changesJSON() -> [UInt8] {
        struct Changes: Encodable {
            var written: [String]
            var removed: [String]
        }
        return DeterministicJSON.encode(Changes(written: writtenPaths, removed: removedPaths))
    }
}
