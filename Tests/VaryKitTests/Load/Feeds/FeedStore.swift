import Foundation
@testable import VaryKit

/// The mini store with the feeds and exports under `Tests/Fixtures/feeds` added, and ways to break them.
enum FeedStore {
    static let fixtures = MiniStore.root.deletingLastPathComponent().appendingPathComponent("feeds")

    /// The fixture feeds by their path under `content/catalog/`.
    static let files: [String: String] = {
        var files: [String: String] = [:]
        for folder in ["merchant", "shopify"] {
            let url = fixtures.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
                files["catalog/\(folder)/\(name)"] = try! String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            }
        }
        return files
    }()

    /// The mini store's site.json with the Shopify exports' regions.
    static var site: String {
        let text = String(decoding: MiniStore.content().files["site.json"]!, as: UTF8.self)
        return text.replacingOccurrences(of: "\"routing\":", with: "\"shopify\": {\"regions\": [\"us\"]},\n  \"routing\":")
    }

    /// The content with the fixture feeds, some of them replaced (a nil text removes a file).
    static func source(_ replacements: [String: String?] = [:]) -> SourceFiles {
        var source = MiniStore.content()
        source.files["site.json"] = Array(site.utf8)
        for (path, text) in files { source.files[path] = Array(text.utf8) }
        for (path, text) in replacements { source.files[path] = text.map { Array($0.utf8) } }
        return source
    }

    static func load(_ replacements: [String: String?] = [:]) -> (content: StoreContent?, diagnostics: [Diagnostic]) {
        ContentLoader.load(source(replacements))
    }

    /// Every error's text when loading and validating with replacements.
    static func errors(_ replacements: [String: String?]) -> [String] {
        let (content, diagnostics) = load(replacements)
        var all = diagnostics
        if let content { all += ContentValidator.validate(content, assets: nil) }
        return all.filter { $0.severity == .error }.map(\.description)
    }

    static func product(_ id: String) -> Product? {
        load().content?.products.first { $0.id == id }
    }

    /// A fixture file with one piece of text replaced.
    static func replacing(_ path: String, _ old: String, _ new: String) -> [String: String?] {
        let text = files[path]!
        precondition(text.contains(old), "\(old) is not in \(path)")
        return [path: text.replacingOccurrences(of: old, with: new)]
    }
}
