import Foundation
import Testing
@testable import VaryKit

@Suite("The CDN routing files a build writes")
struct RoutingFilesTests {
    @Test("each emitted format listed in site.json gets its files, sorted by path; netlify is not emitted")
    func filesByFormat() {
        let files = RoutingFiles.files(formats: ["netlify", "nginx", "cloudfront", "cloudflare"], table: sampleRoutes)
        #expect(files.map(\.0) == [CloudflareWorker.path, CloudFrontFunction.path, NginxConfig.httpPath, NginxConfig.serverPath])
        #expect(RoutingFiles.files(formats: [], table: sampleRoutes).isEmpty)
        #expect(RoutingFiles.files(formats: ["netlify"], table: sampleRoutes).isEmpty)
    }

    @Test("the mini store's build writes the nginx configs it asks for, and warns only about netlify")
    func buildWritesConfigs() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let outcome = build.run()
        #expect(outcome.exitCode == 0)
        #expect(build.read(NginxConfig.httpPath)?.contains("map $http_cookie $vary_segment {") == true)
        #expect(build.read(NginxConfig.serverPath)?.contains("location = /de/en/ {") == true)
        #expect(build.read(CloudflareWorker.path) == nil)
        let warnings = outcome.diagnostics.map(\.message).filter { $0.contains("cannot be emitted yet") }
        #expect(warnings.count == 1 && warnings[0].contains("netlify") && !warnings[0].contains("nginx"))
    }
}
