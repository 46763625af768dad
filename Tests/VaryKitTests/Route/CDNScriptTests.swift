import DataFormats
import Foundation
import Testing
@testable import VaryKit

/// Runs a node harness over the matrix with a generated script and returns one JSON object per request.
private func runHarness(
    _ harness: String, script: String, scriptName: String, requests: [RouteRequest], files: [String: String] = [:]
) throws -> [JSONNode] {
    let node = try #require(ExternalTool.find("node"), "node is not installed")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vary-cdn-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let scriptURL = directory.appendingPathComponent(scriptName)
    let matrixURL = directory.appendingPathComponent("matrix.json")
    try Data(script.utf8).write(to: scriptURL)
    try Data(RouteMatrix.json(requests)).write(to: matrixURL)
    var extra: [String] = []
    for (name, text) in files.sorted(by: { $0.key < $1.key }) {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        extra.append(directory.appendingPathComponent(name).path)
    }
    let result = try ExternalTool.run(
        node, [RouteFixtures.root.appendingPathComponent(harness).path, scriptURL.path, matrixURL.path] + extra)
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

@Suite("The Netlify Edge Function", .enabled(if: ExternalTool.shouldTest("node")))
struct NetlifyEdgeFunctionTests {
    let requests = RouteMatrix.requests
    let script = NetlifyEdgeFunction.script(for: sampleRoutes)

    @Test("the function's decisions equal the resolver's for every request of the matrix")
    func decisions() throws {
        let results = try runHarness("run-netlify.mjs", script: script, scriptName: "vary-routing.mjs", requests: requests)
        for (request, result) in zip(requests, results) {
            let expected = describe(sampleRoutes.resolve(request))
            #expect(result["decision"]?["kind"]?.string == expected.kind, "\(request)")
            #expect(result["decision"]?["path"]?.string == expected.path, "\(request)")
        }
    }

    @Test("Netlify answers 302 at the root, rewrites landings to the segment's page and serves the rest as it is")
    func responses() throws {
        let results = try runHarness("run-netlify.mjs", script: script, scriptName: "vary-routing.mjs", requests: requests)
        var checked = 0
        for (request, result) in zip(requests, results) {
            for mode in ["geo", "header"] {
                guard let answer = result[mode] else { continue }
                checked += 1
                let pathOnly = String(request.path.prefix { $0 != "?" })
                switch sampleRoutes.resolve(request) {
                case .redirect(let location):
                    #expect(answer["status"]?.int == 302 && answer["location"]?.string == location, "\(request) \(mode)")
                    #expect(answer["vary"]?.string == "country=at|ch|de|jp|pr|us,header=Accept-Language|X-Country")
                    #expect(answer["cacheControl"]?.string == ServingPolicy.revalidate)
                case .rewrite(let path):
                    let page = String(path.dropLast("index.html".count)) + query(request.path)
                    #expect(answer["rewrite"]?.string == page && answer["sameSite"]?.bool == true, "\(request) \(mode)")
                    #expect(answer["next"]?.bool == false)
                case .serve(let path):
                    // The file served is the request's own path; a landing page's answer is keyed by the cookie's value.
                    #expect(answer["served"]?.string == pathOnly, "\(request) \(mode)")
                    let landing = path.hasSuffix("/index.html") && answer["next"]?.bool == true
                    #expect(landing == (answer["vary"]?.string == "cookie=vary_segment"), "\(request) \(mode)")
                    if path.hasPrefix("/assets/") { #expect(answer["invoked"]?.bool == false) }
                case .notFound:
                    #expect(answer["status"]?.int == 404)
                }
            }
        }
        #expect(checked > requests.count)
    }

    @Test("with the generated _redirects, Vary's own files answer the not-found page with 404 and the function never runs for them")
    func hidesVaryFolder() throws {
        let paths = ["/_vary/report.json", "/_vary/manifest.json", "/_vary/routes.json", "/_vary/netlify/edge-functions/vary-routing.js"]
        let requests = paths.map { RouteRequest(path: $0) } + [RouteRequest(path: "/robots.txt"), RouteRequest(path: "/_varying.html")]
        let results = try runHarness("run-netlify.mjs", script: script, scriptName: "vary-routing.mjs", requests: requests,
                                     files: ["_redirects": NetlifyEdgeFunction.redirects])
        for (request, result) in zip(requests, results) {
            let answer = try #require(result["header"], "\(request)")
            if paths.contains(request.path) {
                #expect(answer["invoked"]?.bool == false, "\(request)")
                #expect(answer["status"]?.int == 404 && answer["served"]?.string == "/404.html", "\(request)")
            } else {
                #expect(answer["status"] == nil && answer["served"]?.string == request.path, "\(request)")
            }
        }
    }

    @Test("the function is declared inline for every path but assets and Vary's own files")
    func declaration() {
        #expect(script.contains(#"export const config = { path: "/*", excludedPath: ["/assets/*", "/_vary/*"] };"#))
        #expect(script.contains("export default async (request, context) => {"))
        #expect(script == NetlifyEdgeFunction.script(for: sampleRoutes))
    }
}

@Suite("The Netlify _headers file")
struct NetlifyHeadersTests {
    @Test("fingerprinted assets are immutable under one pattern, and pages keep Netlify's default")
    func oneRule() {
        let text = NetlifyEdgeFunction.headers(assetPaths: ["/assets/css/store.1a2b3c4d.css", "/assets/app.0badf00d.js"])
        #expect(text.hasSuffix("\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n"))
    }

    @Test("an asset without a fingerprint keeps the default, so the immutable ones are listed one by one")
    func perFile() {
        let text = NetlifyEdgeFunction.headers(assetPaths: ["/assets/LICENSE", "/assets/app.0badf00d.js"])
        #expect(text.contains("\n/assets/app.0badf00d.js\n  Cache-Control: public, max-age=31536000, immutable\n"))
        #expect(!text.contains("/assets/*") && !text.contains("LICENSE"))
    }
}
