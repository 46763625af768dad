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
