import Foundation
import Testing
@testable import VaryKit

@Suite("The CDN routing files a build writes")
struct RoutingFilesTests {
    @Test("each format listed in site.json gets its files, sorted by path")
    func filesByFormat() {
        let files = RoutingFiles.files(formats: ["netlify", "nginx", "cloudfront", "cloudflare", "vercel"], table: sampleRoutes)
        #expect(files.map(\.0) == [
            NetlifyEdgeFunction.headersPath, NetlifyEdgeFunction.redirectsPath, CloudflareWorker.path, CloudFrontFunction.path, NetlifyEdgeFunction.path, NginxConfig.httpPath,
            NginxConfig.serverPath, VercelConfig.path,
        ])
        #expect(RoutingFiles.files(formats: [], table: sampleRoutes).isEmpty)
    }

    @Test("the mini store's build writes the nginx and Netlify files it asks for, without warnings about routing")
    func buildWritesConfigs() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let outcome = build.run()
        #expect(outcome.exitCode == 0)
        #expect(build.read(NginxConfig.httpPath)?.contains("map $http_cookie $vary_segment {") == true)
        #expect(build.read(NginxConfig.serverPath)?.contains("location = /de/en/ {") == true)
        #expect(build.read(NetlifyEdgeFunction.path)?.contains("export default async (request, context) => {") == true)
        #expect(build.read(NetlifyEdgeFunction.headersPath)?.contains("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n") == true)
        #expect(build.read(NetlifyEdgeFunction.redirectsPath)?.contains("\n/_vary/*  /404.html  404!\n") == true)
        #expect(build.read(CloudflareWorker.path) == nil)
        #expect(!outcome.diagnostics.contains { $0.message.contains("routing") })
    }
}
