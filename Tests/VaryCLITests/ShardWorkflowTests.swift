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

extension ShardWorkflowTests {
    /// The one-line `args:` command and the `env:` values of the container in a Kubernetes manifest.
    private func container(_ text: String) throws -> (command: String, environment: [String: String]) {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains(#"command: ["/bin/sh", "-c"]"#))
        let args = try #require(lines.firstIndex(of: "args:"))
        let command = String(lines[args + 1].dropFirst(2))
        var environment: [String: String] = [:]
        for (index, line) in lines.enumerated() where line.hasPrefix("- name: ") && lines[index + 1].hasPrefix("value: ") {
            environment[String(line.dropFirst("- name: ".count))] =
                lines[index + 1].dropFirst("value: ".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return (command, environment)
    }

    @Test("the Kubernetes Indexed Job's and merge Job's commands, run here with a folder for the volume, give one build's output")
    func kubernetesIndexedJob() throws {
        let folder = ShardFiles.repository.appendingPathComponent("examples/kubernetes")
        let now = ShardFiles.now
        let shards = try String(contentsOf: folder.appendingPathComponent("shards-job.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "@NOW@", with: now)
        let merge = try String(contentsOf: folder.appendingPathComponent("merge-job.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "@NOW@", with: now)
        #expect(shards.contains("completionMode: Indexed"))
        let completions = try #require(shards.split(separator: "\n").first { $0.contains("completions:") })
        let count = try #require(Int(completions.split(separator: ":")[1].split(separator: "#")[0].trimmingCharacters(in: .whitespaces)))
        let root = ShardFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // The volume mounted at /build is a folder here; the pods' PATH has vary.
        let volume = root.appendingPathComponent("volume").path
        let path = VaryProcess.executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let store = root.appendingPathComponent("store")
        try ShardFiles.copySampleStore(to: store)
        let shard = try container(shards)
        #expect(shard.environment["SHARDS"] == "\(count)")
        for index in 0..<count {
            let ran = try Shell.run(shard.command.replacingOccurrences(of: "/build", with: volume), in: store,
                                    environment: shard.environment.merging(["JOB_COMPLETION_INDEX": "\(index)", "PATH": path]) { $1 },
                                    shell: ["/bin/sh", "-c"])
            #expect(ran.status == 0, "\(ran.output)")
        }
        let merging = try container(merge)
        let merged = try Shell.run(merging.command.replacingOccurrences(of: "/build", with: volume), in: root,
                                   environment: merging.environment.merging(["PATH": path]) { $1 }, shell: ["/bin/sh", "-c"])
        #expect(merged.status == 0, "\(merged.output)")
        #expect(!FileManager.default.fileExists(atPath: volume + "/runs/" + now), "the merge removes its run's shards")
        let single = try VaryProcess.run(["build", "--now", now, "--output", "single", "--quiet"], in: store)
        #expect(single.status == 0, "\(single.stderr)")
        let differences = ShardFiles.differences(ShardFiles.tree(URL(fileURLWithPath: volume + "/site")),
                                                 ShardFiles.tree(store.appendingPathComponent("single")))
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }
}
