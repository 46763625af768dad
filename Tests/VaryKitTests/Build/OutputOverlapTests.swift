import Foundation
import Testing
@testable import VaryKit

/// Every way an output can overlap the store's folders, as a path relative to the store's folder.
private let overlapping = [
    "content", "site-templates", "content/catalog", "site-templates/partials", ".", "..", "content-link", "templates-link/pages",
]

/// The mini store with symlinks to its two folders, and a fingerprint of everything in it.
private struct LinkedStore {
    let build = TestBuild()
    var root: String { build.directory.standardizedFileURL.path }

    init() {
        try! FileManager.default.createSymbolicLink(atPath: root + "/content-link", withDestinationPath: "content")
        try! FileManager.default.createSymbolicLink(atPath: root + "/templates-link", withDestinationPath: "site-templates")
    }

    func options(output: String) -> BuildOptions {
        var options = BuildOptions(
            content: root + "/content", templates: root + "/site-templates", output: root + "/" + output, now: MiniStore.now,
            jobs: 2, strict: true)
        options.contentName = "content"
        options.templatesName = "site-templates"
        options.outputName = output
        return options
    }

    /// Every file under the store's folder with its bytes.
    func snapshot() -> [String: Data] { build.tree(build.directory) }

    /// Names the build would leave beside `output` (staging folders, the page cache).
    func leftovers(beside output: String) -> [String] {
        let path = URL(fileURLWithPath: root + "/" + output).standardizedFileURL.path
        let parent = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter {
            $0.hasPrefix(name + ".staging-") || $0.hasPrefix(name + ".previous-") || $0.hasPrefix(name + ".vary-cache")
        }
    }
}

@Suite("output overlapping the inputs")
struct OutputOverlapTests {
    @Test("vary build refuses every output that overlaps content or templates, with exit code 2 and nothing written",
          arguments: overlapping)
    func buildRefuses(_ output: String) {
        let store = LinkedStore()
        defer { store.build.cleanUp() }
        let before = store.snapshot()
        let outcome = StoreBuild.run(store.options(output: output))
        #expect(outcome.exitCode == 2)
        #expect(outcome.report == nil)
        #expect(!outcome.diagnostics.isEmpty)
        for diagnostic in outcome.diagnostics {
            #expect(diagnostic.file == output)
            #expect(diagnostic.message.hasPrefix("the output folder '\(output)' ("))
        }
        // Where the test runs inside the store's parent (a checkout under the temporary folder), ".." also
        // contains the working directory and says so; the overlap with an input is named either way.
        #expect(outcome.diagnostics.contains {
            $0.message.contains("folder 'content' (\(store.root)/content)")
                || $0.message.contains("folder 'site-templates' (\(store.root)/site-templates)")
        })
        #expect(store.snapshot() == before)
        #expect(store.leftovers(beside: output) == [])
    }

    @Test("vary serve refuses the same outputs before it listens or builds", arguments: overlapping)
    func serveRefuses(_ output: String) {
        let store = LinkedStore()
        defer { store.build.cleanUp() }
        let before = store.snapshot()
        let server = PreviewServer(options: ServeOptions(build: store.options(output: output), port: 0), now: { MiniStore.now })
        #expect {
            try server.start()
        } throws: { error in
            guard case ServeError.misplacedOutput(let problems) = error else { return false }
            return !problems.isEmpty && problems.allSatisfy { $0.message.hasPrefix("the output folder '\(output)' (") }
        }
        #expect(server.port == 0)
        #expect(store.snapshot() == before)
    }

    @Test("a non-empty folder Vary did not write is left alone by build and serve, and replaced with force")
    func foreignFolder() {
        let store = LinkedStore()
        defer { store.build.cleanUp() }
        store.build.write("notes/todo.txt", "keep me")
        let outcome = StoreBuild.run(store.options(output: "notes"))
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics.map(\.message) == [
            "the output folder 'notes' (\(store.root)/notes) is not empty and was not written by Vary (it has no _vary/manifest.json): building would replace everything in it",
        ])
        #expect(store.build.read("todo.txt", in: store.build.directory.appendingPathComponent("notes")) == "keep me")
        let server = PreviewServer(options: ServeOptions(build: store.options(output: "notes"), port: 0), now: { MiniStore.now })
        #expect(throws: ServeError.self) { try server.start() }
        var forced = store.options(output: "notes")
        forced.force = true
        #expect(StoreBuild.run(forced).exitCode == 0)
        #expect(store.build.read("_vary/manifest.json", in: store.build.directory.appendingPathComponent("notes")) != nil)
        // Now it is Vary's: no --force needed to build it again.
        #expect(StoreBuild.run(store.options(output: "notes")).exitCode == 0)
    }
}

@Suite("vary build and serve on the command line: output placement")
struct OutputPlacementCommandTests {
    /// The `vary` executable built next to the test bundle.
    static let vary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vary")

    private func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, error: String) {
        try #require(FileManager.default.isExecutableFile(atPath: Self.vary.path), "build the vary executable first (swift build)")
        let process = Process()
        process.executableURL = Self.vary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1795000000"]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = Pipe()
        try process.run()
        let data = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("vary build --output . and vary serve --output .. exit 2 naming both paths, and the store is intact")
    func dotAndDotDot() throws {
        let store = LinkedStore()
        defer { store.build.cleanUp() }
        let before = store.snapshot()
        let build = try run(["build", "--output", "."], in: store.build.directory)
        #expect(build.status == 2)
        #expect(build.error.contains(".: the output folder '.' (\(store.root)) contains the content folder 'content' (\(store.root)/content): building would replace it"))
        #expect(build.error.contains(".: the output folder '.' (\(store.root)) is the working directory '.' (\(store.root))"))
        let parent = (store.root as NSString).deletingLastPathComponent
        let serve = try run(["serve", "--port", "0", "--output", ".."], in: store.build.directory)
        #expect(serve.status == 2)
        #expect(serve.error.contains("..: the output folder '..' (\(parent)) contains the templates folder 'site-templates' (\(store.root)/site-templates)"))
        let link = try run(["build", "--output", "content-link", "--force"], in: store.build.directory)
        #expect(link.status == 2)
        #expect(link.error.contains("the output folder 'content-link' (\(store.root)/content) is the content folder 'content'"))
        #expect(store.snapshot() == before)
    }
}
