import Foundation
import Testing

@Suite("The sharded examples run here as on their engines")
struct ShardWorkflowTests {
    /// A job's workspace: a fresh folder with the store and `.vary/bin/vary`, as the workflow's install steps leave it.
    private func workspace(_ root: URL, _ name: String, store: Bool) throws -> URL {
        let folder = root.appendingPathComponent(name)
        if store { try ShardFiles.copySampleStore(to: folder) }
        let bin = folder.appendingPathComponent(".vary/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("vary"), withDestinationURL: VaryProcess.executable)
        return folder
    }

    /// Replaces the workflow expressions the steps use with their values; any other expression fails the test.
    private func resolve(_ environment: [String: String], _ values: [String: String]) -> [String: String] {
        environment.mapValues { value in
            var text = value
            for (expression, replacement) in values { text = text.replacingOccurrences(of: "${{ \(expression) }}", with: replacement) }
            #expect(!text.contains("${{"), "unknown expression in \(value)")
            return text
        }
    }

    /// What an artifact upload and download do to a file: the bytes stay, the mode and times do not.
    private func download(_ source: URL, into target: URL) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        let enumerator = FileManager.default.enumerator(atPath: target.path)
        while let path = enumerator?.nextObject() as? String {
            let full = target.path + "/" + path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try FileManager.default.setAttributes([.posixPermissions: 0o600, .modificationDate: Date()], ofItemAtPath: full)
        }
    }

    @Test("the GitHub Actions matrix's steps, with shard folders for artifacts, give the output of one vary build")
    func githubActionsMatrix() throws {
        let text = try String(contentsOf: ShardFiles.repository.appendingPathComponent("examples/github-actions/build-store-sharded.yml"),
                              encoding: .utf8)
        let workflow = WorkflowSteps(text)
        let root = ShardFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let github = ["CI": "true", "GITHUB_ACTIONS": "true"]
        let top = workflow.environment
        #expect(top["SHARDS"] == "4")

        // setup: the instant and the matrix.
        let setup = try #require(workflow.step("Fix the build's instant and list the shards", in: "setup"))
        let setupFolder = try workspace(root, "setup", store: false)
        let outputFile = setupFolder.appendingPathComponent("github-output")
        let planned = try Shell.run(setup.script, in: setupFolder, environment: top.merging(github) { $1 }.merging(["GITHUB_OUTPUT": outputFile.path]) { $1 })
        #expect(planned.status == 0, "\(planned.output)")
        var outputs: [String: String] = [:]
        for line in try String(contentsOf: outputFile, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            outputs[String(parts[0])] = String(parts[1])
        }
        let now = try #require(outputs["now"])
        #expect(outputs["shards"] == "[1,2,3,4]")
        let shards = try #require(outputs["shards"]).dropFirst().dropLast().split(separator: ",").map { String($0) }

        // shard: one job per matrix entry, each in its own workspace; its upload is shards/.
        let build = try #require(workflow.step("Build the shard", in: "shard"))
        let merging = try workspace(root, "merge", store: false)
        for shard in shards {
            let job = try workspace(root, "shard-job-\(shard)", store: true)
            let environment = top.merging(github) { $1 }
                .merging(resolve(build.environment, ["matrix.shard": shard, "needs.setup.outputs.now": now])) { $1 }
            let ran = try Shell.run(build.script, in: job, environment: environment)
            #expect(ran.status == 0, "\(ran.output)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: job.appendingPathComponent("shards").path) == ["shard-\(shard)"])
            // download-artifact with pattern shard-* and merge-multiple: every artifact's root into shards/.
            try download(job.appendingPathComponent("shards"), into: merging.appendingPathComponent("shards"))
        }

        // merge: the merge and the check, in the merge job's workspace.
        for name in ["Merge the shards", "Check the pages"] {
            let step = try #require(workflow.step(name, in: "merge"))
            let ran = try Shell.run(step.script, in: merging, environment: top.merging(github) { $1 }.merging(resolve(step.environment, [:])) { $1 })
            #expect(ran.status == 0, "\(name): \(ran.output)")
        }

        let single = try workspace(root, "single", store: true)
        let built = try VaryProcess.run(["build", "--now", now, "--output", "output", "--quiet"], in: single, environment: github)
        #expect(built.status == 0, "\(built.stderr)")
        let differences = ShardFiles.differences(ShardFiles.tree(merging.appendingPathComponent("output")),
                                                 ShardFiles.tree(single.appendingPathComponent("output")))
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }
}
