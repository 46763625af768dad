import Foundation
import Testing
@testable import VaryKit

/// The mini store in a temporary store folder, where tests move files and link them back.
private struct LinkedFiles {
    let build = TestBuild()
    var root: String { build.directory.standardizedFileURL.path }

    /// Moves `relative` (under the store's folder) to `destination` (absolute) and links it back to `target`.
    func move(_ relative: String, to destination: String, linkingTo target: String? = nil) {
        try! FileManager.default.createDirectory(
            atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! FileManager.default.moveItem(atPath: root + "/" + relative, toPath: destination)
        link(relative, to: target ?? destination)
    }

    func link(_ relative: String, to target: String) {
        try! FileManager.default.createSymbolicLink(atPath: root + "/" + relative, withDestinationPath: target)
    }

    func content() throws -> SourceFiles { try SourceFiles.read(directory: build.content, displayName: "content") }

    func productIDs() throws -> Set<String> { Set(ContentLoader.load(try content()).0?.products.map(\.id) ?? []) }
}

@Suite("symlinks in the inputs")
struct SymlinkTests {
    @Test("a symlinked catalog file inside the store's folder is read like any file")
    func fileInsideStore() throws {
        let store = LinkedFiles()
        defer { store.build.cleanUp() }
        store.move("content/catalog/extra.csv", to: store.root + "/shared/extra.csv", linkingTo: "../../shared/extra.csv")
        let content = try store.content()
        #expect(content.warnings.isEmpty)
        #expect(content.files["catalog/extra.csv"] != nil)
        #expect(try store.productIDs().contains("stove"))
    }

    @Test("a symlinked folder inside the store's folder is walked, and the content folder itself may be a link")
    func folderInsideStore() throws {
        let store = LinkedFiles()
        defer { store.build.cleanUp() }
        store.move("content/catalog", to: store.root + "/catalog-data", linkingTo: "../catalog-data")
        #expect(try store.content().warnings.isEmpty)
        #expect(try store.productIDs().isSuperset(of: ["stove", "rope-9"]))
        // content/ → a real folder elsewhere: links inside it stay inside the input folder, so they count too.
        let elsewhere = MiniStore.temporaryDirectory().standardizedFileURL.path
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        store.move("content", to: elsewhere + "/content")
        try FileManager.default.removeItem(atPath: elsewhere + "/content/catalog")
        try FileManager.default.copyItem(atPath: store.root + "/catalog-data", toPath: elsewhere + "/content/catalog")
        try FileManager.default.moveItem(atPath: elsewhere + "/content/catalog/extra.csv", toPath: elsewhere + "/content/extra.csv")
        try FileManager.default.createSymbolicLink(atPath: elsewhere + "/content/catalog/extra.csv", withDestinationPath: "../extra.csv")
        #expect(try store.content().warnings.isEmpty)
        #expect(try store.productIDs().contains("stove"))
    }

    @Test("a symlink leading outside the store's folder is skipped with a warning naming the file and where it points")
    func outsideStore() throws {
        let store = LinkedFiles()
        defer { store.build.cleanUp() }
        let outside = MiniStore.temporaryDirectory().standardizedFileURL.path
        defer { try? FileManager.default.removeItem(atPath: outside) }
        store.move("content/catalog/extra.csv", to: outside + "/extra.csv")
        let content = try store.content()
        #expect(content.files["catalog/extra.csv"] == nil)
        #expect(content.warnings.map(\.description) == [
            "content/catalog/extra.csv: warning: is a symlink to '\(outside)/extra.csv' (\(outside)/extra.csv), outside the store's folder \(store.root): skipped, so it is not in the build (copy it into the store, or link to a file inside \(store.root))",
        ])
    }

    @Test("a dangling symlink and a symlink looping back are skipped with a warning each")
    func danglingAndLoop() throws {
        let store = LinkedFiles()
        defer { store.build.cleanUp() }
        store.link("content/catalog/gone.json", to: "missing.json")
        store.link("content/catalog/again", to: "..")
        let content = try store.content()
        #expect(content.warnings.map(\.description) == [
            "content/catalog/again: warning: is a symlink to a folder that contains it: skipped, so the folder is not read twice (remove the link)",
            "content/catalog/gone.json: warning: is a symlink to 'missing.json', which does not exist: skipped (remove the link or restore its target)",
        ])
        #expect(try store.productIDs().contains("stove"))
    }

    @Test("a build with a skipped symlink succeeds and reports the warning; a symlinked template is used")
    func buildReportsWarning() throws {
        let store = LinkedFiles()
        defer { store.build.cleanUp() }
        let outside = MiniStore.temporaryDirectory().standardizedFileURL.path
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try "id,sku,title\n".write(toFile: outside + "/more.csv", atomically: true, encoding: .utf8)
        store.link("content/catalog/more.csv", to: outside + "/more.csv")
        store.move("site-templates/partials/card.mustache", to: store.root + "/shared/card.mustache", linkingTo: "../../shared/card.mustache")
        let outcome = store.build.run()
        #expect(outcome.exitCode == 0, "\(outcome.diagnostics)")
        let warning = "content/catalog/more.csv: warning: is a symlink to '\(outside)/more.csv'"
        #expect(outcome.diagnostics.contains { $0.description.hasPrefix(warning) })
        #expect(outcome.report?.warnings.contains { $0.hasPrefix(warning) } == true)
        #expect(store.build.read("us/en-us/index.html")?.contains("Dynamic Rope 9.5 mm") == true)
    }

    @Test("the preview notices an edit behind a symlinked folder")
    func snapshotFollowsLinks() throws {
        let store = LinkedFiles()
        defer { store.build.cleanUp() }
        store.move("content/catalog", to: store.root + "/catalog-data", linkingTo: "../catalog-data")
        let folders = [(url: store.build.content, name: "content")]
        let before = SourceSnapshot.take(folders)
        #expect(before.files["content/catalog/extra.csv"] != nil)
        store.build.write("catalog-data/extra.csv", "id,sku,title\n")
        #expect(SourceSnapshot.take(folders).changes(since: before) == ["content/catalog/extra.csv"])
    }
}
