import Foundation
import Testing
@testable import VaryKit

@Suite("SiteCheck over whole sites")
struct SiteCheckTests {
    @Test("the fixture site, with HTML5 elements libxml2 2.9 does not know, passes with no diagnostics")
    func fixtureSitePasses() throws {
        let diagnostics = try SiteCheck.check(outputDirectory: CheckFixtures.siteFolder)
        #expect(diagnostics.map(\.description) == [])
    }

    @Test("a valid inline page passes with no diagnostics")
    func validPagePasses() {
        #expect(CheckFixtures.check(CheckFixtures.page()).map(\.description) == [])
    }
}
