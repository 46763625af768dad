import Foundation
import Testing
@testable import VaryKit

@Suite("The manifest")
struct ManifestTests {
    @Test("the manifest lists every file sorted by path with hash, size and headers")
    func manifestContent() throws {
        let temporary = try TemporaryDirectory()
        let staging = try StagingDirectory(output: temporary.output)
        try staging.write("sitemap.xml", Array("<urlset/>".utf8))
        try staging.write("assets/store.1a2b3c4d.css", Array("abc".utf8))
        try staging.write("de/de-de/index.html", [])
        try staging.commit()
        let bytes = try temporary.tree(temporary.output)["_vary/manifest.json"]!
        let expected = """
            {
              "files" : [
                {
                  "bytes" : 3,
                  "cacheControl" : "public, max-age=31536000, immutable",
                  "contentType" : "text/css; charset=utf-8",
                  "path" : "assets/store.1a2b3c4d.css",
                  "sha256" : "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
                },
                {
                  "bytes" : 0,
                  "cacheControl" : "public, max-age=0, must-revalidate",
                  "contentType" : "text/html; charset=utf-8",
                  "path" : "de/de-de/index.html",
                  "sha256" : "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                },
                {
                  "bytes" : 9,
                  "cacheControl" : "public, max-age=0, must-revalidate",
                  "contentType" : "application/xml; charset=utf-8",
                  "path" : "sitemap.xml",
                  "sha256" : "\(SHA256.hex(Array("<urlset/>".utf8)))"
                }
              ],
              "version" : 1
            }

            """
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test("the same files written in a different order give byte-identical output trees")
    func determinism() throws {
        let files = (0..<50).map { ("r\($0 % 5)/p\($0)/index.html", Array("page \($0)".utf8)) }
        var trees: [[String: [UInt8]]] = []
        for order in [files, files.reversed()] {
            let temporary = try TemporaryDirectory()
            let staging = try StagingDirectory(output: temporary.output)
            for (path, bytes) in order { try staging.write(path, bytes) }
            try staging.commit { summary in
                var report = BuildReport(timings: [.init(stage: "render", milliseconds: order.count)])
                report.record(summary)
                return report.json()
            }
            trees.append(try temporary.tree(temporary.output))
        }
        #expect(trees[0] == trees[1])
        #expect(trees[0]["_vary/manifest.json"] != nil)
    }

    @Test("a manifest records what was written before commit")
    func manifestBeforeCommit() throws {
        let temporary = try TemporaryDirectory()
        let staging = try StagingDirectory(output: temporary.output)
        defer { staging.abandon() }
        try staging.write("b.html", Array("b".utf8))
        try staging.write("a.json", Array("{}".utf8))
        #expect(staging.manifest().files.map(\.path) == ["a.json", "b.html"])
        #expect(staging.manifest().files[0].contentType == "application/json")
    }
}

@Suite("Serving headers")
struct ServingPolicyTests {
    @Test("content types follow the file extension, case-insensitively")
    func contentTypes() {
        let cases = [
            "index.html": "text/html; charset=utf-8", "sitemap.xml": "application/xml; charset=utf-8",
            "robots.txt": "text/plain; charset=utf-8", "a/b.CSS": "text/css; charset=utf-8",
            "app.js": "text/javascript; charset=utf-8", "logo.svg": "image/svg+xml", "p.png": "image/png",
            "p.jpg": "image/jpeg", "p.webp": "image/webp", "_vary/routes.json": "application/json",
            "favicon.ico": "image/x-icon", "f.woff2": "font/woff2", "app.js.map": "application/json",
        ]
        for (path, type) in cases { #expect(ServingPolicy.contentType(for: path) == type, "\(path)") }
    }

    @Test("files without a known extension are served as octet streams")
    func unknownTypes() {
        for path in ["_redirects", ".htaccess", "data.bin", "dir.d/file"] {
            #expect(ServingPolicy.contentType(for: path) == "application/octet-stream", "\(path)")
        }
    }

    @Test("only fingerprinted files under assets are immutable")
    func cacheControl() {
        #expect(ServingPolicy.cacheControl(for: "assets/css/store.1a2b3c4d.css") == ServingPolicy.immutable)
        #expect(ServingPolicy.cacheControl(for: "assets/app.min.0123abcd.js") == ServingPolicy.immutable)
        #expect(ServingPolicy.cacheControl(for: "assets/logo.png") == ServingPolicy.revalidate)
        #expect(ServingPolicy.cacheControl(for: "assets/store.1A2B3C4D.css") == ServingPolicy.revalidate)
        #expect(ServingPolicy.cacheControl(for: "assets/store.1a2b3c4.css") == ServingPolicy.revalidate)
        #expect(ServingPolicy.cacheControl(for: "assets/store.1a2b3c4dd.css") == ServingPolicy.revalidate)
        #expect(ServingPolicy.cacheControl(for: "assets/x.1a2b3c4d/store.css") == ServingPolicy.revalidate)
        #expect(ServingPolicy.cacheControl(for: "css/store.1a2b3c4d.css") == ServingPolicy.revalidate)
        #expect(ServingPolicy.cacheControl(for: "de/de-de/index.html") == ServingPolicy.revalidate)
    }
}

@Suite("Asset fingerprints")
struct AssetFingerprintTests {
    let bytes = Array("body{}".utf8)
    var hash: String { String(SHA256.hex(bytes).prefix(8)) }

    @Test("the hash goes before the extension")
    func beforeExtension() {
        #expect(AssetFingerprint.fingerprintedPath("css/store.css", bytes: bytes) == "css/store.\(hash).css")
        #expect(AssetFingerprint.fingerprintedPath("js/app.min.js", bytes: bytes) == "js/app.min.\(hash).js")
        #expect(ServingPolicy.isFingerprinted(AssetFingerprint.fingerprintedPath("assets/a.css", bytes: bytes)))
    }

    @Test("a name without extension, or a dot file, gets the hash appended")
    func noExtension() {
        #expect(AssetFingerprint.fingerprintedPath("fonts/LICENSE", bytes: bytes) == "fonts/LICENSE.\(hash)")
        #expect(AssetFingerprint.fingerprintedPath(".well-known/.keep", bytes: bytes) == ".well-known/.keep.\(hash)")
        #expect(AssetFingerprint.fingerprintedPath("v1.2/notes", bytes: bytes) == "v1.2/notes.\(hash)")
    }

    @Test("different bytes give different names")
    func contentDependent() {
        #expect(AssetFingerprint.fingerprintedPath("a.css", bytes: [1]) != AssetFingerprint.fingerprintedPath("a.css", bytes: [2]))
    }
}
