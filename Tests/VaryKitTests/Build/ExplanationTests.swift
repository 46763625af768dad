import Foundation
import Testing
@testable import VaryKit

@Suite("vary explain")
struct ExplanationTests {
    @Test("explain ranks the page with scores, parts and localized reasons, pinned products first")
    func explainsRanking() throws {
        let result = Explanation.explain(
            content: MiniStore.contentURL.path, region: "us", locale: "en-us", segment: "climbers", now: MiniStore.now)
        let explanation = try result.get()
        #expect(explanation.rows.first?.id == "rope-9")
        #expect(explanation.rows.first?.reasons.first == "Staff pick")
        #expect(!explanation.rows.contains { $0.id == "kids-boot" }, "excluded by the segment's tags")
        #expect(explanation.rows.map(\.rank) == Array(1...explanation.rows.count))
        #expect(explanation.text.contains("/us/en-us/for/climbers/"))
        #expect(explanation.text.contains("affinity"))
    }

    @Test("explain names an unknown segment and suggests the closest")
    func unknownSegment() {
        let result = Explanation.explain(
            content: MiniStore.contentURL.path, region: "us", locale: "en-US", segment: "climber", now: MiniStore.now)
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.diagnostics.map(\.message) == ["unknown segment 'climber'"])
        #expect(failure.diagnostics.first?.hint == "did you mean 'climbers'?")
    }
}

@Suite("vary explain and pages with learned recommendations")
struct LearnedExplanationTests {
    static let now = StoreFixture.instant("2026-11-25T12:00:00Z")
    static let sample = TestBuild.repository.appendingPathComponent("content").path

    @Test("explain shows what the sample store's trail runners page learned, with counts and no customer")
    func learnedParts() throws {
        let explanation = try Explanation.explain(
            content: Self.sample, region: "us", locale: "en-US", segment: "trail-runners", now: Self.now).get()
        let learning = try #require(explanation.learning)
        #expect(learning.hasPrefix("learned from "))
        #expect(learning.contains("customers of segment 'trail-runners' in region 'us'"))
        let learned = explanation.rows.filter { $0.evidence != nil }
        #expect(!learned.isEmpty)
        #expect(learned.allSatisfy { $0.evidence!.customers == 0 || $0.evidence!.customers >= 3 })
        #expect(explanation.rows.contains { $0.parts.contains { $0.name == "segment orders" && $0.value > 0 } })
        #expect(explanation.rows.flatMap(\.reasons).contains("Popular with Trail runners in United States"))
        #expect(explanation.rows.flatMap(\.reasons).contains { $0.hasPrefix("Often bought with ") })
        #expect(explanation.text.contains("learned: "))
        #expect(explanation.text.range(of: #"c-\d{5}"#, options: .regularExpression) == nil)
    }

    @Test("learned reasons are written in the page's language")
    func germanReasons() throws {
        let explanation = try Explanation.explain(
            content: Self.sample, region: "de", locale: "de-DE", segment: "campers", now: Self.now).get()
        #expect(explanation.rows.flatMap(\.reasons).contains { $0.hasPrefix("Beliebt bei der Gruppe „Camper“ in der Region ") })
        #expect(explanation.rows.flatMap(\.reasons).contains { $0.hasPrefix("Oft zusammen mit dem Artikel „") })
    }

    @Test("no built page or report names a customer of the sample store's orders")
    func noCustomerInOutput() throws {
        let build = TestBuild(fixture: "sample")
        defer { try? FileManager.default.removeItem(at: build.directory) }
        _ = build.run(now: Self.now)
        let orders = try String(contentsOfFile: build.content.appendingPathComponent("orders.csv").path, encoding: .utf8)
        let customers = Set(orders.split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: ",", omittingEmptySubsequences: false).dropFirst(5).first.map(String.init)
        }.filter { !$0.isEmpty })
        #expect(customers.count > 50)
        let files = FileManager.default.enumerator(at: build.output, includingPropertiesForKeys: nil)!
        var pages = 0
        for case let url as URL in files where ["html", "json", "js", "xml", "conf"].contains(url.pathExtension) {
            let text = try String(contentsOf: url, encoding: .utf8)
            pages += 1
            for customer in customers where text.contains(customer) {
                Issue.record("\(url.lastPathComponent) names customer \(customer)")
            }
        }
        #expect(pages > 100)
    }
}
