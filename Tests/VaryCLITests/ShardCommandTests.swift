import Foundation
import Testing

/// Folders and trees for the sharding tests, which run `vary` (and `vary-bench` to generate a store) as a user does.
enum ShardFiles {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let now = "2026-11-25T12:00:00Z"

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vary-shard-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the repository's sample store (`content/` and `site-templates/`) in `folder`.
    static func copySampleStore(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["content", "site-templates"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    /// Every file under a folder with its bytes, by relative path.
    static func tree(_ root: URL) -> [String: Data] {
        let base = root.standardizedFileURL.path
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: base + "/" + path) }
        }
        return files
    }

    /// The paths whose bytes differ between two trees, or that only one has.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }
}

@Suite("vary build --shard and vary merge on the command line")
struct ShardCommandTests {
    @Test("a bad --shard or --shard-count is a usage error with exit code 2, and nothing is written",
          arguments: [
              (["--shard", "0/4"], [:], "I must be between 1 and 4"),
              (["--shard", "5/4"], [:], "I must be between 1 and 4"),
              (["--shard", "two/4"], [:], "is not I/N"),
              (["--shard", "4"], [:], "is not I/N"),
              (["--shard", "1/0"], [:], "N must be at least 1"),
              (["--shard", "1/4", "--shard-count", "4"], [:], "not both"),
              (["--shard-count", "4"], [:], "needs JOB_COMPLETION_INDEX"),
              (["--shard-count", "4"], ["JOB_COMPLETION_INDEX": "4"], "not an index from 0 to 3"),
              (["--shard-count", "x"], ["JOB_COMPLETION_INDEX": "0"], "not a positive number"),
          ] as [([String], [String: String], String)])
    func badShard(flags: [String], environment: [String: String], message: String) throws {
        let folder = ShardFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try VaryProcess.run(["build", "--now", ShardFiles.now, "--output", folder.appendingPathComponent("out").path] + flags,
                                         in: ShardFiles.repository, environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("--shard-count N builds shard JOB_COMPLETION_INDEX + 1, as a Kubernetes Indexed Job numbers its pods")
    func jobCompletionIndex() throws {
        let folder = ShardFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ShardFiles.copySampleStore(to: folder)
        let result = try VaryProcess.run(["build", "--now", ShardFiles.now, "--shard-count", "3", "--output", "shard"],
                                         in: folder, environment: ["JOB_COMPLETION_INDEX": "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("as shard 3/3"))
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("shard/_vary/shard.json"))) as! [String: Any]
        #expect(record["shard"] as? Int == 3 && record["shards"] as? Int == 3)
    }

    @Test("merging shards built at different instants exits 2 naming the shard, and writes nothing")
    func differentNow() throws {
        let folder = ShardFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ShardFiles.copySampleStore(to: folder)
        for (index, now) in [(1, ShardFiles.now), (2, "2026-11-25T13:00:00Z")] {
            let built = try VaryProcess.run(["build", "--now", now, "--shard", "\(index)/2", "--output", "shards/shard-\(index)", "--quiet"], in: folder)
            #expect(built.status == 0, "\(built.stderr)")
        }
        let merged = try VaryProcess.run(["merge", "shards/shard-1", "shards/shard-2", "--output", "site"], in: folder)
        #expect(merged.status == 2)
        #expect(merged.stderr.contains("shards/shard-2: is not from the same build as shards/shard-1: its now is 2026-11-25T13:00:00Z, not 2026-11-25T12:00:00Z"),
                "\(merged.stderr)")
        #expect(merged.stderr.contains("site/ is unchanged"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    @Test("vary merge without shard folders is a usage error")
    func noShards() throws {
        let result = try VaryProcess.run(["merge", "--output", "site"], in: ShardFiles.temporaryDirectory())
        #expect(result.status == 2)
        #expect(result.stderr.contains("no shard folders given"))
    }

    @Test("merging 1, 2, 4 or 7 shards of a generated store of thousands of pages gives one build's output byte for byte")
    func generatedStoreEquivalence() throws {
        let folder = ShardFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bench = VaryProcess.executable.deletingLastPathComponent().appendingPathComponent("vary-bench")
        let generator = Process()
        generator.executableURL = bench
        generator.arguments = ["--shape", "small", "--regions", "25", "--locales", "4", "--segments", "10", "--products", "50",
                               "--write", folder.path]
        try generator.run()
        generator.waitUntilExit()
        #expect(generator.terminationStatus == 0)
        let single = try VaryProcess.run(["build", "--now", ShardFiles.now, "--output", "single", "--quiet"], in: folder)
        #expect(single.status == 0, "\(single.stderr)")
        let expected = ShardFiles.tree(folder.appendingPathComponent("single"))
        #expect(expected.keys.filter { $0.hasSuffix(".html") }.count > 1_800)
        for count in [1, 2, 4, 7] {
            for index in 1...count {
                let built = try VaryProcess.run(["build", "--now", ShardFiles.now, "--shard", "\(index)/\(count)",
                                                 "--output", "n\(count)/shard-\(index)", "--quiet"], in: folder)
                #expect(built.status == 0, "\(built.stderr)")
            }
            let merged = try VaryProcess.run(["merge"] + (1...count).map { "n\(count)/shard-\($0)" } + ["--output", "merged-\(count)"], in: folder)
            #expect(merged.status == 0, "\(merged.stderr)")
            let differences = ShardFiles.differences(ShardFiles.tree(folder.appendingPathComponent("merged-\(count)")), expected)
            #expect(differences.isEmpty, "N = \(count): \(differences.prefix(5))")
            try FileManager.default.removeItem(at: folder.appendingPathComponent("n\(count)"))
        }
    }
}
