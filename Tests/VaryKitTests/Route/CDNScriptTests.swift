import DataFormats
import Foundation
import Testing
@testable import VaryKit

/// Runs a node harness over the matrix with a generated script and returns one JSON object per request.
private func runHarness(_ harness: String, script: String, scriptName: String, requests: [RouteRequest]) throws -> [JSONNode] {
    let node = try #require(ExternalTool.find("node"), "node is not installed")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vary-cdn-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let scriptURL = directory.appendingPathComponent(scriptName)
    let matrixURL = directory.appendingPathComponent("matrix.json")
    try Data(script.utf8).write(to: scriptURL)
    try Data(RouteMatrix.json(requests)).write(to: matrixURL)
    let result = try ExternalTool.run(node, [RouteFixtures.root.appendingPathComponent(harness).path, scriptURL.path, matrixURL.path])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.count == requests.count)
    return try lines.map { try JSON.parse(String($0)) }
}

private func describe(_ decision: RouteDecision) -> (kind: String, path: String?) {
    switch decision {
    case .redirect(let path): ("redirect", path)
    case .rewrite(let path): ("rewrite", path)
    case .serve(let path): ("serve", path)
    case .notFound: ("notFound", nil)
    }
}

/// The query string of a target, with its `?`, or empty.
private func query(_ target: String) -> String {
    target.firstIndex(of: "?").map { String(target[$0...]) }.map { $0 == "?" ? "" : $0 } ?? ""
}

@Suite("The Cloudflare Worker", .enabled(if: ExternalTool.shouldTest("node")))
struct CloudflareWorkerTests {
    let requests = RouteMatrix.requests
    let script = CloudflareWorker.script(for: sampleRoutes)

    @Test("the worker's decisions equal the resolver's for every request of the matrix")
    func decisions() throws {
        let results = try runHarness("run-worker.mjs", script: script, scriptName: "worker.mjs", requests: requests)
        for (request, result) in zip(requests, results) {
            let expected = describe(sampleRoutes.resolve(request))
            #expect(result["decision"]?["kind"]?.string == expected.kind, "\(request)")
            #expect(result["decision"]?["path"]?.string == expected.path, "\(request)")
        }
    }

    @Test("the worker answers redirects with 302, fetches the segment's page for rewrites and passes the rest through")
    func responses() throws {
        let results = try runHarness("run-worker.mjs", script: script, scriptName: "worker.mjs", requests: requests)
        var checked = 0
        for (request, result) in zip(requests, results) {
            for binding in ["assets", "origin"] {
                guard let answer = result[binding] else { continue }
                checked += 1
                let fetched = answer["fetched"]?.array ?? []
                switch sampleRoutes.resolve(request) {
                case .redirect(let location):
                    #expect(answer["status"]?.int == 302 && answer["location"]?.string == location, "\(request)")
                    #expect(fetched.isEmpty)
                case .rewrite(let path):
                    let page = String(path.dropLast("index.html".count)) + query(request.path)
                    #expect(fetched.count == 1 && fetched.first?["url"]?.string == page, "\(request) \(binding)")
                    if binding == "origin" { #expect(fetched.first?["cacheKey"]?.string == "https://shop.example" + page) }
                case .serve:
                    #expect(fetched.count == 1 && fetched.first?["url"]?.string == request.path, "\(request) \(binding)")
                case .notFound:
                    #expect(answer["status"]?.int == 404)
                }
            }
        }
        #expect(checked > requests.count)  // most requests go through the Worker's fetch twice
    }

    @Test("the table is embedded as sorted JSON, and the same table gives the same bytes")
    func deterministic() {
        #expect(script == CloudflareWorker.script(for: sampleRoutes))
        #expect(script.contains(#""countryHeader": "X-Country""#))
        #expect(script.contains("export default {"))
        let reordered = RouteTable(
            defaultRegion: "us", defaultSegment: "everyone", segments: ["outdoor", "families"], regions: sampleRoutes.regions.reversed())
        #expect(CloudflareWorker.script(for: reordered) == script)
    }
}

@Suite("The CloudFront Function", .enabled(if: ExternalTool.shouldTest("node")))
struct CloudFrontFunctionTests {
    /// CloudFront parses cookies and the query string itself; requests whose raw form its parsing would
    /// change (non-ASCII cookies, repeated or valueless query parameters) are compared in the README, not here.
    let requests = RouteMatrix.requests.filter { request in
        (request.cookieHeader ?? "").unicodeScalars.allSatisfy { $0.isASCII }
            && query(request.path).dropFirst().split(separator: "&").allSatisfy { $0.contains("=") }
    }
    let script = CloudFrontFunction.script(for: sampleRoutes)

    @Test("the function redirects, rewrites the URI or passes the request as the resolver decides")
    func decisions() throws {
        let results = try runHarness("run-cloudfront.mjs", script: script, scriptName: "function.js", requests: requests)
        #expect(requests.count > 200)
        for (request, result) in zip(requests, results) {
            switch sampleRoutes.resolve(request) {
            case .redirect(let location):
                #expect(result["status"]?.int == 302 && result["location"]?.string == location, "\(request)")
            case .rewrite(let path), .serve(let path):
                #expect(result["uri"]?.string == path, "\(request)")
            case .notFound:
                #expect(result["status"]?.int == 404, "\(request)")
            }
        }
    }

    @Test("the function defines the runtime's handler and embeds the table")
    func shape() {
        #expect(script.contains("function handler(event)"))
        #expect(script.contains(#""segmentCookie": "vary_segment""#))
        #expect(!script.contains("export "))
    }
}
