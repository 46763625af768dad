import Foundation
import Testing
@testable import VaryKit

@Suite("A build whose sitemap did not change takes the previous sitemap over instead of writing it")
struct SitemapReuseBuildTests {
    /// The file's inode number: a file taken over is the previous output's file under its new name.
    private func inode(_ build: TestBuild, _ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: build.output.appendingPathComponent(path).path)
        return try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
    }

    private func edit(_ build: TestBuild, _ path: String, _ old: String, _ new: String) throws {
        let url = build.content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(path) holds \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// The sitemap a fresh build of the same input writes.
    private func freshSitemap(_ build: TestBuild) throws -> Data {
        let fresh = build.directory.appendingPathComponent("fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        #expect(build.run(output: fresh).exitCode == 0)
        return try Data(contentsOf: fresh.appendingPathComponent("sitemap.xml"))
    }

    @Test("a price change keeps the sitemap's file, and the manifest lists it with its digest")
    func priceKeepsSitemap() throws {
        let build = TestBuild(fixture: "sample")
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let before = try inode(build, "sitemap.xml")
        try edit(build, "catalog/products.json", "\"USD\": \"279.00\"", "\"USD\": \"289.00\"")
        let outcome = build.run()
        #expect(outcome.exitCode == 0)
        #expect(try inode(build, "sitemap.xml") == before)
        let bytes = try Data(contentsOf: build.output.appendingPathComponent("sitemap.xml"))
        #expect(bytes == (try freshSitemap(build)))
        let manifest = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: build.output.appendingPathComponent(Manifest.path))) as? [String: Any])
        let files = try #require(manifest["files"] as? [[String: Any]])
        let entry = try #require(files.first { $0["path"] as? String == "sitemap.xml" })
        #expect(entry["sha256"] as? String == SHA256.hex([UInt8](bytes)))
    }

    @Test("another set of pages, or a sitemap changed by hand, writes the sitemap again as a fresh build does")
    func changesWriteSitemap() throws {
        let build = TestBuild(fixture: "sample")
        defer { build.cleanUp() }
        #expect(build.run().exitCode == 0)
        let sitemap = build.output.appendingPathComponent("sitemap.xml")
        // A segment more: more landing pages, though none of them is in the sitemap (they are noindex), and a
        // region's name, which no URL holds: the file is the same, written again or not, as a fresh build's.
        let regions = build.content.appendingPathComponent("regions.json")
        var list = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: regions)) as? [[String: Any]])
        let locales = try #require(list[0]["locales"] as? [String])
        list[0]["locales"] = Array(locales.prefix(max(1, locales.count - 1)))
        if locales.count > 1 {
            try JSONSerialization.data(withJSONObject: list, options: [.prettyPrinted, .sortedKeys]).write(to: regions)
            #expect(build.run().exitCode == 0)
            #expect(try Data(contentsOf: sitemap) == (try freshSitemap(build)), "a locale fewer")
        }
        // Changed by hand after the build, to the same size: taken over by size and time alone, it would stay.
        var bytes = [UInt8](try Data(contentsOf: sitemap))
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "h")))
        bytes[index] = UInt8(ascii: "H")
        try Data(bytes).write(to: sitemap)
        try edit(build, "catalog/products.json", "\"USD\": \"279.00\"", "\"USD\": \"289.00\"")
        #expect(build.run().exitCode == 0)
        #expect(try Data(contentsOf: sitemap) == (try freshSitemap(build)), "changed by hand")
    }
}
