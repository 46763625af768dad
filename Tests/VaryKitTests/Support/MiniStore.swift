import Foundation
@testable import VaryKit

/// The small but complete store under `Tests/Fixtures/mini-store`, and ways to break it.
enum MiniStore {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mini-store")

    static var contentURL: URL { root.appendingPathComponent("content") }
    static var templatesURL: URL { root.appendingPathComponent("site-templates") }

    static func content() -> SourceFiles {
        try! SourceFiles.read(directory: contentURL, displayName: "content")
    }

    static func templates() -> SourceFiles {
        try! SourceFiles.read(directory: templatesURL, displayName: "site-templates")
    }

    /// The loaded and validated store; fails the caller when the fixture has errors.
    static func loaded() -> StoreContent {
        let (content, diagnostics) = ContentLoader.load(content())
        precondition(content != nil, "mini store does not load: \(diagnostics)")
        return content!
    }

    /// Every error (not warnings) from loading and validating the store with some files replaced.
    static func errors(content replacements: [String: String] = [:], templates templateReplacements: [String: String] = [:])
        -> [String]
    {
        var source = content()
        for (path, text) in replacements { source.files[path] = Array(text.utf8) }
        var templateSource = templates()
        for (path, text) in templateReplacements { templateSource.files[path] = Array(text.utf8) }
        let (loaded, loadDiagnostics) = ContentLoader.load(source)
        let (_, templateDiagnostics) = SiteTemplates.load(templateSource)
        var all = loadDiagnostics + templateDiagnostics
        if let loaded {
            all += ContentValidator.validate(loaded, assets: SiteTemplates.assetPaths(templateSource))
        }
        return all.filter { $0.severity == .error }.sorted().map(\.description)
    }

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vary-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let now = ISO8601DateFormatter().date(from: "2026-11-25T12:00:00Z")!
}
