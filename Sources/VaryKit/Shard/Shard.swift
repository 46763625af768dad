/// One of N equal parts of a build (`vary build --shard I/N`): the pages whose keys fall on its arc of the
/// plan's ring (`ShardAssignment`), and, for shard 1 only, the assets and site-wide files.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based: the first shard is 1, the last is `count`.
    public let index: Int
    /// How many shards the build is split into.
    public let count: Int

    /// A shard when 1 ≤ `index` ≤ `count`, else nil.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Whether this shard writes what is not a page: assets, sitemap, robots, routing table, CDN configs and
    /// any other file of the site that belongs to no planned page. One shard writes them so that `vary merge`
    /// needs nothing but the shard folders (no content, no templates, no second render of the site files);
    /// it is the first because every run of N shards has one.
    public var writesSiteFiles: Bool { index == 1 }

    /// `I/N`, as `--shard` takes it.
    public var description: String { "\(index)/\(count)" }
}
