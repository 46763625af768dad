import Foundation
import Testing
@testable import VaryKit

@Suite("Shards split the plan")
struct ShardAssignmentTests {
    /// The mini store's plan with many more segments, so the shards have pages to balance.
    private func plan(segments: Int = 40) -> [PageSpec] {
        var pages = [PageSpec(kind: .chooser)]
        for region in ["us", "de", "jp"] {
            pages.append(PageSpec(kind: .landing, region: region, locale: "en"))
            pages += (0..<segments).map { PageSpec(kind: .landing, region: region, locale: "en", segment: "s\($0)") }
            pages += (0..<7).map { PageSpec(kind: .promotion, region: region, locale: "en", item: "p\($0)") }
            pages += (0..<9).map { PageSpec(kind: .bundle, region: region, locale: "en", item: "b\($0)") }
        }
        return pages.sorted()
    }

    @Test("every page is in exactly one of N shards, for N from 1 to 9")
    func partitions() {
        let pages = plan()
        for count in 1...9 {
            let shards = (1...count).map { ShardAssignment.pages(of: pages, for: Shard(index: $0, count: count)!) }
            #expect(shards.flatMap { $0 }.sorted() == pages, "N = \(count)")
        }
    }

    @Test("the shards' estimated costs differ from an equal share by at most one page's cost")
    func balances() {
        let pages = plan()
        let total = pages.reduce(0) { $0 + ShardAssignment.cost(of: $1) }
        let largest = pages.map(ShardAssignment.cost).max()!
        for count in [2, 4, 7] {
            for index in 1...count {
                let cost = ShardAssignment.pages(of: pages, for: Shard(index: index, count: count)!).reduce(0) { $0 + ShardAssignment.cost(of: $1) }
                #expect(abs(cost * count - total) <= largest * count, "shard \(index)/\(count): \(cost) of \(total)")
            }
        }
    }

    @Test("a page's shard depends on its key, not on the plan's order")
    func ignoresOrder() {
        let pages = plan()
        let forward = ShardAssignment.shards(of: pages, count: 4)
        let backward = ShardAssignment.shards(of: pages.reversed(), count: 4)
        #expect(Array(backward.reversed()) == forward)
    }

    @Test("adding a page moves only a few of the others to another shard")
    func staysStable() {
        let pages = plan()
        let before = Dictionary(uniqueKeysWithValues: zip(pages.map(\.key), ShardAssignment.shards(of: pages, count: 4)))
        let grown = (pages + [PageSpec(kind: .landing, region: "fr", locale: "fr")]).sorted()
        let after = Dictionary(uniqueKeysWithValues: zip(grown.map(\.key), ShardAssignment.shards(of: grown, count: 4)))
        let moved = before.keys.filter { before[$0] != after[$0] }
        #expect(moved.count <= 6, "\(moved.count) of \(pages.count) pages moved")
    }

    @Test("the cost estimates name only real page kinds, and a kind without one costs a landing page's")
    func unknownKindsCostALanding() {
        #expect(ShardAssignment.cost(of: PageSpec(kind: .landing, region: "us", locale: "en")) == ShardAssignment.defaultCost)
        #expect(ShardAssignment.costs.keys.allSatisfy { kind in PageSpec.Kind.allCases.contains { $0.rawValue == kind } })
    }
}
