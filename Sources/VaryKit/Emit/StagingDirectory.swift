import Dispatch
import Foundation

/// A fresh directory next to the output that receives a whole build, and replaces the output in one
/// step only when the build succeeded: nothing touches the output before `commit`.
///
/// The tree a commit replaces is not removed but kept beside the output as the spare (`<output>.vary-spare`),
/// and the next build takes it as its staging directory: its folders are there already, and a file it holds that
/// is still the output's (the same file under a second name, linked by the build before) is kept as it is. So a
/// rebuild that changes few files creates few folders and links and removes no tree. Nothing in the spare is
/// trusted but that: every other file is removed before its path is written, anything in a folder's place is
/// replaced by a folder, and whatever the build did not write is removed before the swap.
///
/// `write` may be called from many rendering threads at once; the lock guards only the bookkeeping,
/// so hashing and disk writes run in parallel.
public final class StagingDirectory: @unchecked Sendable {
    /// The output directory this build will replace.
    public let output: URL
    /// The staging directory, `<output>.staging-<pid>-<random>` in the output's parent, so the final
    /// rename stays on one file system and is atomic.
    public let url: URL
    private let creation: FileCreation
    /// Whether there was an output to compare with when the build began; without one (a cold build) no file is
    /// looked for there.
    private let hasPrevious: Bool
    /// Whether the staging directory is the previous build's spare, which holds files and folders already.
    private let isReused: Bool

    /// The report's path inside the output; written by `commit` and, like the change list,
    /// left out of the manifest because it describes the build, not the site.
    public static let reportPath = "_vary/report.json"
    private static let reservedPaths: Set<String> = [Manifest.path, EmitSummary.changesPath, reportPath]

    private enum State { case open, closed }
    private let lock = NSLock()
    private var state = State.open
    /// Written files by path; nil marks a path whose write is in progress.
    private var entries: [String: ManifestEntry?] = [:]
    private var directories: Set<String> = []
    /// Paths written by `write`, which compared them with the previous output as it went.
    private var compared: Set<String> = []
    /// Of those, the ones whose bytes were the same: they are the previous file, linked, with its times.
    private var linked: Set<String> = []

    /// Creates an empty staging directory for `output` (creating the output's parent if needed).
    public convenience init(output: URL) throws {
        try self.init(output: output, creation: .system)
    }

    /// A staging directory that creates its files through `creation`.
    init(output: URL, creation: FileCreation) throws {
        let outputPath = try Self.normalizedPath(output)
        let existing = try FileSystemCalls.status(outputPath)
        if let existing, !existing.isDirectory {
            throw EmitError.outputNotDirectory(outputPath)
        }
        let parent = (outputPath as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw EmitError.io(operation: "create directory", path: parent, message: "\(error)")
        }
        let stagingPath = outputPath + Self.leftoverInfix("staging") + Self.uniqueSuffix()
        // The spare is claimed by renaming it, so two builds never share it; without an output it is of no use.
        let spare = Self.sparePath(of: outputPath)
        var reused = false
        if try FileSystemCalls.status(spare)?.isDirectory == true {
            if existing != nil {
                reused = Foundation.rename(spare, stagingPath) == 0
            } else {
                try? FileSystemCalls.removeTree(spare)
            }
        }
        if !reused, mkdir(stagingPath, 0o755) != 0 { throw FileSystemCalls.failure("create directory", stagingPath) }
        self.output = URL(fileURLWithPath: outputPath, isDirectory: true)
        self.url = URL(fileURLWithPath: stagingPath, isDirectory: true)
        self.creation = creation
        hasPrevious = existing != nil
        isReused = reused
    }

    /// Where the tree the last commit replaced is kept for the next build: `<output>.vary-spare`.
    static func sparePath(of outputPath: String) -> String { outputPath + ".vary-spare" }

    /// Writes one file into the staging directory, creating its parent directories, and records its
    /// hash and size for the manifest; rejects paths outside the directory and paths written twice.
    public func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        let (target, previous) = try claim(relativePath)
        do {
            if isReused { try FileSystemCalls.clear(target) }
            // An unchanged file is the previous one under a second name: nothing to write, and its times stay.
            let isSame = hasPrevious && FileSystemCalls.hasContents(previous, bytes)
            var isUnchanged = isSame && FileSystemCalls.hardLink(previous, to: target)
            if !isUnchanged {
                try creation.create(target, bytes)
                // A file system without hard links: a copy with the previous file's times.
                if isSame, let old = try FileSystemCalls.status(previous) {
                    try FileSystemCalls.setTimes(target, access: old.accessTime, modification: old.modificationTime)
                    isUnchanged = true
                }
            }
            record(ManifestEntry(path: relativePath, sha256: SHA256.hex(bytes), bytes: bytes.count), unchanged: isUnchanged)
        } catch {
            release(relativePath)
            throw error
        }
    }

    /// Writes a file too large to hold whole, piece by piece as `produce` hands them to its argument, hashing
    /// and comparing with the previous output's file while it writes; when every byte is the same, the previous
    /// file is linked in its place, keeping its times, as `write` does.
    public func write(_ relativePath: String, streaming produce: (_ append: ([UInt8]) throws -> Void) throws -> Void) throws {
        let (target, previous) = try claim(relativePath)
        do {
            if isReused { try FileSystemCalls.clear(target) }
            var file = try StreamedFile(creating: target, comparingWith: previous)
            try produce { try file.append($0) }
            let (sha256, count, isSame) = try file.finish()
            var isUnchanged = false
            if isSame, unlink(target) == 0 {
                isUnchanged = FileSystemCalls.hardLink(previous, to: target)
                if !isUnchanged { throw EmitError.invalidPath(relativePath, reason: "cannot link the unchanged file") }
            }
            record(ManifestEntry(path: relativePath, sha256: sha256, bytes: count), unchanged: isUnchanged)
        } catch {
            release(relativePath)
            throw error
        }
    }

    /// Takes over the previous output's file at `relativePath` as this build's, when it is still the file with
    /// this SHA-256, size and modification time (a page whose inputs did not change); false, with nothing
    /// recorded, when it is not, so the caller writes the file instead.
    func adopt(_ relativePath: String, sha256: String, bytes: Int, modified: (seconds: Int, nanoseconds: Int)) throws -> Bool {
        let components = try OutputPath.components(relativePath)
        let previous = output.path + "/" + relativePath
        guard let old = try? FileSystemCalls.status(previous), old.isRegularFile, old.size == bytes,
              Int(old.modificationTime.tv_sec) == modified.seconds, Int(old.modificationTime.tv_nsec) == modified.nanoseconds
        else { return false }
        let (target, _) = try claim(relativePath, components: components)
        if isReused {
            do {
                // The spare's file is the output's under a second name when the build before took it over too.
                if try FileSystemCalls.status(target)?.identity == old.identity {
                    record(ManifestEntry(path: relativePath, sha256: sha256, bytes: bytes), unchanged: true)
                    return true
                }
                try FileSystemCalls.clear(target)
            } catch {
                release(relativePath)
                throw error
            }
        }
        guard FileSystemCalls.hardLink(previous, to: target) else {
            release(relativePath)
            return false
        }
        record(ManifestEntry(path: relativePath, sha256: sha256, bytes: bytes), unchanged: true)
        return true
    }

    /// Reserves a path this build writes and creates its parent folders: where the new file goes, and where the
    /// previous output has it.
    private func claim(_ relativePath: String, components known: [Substring]? = nil) throws -> (target: String, previous: String) {
        let components = try known ?? OutputPath.components(relativePath)
        if Self.reservedPaths.contains(relativePath) {
            throw EmitError.invalidPath(relativePath, reason: "the path is reserved for emit's own files")
        }
        try reserve(relativePath)
        do {
            try makeParents(components)
        } catch {
            release(relativePath)
            throw error
        }
        return (url.path + "/" + relativePath, output.path + "/" + relativePath)
    }

    /// Records a written file for the manifest; `unchanged` when it is the previous output's file, linked.
    private func record(_ entry: ManifestEntry, unchanged: Bool) {
        lock.withLock {
            entries[entry.path] = entry
            compared.insert(entry.path)
            if unchanged { linked.insert(entry.path) }
        }
    }

    /// Gives up a claimed path after a failed write.
    private func release(_ relativePath: String) {
        lock.withLock { _ = entries.removeValue(forKey: relativePath) }
    }

    /// The manifest of everything written so far, sorted by path.
    public func manifest() -> Manifest {
        Manifest(files: lock.withLock { entries.values.compactMap { $0 } })
    }

    /// Finishes the build: writes the manifest, keeps the modification time of every file whose bytes
    /// did not change, writes the change list and the report (made from the summary), then swaps the
    /// staging directory in place of the output and removes the old tree.
    ///
    /// On failure the staging directory is removed and the previous output is left as it was.
    @discardableResult
    public func commit(report: ((EmitSummary) throws -> [UInt8])? = nil) throws -> EmitSummary {
        try commit(streamingReport: report.map { make in { summary, append in try append(make(summary)) } })
    }

    /// `commit(report:)` with a report too large to hold whole: `report` hands its bytes to its second argument
    /// piece by piece, and they are written, hashed and compared with the previous report as they come.
    ///
    /// `beside`, when given, runs with the staging directory's path before the change list and the report are
    /// written, on another thread while they are when `overlapping`: every other file is in place by then, with the
    /// times it keeps after the swap (a build records them for the next one).
    @discardableResult
    public func commit(
        streamingReport report: ((EmitSummary, _ append: ([UInt8]) throws -> Void) throws -> Void)?,
        beside: (@Sendable (_ staged: String) -> Void)? = nil, overlapping: Bool = true
    ) throws -> EmitSummary {
        try lock.withLock {
            guard state == .open else { throw EmitError.closed }
            guard !entries.values.contains(where: { $0 == nil }) else {
                throw EmitError.writeInProgress
            }
            state = .closed
        }
        do {
            let summary = try finish(report: report, beside: beside, overlapping: overlapping)
            try OutputSwap.replace(output.path, with: url.path, keepingOldAs: Self.sparePath(of: output.path))
            return summary
        } catch {
            try? FileSystemCalls.removeTree(url.path)
            throw error
        }
    }

    /// Removes the staging directory and everything in it; the output is untouched. Safe to call twice.
    public func abandon() {
        lock.withLock { state = .closed }
        try? FileSystemCalls.removeTree(url.path)
    }

    /// Cleans up after builds of `output` that were killed (those whose process is gone): removes
    /// their staging directories and, when a build died between its two renames and left no output,
    /// puts its previous output back first. Returns the paths removed or restored.
    @discardableResult
    public static func removeStaleStaging(for output: URL) throws -> [String] {
        let outputPath = try normalizedPath(output)
        let parent = (outputPath as NSString).deletingLastPathComponent
        let name = (outputPath as NSString).lastPathComponent
        guard let siblings = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        var handled: [String] = []
        for kind in ["previous", "staging"] {
            let prefix = name + leftoverInfix(kind)
            for sibling in siblings.sorted() where sibling.hasPrefix(prefix) {
                let rest = sibling.dropFirst(prefix.count)
                guard let pidText = rest.split(separator: "-").first, let pid = Int32(pidText),
                    !FileSystemCalls.processIsAlive(pid)
                else { continue }
                let path = parent + "/" + sibling
                if kind == "previous", try FileSystemCalls.status(outputPath) == nil {
                    try FileSystemCalls.rename(path, to: outputPath)
                } else {
                    try FileSystemCalls.removeTree(path)
                }
                handled.append(path)
            }
        }
        return handled
    }

    // MARK: - Steps

    private func finish(
        report: ((EmitSummary, _ append: ([UInt8]) throws -> Void) throws -> Void)?, beside: (@Sendable (String) -> Void)?,
        overlapping: Bool
    ) throws -> EmitSummary {
        // Two walks of a tree each, run side by side: what the spare holds that this build did not write (emit's own
        // files among them) goes, and the previous output's files are listed for the removed ones.
        let prune: @Sendable () throws -> [String] = { [self] in
            guard isReused else { return [] }
            let (files, folders) = lock.withLock { (Set(entries.keys), directories) }
            try FileSystemCalls.prune(url.path, keepingFiles: files, directories: folders)
            return []
        }
        let listPrevious: @Sendable () throws -> [String] = { [self] in
            try FileSystemCalls.status(output.path) == nil ? [] : try FileSystemCalls.listFiles(under: output.path)
        }
        // The manifest is laid out meanwhile: it is every file written, which the walks do not change.
        let manifest = manifest()
        let encoded = Pending { manifest.json() }
        let walked = parallelMap([prune, listPrevious]) { walk in Result { try walk() } }
        let manifestBytes = encoded.value
        _ = try walked[0].get()
        let previousPaths = try walked[1].get()
        try writeOwnFile(Manifest.path, manifestBytes)
        let manifestEntry = ManifestEntry(path: Manifest.path, sha256: SHA256.hex(manifestBytes), bytes: manifestBytes.count)
        let site = manifest.files + [manifestEntry]

        let (compared, linked) = lock.withLock { (self.compared, self.linked) }
        let unchangedPaths = try OutputComparison.keepTimesOfUnchanged(
            site.filter { !compared.contains($0.path) }, staging: url.path, previous: output.path
        ).union(linked)
        let newPaths = Set(site.map(\.path)).union([EmitSummary.changesPath, Self.reportPath])
        let summary = EmitSummary(
            writtenPaths: site.map(\.path).filter { !unchangedPaths.contains($0) },
            removedPaths: previousPaths.filter { !newPaths.contains($0) },
            unchanged: unchangedPaths.count)

        let besideDone = DispatchGroup()
        if let beside {
            if overlapping { DispatchQueue.global().async(group: besideDone) { [url] in beside(url.path) } } else { beside(url.path) }
        }
        defer { besideDone.wait() }
        try writeOwnFile(EmitSummary.changesPath, summary.changesJSON())
        if let report { try writeOwnFile(Self.reportPath) { try report(summary, $0) } }
        return summary
    }

    /// `writeOwnFile` for bytes `produce` hands over in pieces: written through the staging directory's file
    /// creation when they come in one piece, else streamed, hashed and compared as they come.
    private func writeOwnFile(_ relativePath: String, streaming produce: (_ append: ([UInt8]) throws -> Void) throws -> Void) throws {
        try makeParents(try OutputPath.components(relativePath))
        let path = url.path + "/" + relativePath
        let older = output.path + "/" + relativePath
        if isReused { try FileSystemCalls.clear(path) }
        var first: [UInt8]?
        var file: StreamedFile?
        try produce { bytes in
            if file == nil, first == nil {
                first = bytes
                return
            }
            if file == nil {
                file = try StreamedFile(creating: path, comparingWith: older)
                try file!.append(first!)
                first = nil
            }
            try file!.append(bytes)
        }
        guard var streamed = file else {
            try writeOwnFile(relativePath, first ?? [])
            return
        }
        let (_, _, isSame) = try streamed.finish()
        if isSame, let old = try FileSystemCalls.status(older) {
            try FileSystemCalls.setTimes(path, access: old.accessTime, modification: old.modificationTime)
        }
    }

    /// Writes a file of emit's own and keeps the previous one's times when the bytes are the same.
    private func writeOwnFile(_ relativePath: String, _ bytes: [UInt8]) throws {
        try makeParents(try OutputPath.components(relativePath))
        let path = url.path + "/" + relativePath
        if isReused { try FileSystemCalls.clear(path) }
        try creation.create(path, bytes)
        let entry = ManifestEntry(path: relativePath, sha256: SHA256.hex(bytes), bytes: bytes.count)
        _ = try OutputComparison.keepTimesOfUnchanged([entry], staging: url.path, previous: output.path)
    }

    private func reserve(_ relativePath: String) throws {
        try lock.withLock {
            guard state == .open else { throw EmitError.closed }
            guard entries[relativePath] == nil else { throw EmitError.duplicatePath(relativePath) }
            entries[relativePath] = .some(nil)
        }
    }

    private func makeParents(_ components: [Substring]) throws {
        // Most files go into a folder made for an earlier file: one look at the whole parent path settles it.
        if components.count > 1 {
            let parent = components.dropLast().joined(separator: "/")
            if lock.withLock({ directories.contains(parent) }) { return }
        }
        var relative = ""
        for component in components.dropLast() {
            relative += relative.isEmpty ? String(component) : "/" + component
            if lock.withLock({ directories.contains(relative) }) { continue }
            if isReused {
                try FileSystemCalls.makeOwnDirectory(url.path + "/" + relative)
            } else {
                try FileSystemCalls.makeDirectory(url.path + "/" + relative)
            }
            _ = lock.withLock { directories.insert(relative) }
        }
    }

    // MARK: - Names

    private static func normalizedPath(_ output: URL) throws -> String {
        var path = output.standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let name = (path as NSString).lastPathComponent
        if name.isEmpty || name == "/" || name == "." || name == ".." {
            throw EmitError.invalidPath(path, reason: "the output must be a named directory")
        }
        return path
    }

    static func leftoverInfix(_ kind: String) -> String { ".\(kind)-" }

    /// `<pid>-<random>`: the pid lets a later build see that the owner is gone.
    static func uniqueSuffix() -> String {
        "\(getpid())-" + String(UInt32.random(in: .min ... .max), radix: 16)
    }
}
