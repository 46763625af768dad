import Foundation
import Testing

@Suite("diagnostics on the terminal and as GitHub annotations")
struct DiagnosticOutputTests {
    /// A fresh starter store in a temporary folder, with `change` applied to one of its files.
    static func store(_ path: String, _ change: (String) -> String) throws -> URL {
        let folder = InitTests.temporaryDirectory()
        try VaryProcess.run(["init"], in: folder)
        let file = folder.appendingPathComponent(path)
        try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        return folder
    }

    static let now = ["--now", "2026-11-25T12:00:00Z"]

    @Test("a missing comma is reported at the end of the value it follows, with the line and a caret")
    func jsonExcerpt() throws {
        let store = try Self.store("content/regions.json") { $0.replacingOccurrences(of: "\"currency\": \"USD\",", with: "\"currency\": \"USD\"") }
        defer { try? FileManager.default.removeItem(at: store) }
        let result = try VaryProcess.run(["build"] + Self.now, in: store)
        #expect(result.status == 2)
        #expect(result.stderr.contains("""
            content/regions.json:6:22: expected ',' or '}' after the object member ending here (found '"' at line 7)
                6 |     "currency": "USD"
                  |                      ^
            """))
    }

    @Test("under GitHub Actions an annotation carries the JSON path, the hint and the repository-relative file")
    func annotationWithHint() throws {
        let store = try Self.store("content/segments.json") { $0.replacingOccurrences(of: "\"pinned\": [\"tent\"]", with: "\"pinned\": [\"tnt\"]") }
        defer { try? FileManager.default.removeItem(at: store) }
        let result = try VaryProcess.run(["build"] + Self.now, in: store, environment: ["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": store.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains(
            "::error file=content/segments.json,line=18,col=16::segments[1].pinned[0]: unknown product 'tnt' (did you mean 'tent'?)\n"))
    }

    @Test("a file outside the repository is named in the annotation's message, never as an absolute file")
    func outsideRepository() throws {
        let store = try Self.store("content/segments.json") { $0.replacingOccurrences(of: "\"pinned\": [\"tent\"]", with: "\"pinned\": [\"tnt\"]") }
        defer { try? FileManager.default.removeItem(at: store) }
        let elsewhere = InitTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let result = try VaryProcess.run(
            ["build", "--content", store.appendingPathComponent("content").path, "--templates", store.appendingPathComponent("site-templates").path]
                + Self.now, in: elsewhere, environment: ["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": elsewhere.path])
        #expect(result.status == 2)
        let annotation = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("::error") })
        #expect(annotation.hasPrefix("::error::\(store.path)/content/segments.json: segments[1].pinned[0]: unknown product 'tnt'"))
    }

    @Test("--format json under GitHub Actions keeps standard output JSON and writes the annotations to standard error")
    func jsonAndAnnotations() throws {
        let store = try Self.store("content/segments.json") { $0.replacingOccurrences(of: "\"pinned\": [\"tent\"]", with: "\"pinned\": [\"tnt\"]") }
        defer { try? FileManager.default.removeItem(at: store) }
        let result = try VaryProcess.run(
            ["build", "--format", "json"] + Self.now, in: store, environment: ["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": store.path])
        #expect(result.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["hint"] as? String == "did you mean 'tent'?")
        #expect(result.stderr.contains("::error file=content/segments.json,line=18,col=16::segments[1].pinned[0]: unknown product 'tnt'"))
    }

    @Test("a second <h1> in a page template is one annotation at the template, with the page count, in text, JSON and GitHub's form")
    func templateProblemOnce() throws {
        let store = try Self.store("site-templates/pages/landing.mustache") {
            $0.replacingOccurrences(of: "<h1>{{segment.headline}}</h1>", with: "<h1>{{segment.headline}}</h1><h1>Again</h1>")
        }
        defer { try? FileManager.default.removeItem(at: store) }
        let text = try VaryProcess.run(["build"] + Self.now, in: store, environment: ["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": store.path])
        #expect(text.status == 1)
        let errors = text.stderr.split(separator: "\n").filter { $0.contains("<h1>") }
        #expect(errors.count == 1, "\(text.stderr)")
        #expect(errors.first?.hasPrefix("site-templates/pages/landing.mustache:") == true)
        #expect(errors.first?.contains("[on 6 pages, e.g. output/") == true, "\(text.stderr)")
        let annotations = text.stdout.split(separator: "\n").filter { $0.hasPrefix("::error") }
        #expect(annotations.count == 1, "\(text.stdout)")
        #expect(annotations.first?.hasPrefix("::error file=site-templates/pages/landing.mustache,line=") == true)
        #expect(annotations.first?.contains("[on 6 pages, e.g. output/") == true && annotations.first?.contains("(use <h2> for section headings)") == true)

        let json = try VaryProcess.run(["build", "--format", "json"] + Self.now, in: store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let problems = try #require(object["diagnostics"] as? [[String: Any]]).filter { $0["severity"] as? String == "error" }
        #expect(problems.count == 1)
        #expect(problems.first?["file"] as? String == "site-templates/pages/landing.mustache")
        #expect(problems.first?["pages"] as? Int == 6)
        #expect((problems.first?["examplePage"] as? String)?.hasPrefix("output/") == true)
    }
}
