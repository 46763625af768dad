import Foundation

/// What `vary merge` was asked to do.
public struct MergeOptions: Sendable {
    /// The shard output folders, with the names the user gave them.
    public var shards: [(url: URL, name: String)]
    public var output: URL
    public var outputName: String
    /// Replace an existing output folder that is not empty even when Vary did not write it.
    public var force = false
    /// Files copied at once.
    public var jobs: Int

    /// Merges the folders at `shards` (paths as given) into `output`.
    public init(shards: [String], output: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.shards = shards.map { (URL(fileURLWithPath: $0), BuildOptions.displayName($0)) }
        self.output = URL(fileURLWithPath: output)
        outputName = BuildOptions.displayName(output)
        self.jobs = max(1, jobs)
    }
}
