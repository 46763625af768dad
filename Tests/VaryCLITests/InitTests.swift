import Foundation
import Testing

@Suite("vary init")
struct InitTests {
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vary-init-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a new store builds under CI with exit code 0, no warnings and no check problems, with every page kind")
    func newStoreBuilds() throws {
        let folder = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let initialized = try VaryProcess.run(["init", "my-store"], in: folder)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(initialized.stdout.contains("Next steps:\n  cd my-store\n  vary build"))
        let store = folder.appendingPathComponent("my-store")
        let build = try VaryProcess.run(["build", "--now", "2026-11-25T12:00:00Z", "--fail-on-fallback"], in: store, environment: ["CI": "true"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains("warning"), "\(build.stderr)")
        for kind in ["landing", "promotion", "bundle", "product", "chooser", "not-found"] { #expect(build.stdout.contains(" \(kind)")) }
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: store.appendingPathComponent("output/_vary/report.json")))
            as! [String: Any]
        #expect((report["warnings"] as? [Any])?.isEmpty == true)
        #expect((report["skipped"] as? [Any])?.isEmpty == true)
        let pages = report["pagesByKind"] as! [String: Int]
        #expect(pages == ["landing": 6, "promotion": 3, "bundle": 3, "product": 12, "chooser": 1, "not-found": 1])
        let check = try VaryProcess.run(["check"], in: store)
        #expect(check.status == 0)
        #expect(check.stdout == "output/: no problems found\n")
    }

    @Test("init writes into the current folder when it is empty or holds only hidden entries such as .git")
    func currentFolder() throws {
        let folder = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let result = try VaryProcess.run(["init"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/site.json").path))
        #expect(!result.stdout.contains("cd "))
    }

    @Test("a folder that is not empty is refused with exit code 2 and left as it was")
    func refusesNonEmpty() throws {
        let folder = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "mine".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try VaryProcess.run(["init", "."], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("vary init: the current folder is not empty (choose a new folder, or pass --force"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test("--force writes beside other files but never replaces a file the store would write")
    func forceNeverOverwrites() throws {
        let folder = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "mine".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(try VaryProcess.run(["init", "--force"], in: folder).status == 0)
        let site = folder.appendingPathComponent("content/site.json")
        try "{\"name\": \"kept\"}".write(to: site, atomically: true, encoding: .utf8)
        let again = try VaryProcess.run(["init", "--force"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already has .gitignore, content/bundles.json,"))
        #expect(try String(contentsOf: site, encoding: .utf8) == "{\"name\": \"kept\"}")
    }
}
