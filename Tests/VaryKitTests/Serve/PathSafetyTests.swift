import Foundation
import Testing
@testable import VaryKit

@Suite("vary serve: never outside the output")
struct PathSafetyTests {
    @Test("dot-dot segments, raw or percent-encoded, NUL and backslashes give 404", arguments: [
        "/../content/site.json", "/us/../../content/site.json", "/%2e%2e/content/site.json",
        "/%2E%2E/%2e%2e/content/site.json", "/us/%2e%2e%2f%2e%2e%2fcontent/site.json", "/robots.txt%00.html",
        "/%00", "/..%5c..%5ccontent%5csite.json", "/./robots.txt", "//etc/passwd",
    ])
    func traversal(target: String) throws {
        let store = try ServedStore()
        defer { store.stop() }
        let response = store.get(target)
        #expect(response.status == 404)
        #expect(!response.body.contains("Mini Outfitters\""))
    }

    @Test("a symlink inside the output that points outside it gives 404; one that stays inside is served")
    func symlinks() throws {
        let store = try ServedStore()
        defer { store.stop() }
        let outside = store.build.directory.appendingPathComponent("secret.txt")
        try Data("secret".utf8).write(to: outside)
        let output = store.build.output.path
        try FileManager.default.createSymbolicLink(atPath: output + "/leak.txt", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: output + "/content-dir", withDestinationPath: store.build.content.path)
        try FileManager.default.createSymbolicLink(atPath: output + "/robots-copy.txt", withDestinationPath: output + "/robots.txt")
        #expect(store.get("/leak.txt").status == 404)
        #expect(store.get("/content-dir/site.json").status == 404)
        #expect(store.get("/content-dir/").status == 404)
        let inside = store.get("/robots-copy.txt")
        #expect(inside.status == 200)
        #expect(inside.body == store.build.read("robots.txt"))
    }

    @Test("broken percent-encoding is a bad request")
    func badEncoding() throws {
        let store = try ServedStore()
        defer { store.stop() }
        #expect(store.get("/robots%2.txt").status == 400)
        #expect(store.get("/robots%zz.txt").status == 400)
        #expect(store.get("/%ff%fe.html").status == 400)
    }

    @Test("decoding checks catch what the resolver cannot see", arguments: [
        ("/a/%2e%2e/b", RequestTarget.Problem.forbidden), ("/a%5cb", .forbidden), ("/a%00", .forbidden), ("/a//b", .forbidden),
        ("/%", .malformed), ("/%c3%28", .malformed),
    ])
    func decoding(path: String, problem: RequestTarget.Problem) {
        #expect(throws: problem) { try RequestTarget.decodedPath(path) }
    }

    @Test("ordinary paths decode")
    func decodesOrdinaryPaths() throws {
        #expect(try RequestTarget.decodedPath("/de/de-de/") == "/de/de-de/")
        #expect(try RequestTarget.decodedPath("/caf%C3%A9/a%20b.html") == "/café/a b.html")
        #expect(try RequestTarget.decodedPath("/") == "/")
    }
}
