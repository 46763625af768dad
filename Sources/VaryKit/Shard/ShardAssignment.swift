/// Which pages a shard renders.
///
/// Every page sits on a ring at the position its stable key (`PageSpec.key`) hashes to (SHA-256), so a page's
/// place does not depend on the order of the plan and adding or removing a page moves only pages near the cuts.
/// The ring is cut into `count` arcs of equal estimated cost, so shards finish together: a page belongs to the
/// arc holding the middle of its cost. Everything is integer arithmetic over the whole plan, which every shard
/// computes from the same inputs, so the shards of one build always partition the plan exactly.
public enum ShardAssignment {
    /// Estimated rendering cost by page kind, relative to a landing page (10): each kind's average page size in
    /// the sample store and a `vary-bench` store (digest, check and write go by the bytes; a landing page also
    /// ranks the catalog). A kind not listed costs what a landing page costs, so new page kinds are sharded
    /// without a change here.
    static let costs: [String: Int] = ["chooser": 2, "landing": 10, "promotion": 5, "bundle": 3, "not-found": 1]
    static let defaultCost = 10

    /// The estimated cost of rendering `page`.
    public static func cost(of page: PageSpec) -> Int { costs[page.kind.rawValue] ?? defaultCost }

    /// The pages of `plan` that `shard` renders, in the plan's order.
    public static func pages(of plan: [PageSpec], for shard: Shard) -> [PageSpec] {
        let owners = shards(of: plan, count: shard.count)
        return plan.indices.filter { owners[$0] == shard.index }.map { plan[$0] }
    }

    /// For each page of `plan` (by position), the 1-based shard of `count` that renders it.
    public static func shards(of plan: [PageSpec], count: Int) -> [Int] {
        let ring = plan.indices.map { (position: position(of: plan[$0].key), key: plan[$0].key, index: $0) }
            .sorted { ($0.position, $0.key) < ($1.position, $1.key) }
        let total = plan.reduce(0) { $0 + cost(of: $1) }
        var owners = [Int](repeating: 1, count: plan.count)
        var before = 0
        for entry in ring {
            let cost = cost(of: plan[entry.index])
            // The arc of the page's middle, (before + cost / 2) / total of the ring, in integers.
            owners[entry.index] = min(count, (2 * before + cost) * count / (2 * total) + 1)
            before += cost
        }
        return owners
    }

    /// Where a key sits on the ring: the first eight bytes of its SHA-256.
    static func position(of key: String) -> UInt64 {
        SHA256.digest(Array(key.utf8)).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
