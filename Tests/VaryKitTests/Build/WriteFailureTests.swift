import Foundation
import Testing
@testable import VaryKit
#if canImport(Glibc)
import Glibc
#endif

extension FileCreation {
    /// Creates files as the system does until `limit` have been created, then fails like a full disk,
    /// for every file or only those whose path ends with `suffix`.
    static func full(after limit: Int, suffix: String = "", attempts: Attempts = Attempts()) -> FileCreation {
        FileCreation { path, bytes in
            if path.hasSuffix(suffix), attempts.next() > limit {
                throw FileSystemCalls.failure("write", path, code: ENOSPC)
            }
            try FileSystemCalls.createFile(path, bytes)
        }
    }

    /// Counts the files a build tried to create.
    final class Attempts: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func next() -> Int { lock.withLock { count += 1; return count } }
        var total: Int { lock.withLock { count } }
    }
}

/// The mini store renamed, so that every page changes and a rebuild writes them all again.
private func renameStore(_ build: TestBuild) {
    let site = build.read("content/site.json", in: build.directory)!
    build.write("content/site.json", site.replacingOccurrences(of: "Mini Outfitters", with: "Maxi Outfitters"))
}

/// Builds the mini store, renames it and returns the first output's tree with the options of a rebuild over it
/// (two rendering threads, the output named as in messages), for a test to make that rebuild fail.
private func renamedRebuild(
    _ build: TestBuild, strict: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> (previous: [String: Data], options: BuildOptions) {
    #expect(build.run().exitCode == 0, sourceLocation: sourceLocation)
    let previous = build.tree()
    renameStore(build)
    var options = BuildOptions(
        content: build.content.path, templates: build.templates.path, output: build.output.path, now: MiniStore.now, jobs: 2,
        strict: strict)
    options.outputName = "output"
    return (previous, options)
}

/// Names beside the output that a build leaves only when something went wrong (staging folders).
private func leftovers(_ build: TestBuild) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: build.directory.path)) ?? []).filter {
        $0.hasPrefix("output.staging-") || $0.hasPrefix("output.previous-")
    }
}

@Suite("write failures")
struct WriteFailureTests {
    @Test("a page that cannot be written stops the build with exit code 3, one message, and the previous output intact")
    func pageWriteFails() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let (previous, rebuild) = renamedRebuild(build, strict: true)
        var options = rebuild
        let attempts = FileCreation.Attempts()
        options.fileCreation = .full(after: 3, attempts: attempts)
        let outcome = StoreBuild.run(options)
        // It stopped at once: each of the two rendering threads finished at most the page it was on.
        #expect(attempts.total <= 3 + 2)
        #expect(outcome.exitCode == 3)
        #expect(outcome.report == nil)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        try #require(errors.count == 1, "\(outcome.diagnostics)")
        let message = errors[0].description
        #expect(message.hasPrefix("output: cannot write "))
        #expect(message.contains(build.directory.standardizedFileURL.path + "/output.staging-"))
        #expect(message.hasSuffix(": write failed: No space left on device"))
        #expect(build.tree() == previous)
        #expect(leftovers(build) == [])
        // With room again, the same build lands.
        options.fileCreation = .system
        #expect(StoreBuild.run(options).exitCode == 0)
        #expect(build.read("index.html")?.contains("Maxi Outfitters") == true)
    }

    @Test("a failure writing the manifest, after every page, is exit code 3 too, with nothing swapped in")
    func emitWriteFails() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let (previous, rebuild) = renamedRebuild(build)
        var options = rebuild
        options.fileCreation = .full(after: 0, suffix: "/_vary/manifest.json")
        let outcome = StoreBuild.run(options)
        #expect(outcome.exitCode == 3)
        let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix("/_vary/manifest.json: write failed: No space left on device") == true, "\(errors)")
        #expect(build.tree() == previous)
        #expect(leftovers(build) == [])
    }

    @Test("a first build that cannot write leaves no output folder at all")
    func coldBuildFails() {
        let build = TestBuild()
        defer { build.cleanUp() }
        var options = BuildOptions(
            content: build.content.path, templates: build.templates.path, output: build.output.path, now: MiniStore.now, jobs: 2)
        options.fileCreation = .full(after: 0)
        #expect(StoreBuild.run(options).exitCode == 3)
        #expect(!FileManager.default.fileExists(atPath: build.output.path))
        #expect(leftovers(build) == [])
    }

    @Test("a read-only output parent is exit code 3 naming the folder and the cause",
          .enabled(if: getuid() != 0, "root may write into read-only folders"))
    func permissionDenied() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let parent = build.directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        chmod(parent.path, 0o555)
        defer { chmod(parent.path, 0o755) }
        let outcome = build.run(output: parent.appendingPathComponent("output"))
        #expect(outcome.exitCode == 3)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("Permission denied") == true)
    }
}

/// A small tmpfs mounted for one test, where the kernel itself reports a full disk.
private struct SmallFileSystem {
    let mountPoint: URL

    /// Whether this process may mount one (root with CAP_SYS_ADMIN, as on CI; not in most containers or as a user).
    static let canMount: Bool = {
        guard let probe = try? SmallFileSystem(kilobytes: 64) else { return false }
        probe.unmount()
        return true
    }()

    init(kilobytes: Int) throws {
        mountPoint = MiniStore.temporaryDirectory()
        #if os(Linux)
        guard mount("tmpfs", mountPoint.path, "tmpfs", 0, "size=\(kilobytes)k,mode=0755") == 0 else {
            try? FileManager.default.removeItem(at: mountPoint)
            throw CocoaError(.fileWriteNoPermission)
        }
        #else
        throw CocoaError(.featureUnsupported)
        #endif
    }

    /// Fills the file system but for about `keep` bytes, with one file.
    func fill(leaving keep: Int) throws {
        let path = mountPoint.appendingPathComponent("filler").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 { total += chunk.count }
        #expect(ftruncate(descriptor, off_t(max(0, total - keep))) == 0)
    }

    func unmount() {
        #if os(Linux)
        umount2(mountPoint.path, 0)
        #endif
        try? FileManager.default.removeItem(at: mountPoint)
    }
}

@Suite("write failures on a full file system")
struct FullDiskTests {
    @Test("a build onto a full tmpfs exits 3 with one message and leaves the previous output intact",
          .enabled(if: SmallFileSystem.canMount, "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN, as on CI)"))
    func fullDisk() throws {
        let build = TestBuild()
        defer { build.cleanUp() }
        let disk = try SmallFileSystem(kilobytes: 1024)
        defer { disk.unmount() }
        let output = disk.mountPoint.appendingPathComponent("output")
        #expect(build.run(output: output).exitCode == 0)
        let previous = build.tree(output)
        #expect(previous.count > 20)
        renameStore(build)
        // Room for the staging folder and a few pages, not for the build.
        try disk.fill(leaving: 48 * 1024)
        let outcome = build.run(output: output)
        #expect(outcome.exitCode == 3)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        try #require(errors.count == 1, "\(outcome.diagnostics)")
        #expect(errors[0].description.hasPrefix("output: "))
        #expect(errors[0].description.hasSuffix("No space left on device"))
        #expect(build.tree(output) == previous)
        let names = try FileManager.default.contentsOfDirectory(atPath: disk.mountPoint.path).sorted()
        #expect(names == ["filler", "output", "output.vary-cache"])
    }
}
