import Foundation
@testable import VaryKit

/// Runs `vary build` over a copy of the mini store in a temporary folder.
struct TestBuild {
    let directory: URL
    var content: URL { directory.appendingPathComponent("content") }
    var templates: URL { directory.appendingPathComponent("site-templates") }
    var output: URL { directory.appendingPathComponent("output") }

    /// A copy of a store under `Tests/Fixtures` (the mini store unless named), or of the repository's sample store.
    init(fixture: String = "mini-store") {
        let root = fixture == "sample" ? TestBuild.repository : MiniStore.root.deletingLastPathComponent().appendingPathComponent(fixture)
        directory = MiniStore.temporaryDirectory()
        try! FileManager.default.copyItem(at: root.appendingPathComponent("content"), to: content)
        try! FileManager.default.copyItem(at: root.appendingPathComponent("site-templates"), to: templates)
    }

    /// The repository's root, which holds the sample store's `content/` and `site-templates/`.
    static let repository = MiniStore.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(now: Date = MiniStore.now, strict: Bool = true, output: URL? = nil, failOnFallback: Bool = false,
             force: Bool = false, shard: Shard? = nil) -> BuildOutcome {
        var options = BuildOptions(
            content: content.path, templates: templates.path, output: (output ?? self.output).path, now: now, jobs: 2,
            strict: strict)
        options.failOnFallback = failOnFallback
        options.force = force
        options.shard = shard
        options.contentName = "content"
        options.templatesName = "site-templates"
        options.outputName = "output"
        return StoreBuild.run(options)
    }

    func write(_ relativePath: String, _ text: String) {
        let url = directory.appendingPathComponent(relativePath)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }

    func read(_ relativePath: String, in root: URL? = nil) -> String? {
        let url = (root ?? output).appendingPathComponent(relativePath)
        return (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file under a folder with its bytes, by relative path.
    func tree(_ root: URL? = nil) -> [String: Data] {
        let base = (root ?? output).standardizedFileURL.path
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: base + "/" + path) }
        }
        return files
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

extension BuildReport {
    /// The report with `other`'s written, unchanged and removed counts, which alone tell an incremental build's
    /// report from a fresh build's.
    func counting(as other: BuildReport?) -> BuildReport {
        var same = self
        same.written = other?.written ?? 0
        same.unchanged = other?.unchanged ?? 0
        same.removed = other?.removed ?? 0
        return same
    }
}

extension Date {
    /// An ISO 8601 instant, for tests.
    static func iso(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
}
