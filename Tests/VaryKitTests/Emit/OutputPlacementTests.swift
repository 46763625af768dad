import Foundation
import Testing
@testable import VaryKit

/// A store folder (content/, site-templates/) in which paths are given as a user in that folder gives them.
private struct Store {
    let build = TestBuild()
    var root: String { build.directory.standardizedFileURL.path }

    /// `relative` as the command line turns it into a URL when run in the store's folder.
    func url(_ relative: String) -> URL { URL(fileURLWithPath: root + "/" + relative) }

    func problems(output: String, force: Bool = false) -> [String] {
        OutputPlacement.problems(
            output: url(output), outputName: output,
            inputs: [
                .init(role: "content", url: url("content"), name: "content"),
                .init(role: "templates", url: url("site-templates"), name: "site-templates"),
            ],
            force: force, workingDirectory: root
        ).map(\.description)
    }

    func symlink(_ name: String, to target: String) {
        try! FileManager.default.createSymbolicLink(atPath: root + "/" + name, withDestinationPath: target)
    }
}

@Suite("output placement")
struct OutputPlacementTests {
    private let separate = " (choose an output folder outside the folders the build reads)"

    @Test("an output that is the content or the templates folder is refused, naming both paths")
    func outputIsAnInput() {
        let store = Store()
        defer { store.build.cleanUp() }
        let root = store.root
        #expect(store.problems(output: "content") == [
            "content: the output folder 'content' (\(root)/content) is the content folder 'content' (\(root)/content): building would replace it" + separate,
        ])
        #expect(store.problems(output: "site-templates/") == [
            "site-templates/: the output folder 'site-templates/' (\(root)/site-templates) is the templates folder 'site-templates' (\(root)/site-templates): building would replace it" + separate,
        ])
        #expect(store.problems(output: "./content/../content") == [
            "./content/../content: the output folder './content/../content' (\(root)/content) is the content folder 'content' (\(root)/content): building would replace it" + separate,
        ])
    }

    @Test("an output inside the content or the templates folder is refused, existing or not")
    func outputInsideAnInput() {
        let store = Store()
        defer { store.build.cleanUp() }
        let root = store.root
        #expect(store.problems(output: "content/catalog") == [
            "content/catalog: the output folder 'content/catalog' (\(root)/content/catalog) lies inside the content folder 'content' (\(root)/content): building would write into it" + separate,
        ])
        #expect(store.problems(output: "site-templates/new/site").first?.contains("lies inside the templates folder 'site-templates'") == true)
    }

    @Test("'.' is the working directory and contains both inputs; '..' contains all three")
    func workingDirectoryAndParent() {
        let store = Store()
        defer { store.build.cleanUp() }
        let root = store.root
        #expect(store.problems(output: ".") == [
            ".: the output folder '.' (\(root)) contains the content folder 'content' (\(root)/content): building would replace it" + separate,
            ".: the output folder '.' (\(root)) contains the templates folder 'site-templates' (\(root)/site-templates): building would replace it" + separate,
            ".: the output folder '.' (\(root)) is the working directory '.' (\(root)): building would replace it" + separate,
        ])
        let parent = (root as NSString).deletingLastPathComponent
        #expect(store.problems(output: "..").count == 3)
        #expect(store.problems(output: "..").allSatisfy { $0.hasPrefix("..: the output folder '..' (\(parent)) contains the ") })
        #expect(store.problems(output: "..").last?.contains("contains the working directory '.' (\(root))") == true)
    }

    @Test("a symlink to the content folder, or an output reached through one, is refused as the folder itself")
    func symlinks() {
        let store = Store()
        defer { store.build.cleanUp() }
        let root = store.root
        store.symlink("site", to: "content")
        #expect(store.problems(output: "site") == [
            "site: the output folder 'site' (\(root)/content) is the content folder 'content' (\(root)/content): building would replace it" + separate,
        ])
        #expect(store.problems(output: "site/catalog").first?.contains("(\(root)/content/catalog) lies inside the content folder") == true)
        store.symlink("templates-link", to: root + "/site-templates")
        #expect(store.problems(output: "templates-link/").first?.contains("is the templates folder 'site-templates'") == true)
    }

    @Test("content reached through a symlink is compared by where it really is")
    func inputThroughSymlink() {
        let store = Store()
        defer { store.build.cleanUp() }
        store.symlink("shared-content", to: "content")
        let problems = OutputPlacement.problems(
            output: store.url("content"), outputName: "content",
            inputs: [.init(role: "content", url: store.url("shared-content"), name: "shared-content")],
            force: false, workingDirectory: "/")
        #expect(problems.map(\.message) == [
            "the output folder 'content' (\(store.root)/content) is the content folder 'shared-content' (\(store.root)/content): building would replace it",
        ])
    }

    @Test("an input named like the staging folders or page cache beside the output is refused")
    func inputBesideOutput() {
        let store = Store()
        defer { store.build.cleanUp() }
        for name in ["content.staging-1-ab", "content.previous-1-ab", "content.vary-cache", "content.vary-spare"] {
            let problems = OutputPlacement.problems(
                output: store.url("content"), outputName: "content",
                inputs: [.init(role: "content", url: store.url(name + "/data"), name: name + "/data")],
                force: false, workingDirectory: "/")
            #expect(problems.count == 1)
            #expect(problems.first?.message.hasPrefix("the content folder '\(name)/data' (\(store.root)/\(name)/data) is where the build keeps its staging folders, page cache and spare tree, beside the output folder 'content' (\(store.root)/content) ('content.staging-…', 'content.previous-…', 'content.vary-cache…', 'content.vary-spare…'): building would remove it") == true)
        }
    }

    @Test("a separate output is fine: missing, empty, or written by Vary")
    func separateOutput() throws {
        let store = Store()
        defer { store.build.cleanUp() }
        #expect(store.problems(output: "output") == [])
        #expect(store.problems(output: "../elsewhere-\(UUID().uuidString)") == [])
        try FileManager.default.createDirectory(atPath: store.root + "/empty", withIntermediateDirectories: true)
        #expect(store.problems(output: "empty") == [])
        #expect(store.build.run().exitCode == 0)
        #expect(store.problems(output: "output") == [])
    }

    @Test("a folder Vary did not write is refused unless --force; a file never")
    func foreignOutput() throws {
        let store = Store()
        defer { store.build.cleanUp() }
        store.build.write("notes/todo.txt", "keep me")
        #expect(store.problems(output: "notes") == [
            "notes: the output folder 'notes' (\(store.root)/notes) is not empty and was not written by Vary (it has no _vary/manifest.json): building would replace everything in it (pass --force to replace it anyway, or choose another folder)",
        ])
        #expect(store.problems(output: "notes", force: true) == [])
        store.build.write("file.txt", "a file")
        #expect(store.problems(output: "file.txt", force: true) == [
            "file.txt: the output folder 'file.txt' (\(store.root)/file.txt) exists and is not a folder (remove it or choose another folder)",
        ])
        // --force never allows an overlap.
        #expect(store.problems(output: "content", force: true).count == 1)
    }
}
