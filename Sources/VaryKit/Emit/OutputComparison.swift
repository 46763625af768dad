import Dispatch
import Foundation

/// Compares staged files with the previous output so that unchanged files keep their times.
enum OutputComparison {
    /// For every entry whose previous file has the same bytes, gives the staged file the previous
    /// file's access and modification times; returns the paths of those unchanged files.
    static func keepTimesOfUnchanged(_ entries: [ManifestEntry], staging: String, previous: String) throws -> Set<String> {
        guard try FileSystemCalls.status(previous)?.isDirectory == true else { return [] }
        let results = ComparisonResults()
        // Hashing the previous files is the bulk of the work, so spread it over the cores.
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            let entry = entries[index]
            do {
                if try isUnchanged(entry, previous: previous + "/" + entry.path, staged: staging + "/" + entry.path) {
                    results.add(entry.path)
                }
            } catch {
                results.fail(error)
            }
        }
        return try results.unchangedPaths()
    }

    private static func isUnchanged(_ entry: ManifestEntry, previous: String, staged: String) throws -> Bool {
        guard let old = try FileSystemCalls.status(previous), old.isRegularFile, old.size == entry.bytes,
            try FileSystemCalls.sha256(ofFile: previous) == entry.sha256
        else { return false }
        try FileSystemCalls.setTimes(staged, access: old.accessTime, modification: old.modificationTime)
        return true
    }
}

/// Collects the parallel comparison's results under a lock.
private final class ComparisonResults: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var errors: [EmitError] = []

    func add(_ path: String) {
        lock.withLock { _ = paths.insert(path) }
    }

    func fail(_ error: Error) {
        let emitError = error as? EmitError ?? .io(operation: "compare", path: "", message: "\(error)")
        lock.withLock { errors.append(emitError) }
    }

    /// The unchanged paths, or the first error by description so the failure reported is deterministic.
    func unchangedPaths() throws -> Set<String> {
        try lock.withLock {
            if let error = errors.min(by: { $0.description < $1.description }) { throw error }
            return paths
        }
    }
}
