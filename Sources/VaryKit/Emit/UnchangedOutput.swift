import Foundation

/// The rebuild that changes nothing: when a build's key equals the previous build's (`PageCache.buildKey`: content
/// files, templates, settings, `now`, Vary's binary), every file it would write has the bytes the previous build
/// wrote. If the output is still exactly what that build left, it stays as it is — no rendering, no staging,
/// the same inodes and modification times — and only the files describing this build are written again.
enum UnchangedOutput {
    /// Whether `output` is what the build that wrote `cache` left: every page of `pages` and every other file is
    /// recorded, the files there are exactly those plus the change list and the report, and each still has the
    /// size and modification time the cache recorded. A page with check problems is not recorded, so a build
    /// that had some is never taken as unchanged (its problems must be reported again).
    static func isIntact(_ output: URL, cache: PageCache, pages: [PageSpec]) -> Bool {
        guard cache.entries.count == pages.count, pages.allSatisfy({ cache.entries[$0.file] != nil }) else { return false }
        return isIntact(output, cache: cache)
    }

    /// Whether `output` is what the build that wrote `cache` left, as above, for the pages the cache recorded.
    static func isIntact(_ output: URL, cache: PageCache) -> Bool {
        let root = output.standardizedFileURL.path
        guard !cache.build.isEmpty,
              let present = try? FileSystemCalls.listFiles(under: root)
        else { return false }
        let own: Set<String> = [EmitSummary.changesPath, StagingDirectory.reportPath]
        guard present.count == cache.entries.count + cache.others.count + own.count else { return false }
        for path in present where !own.contains(path) {
            let recorded = cache.entries[path].map { PageCache.Stamp(bytes: $0.bytes, seconds: $0.seconds, nanoseconds: $0.nanoseconds) }
                ?? cache.others[path]
            guard let recorded, let status = try? FileSystemCalls.status(root + "/" + path), status.isRegularFile,
                  status.size == recorded.bytes, Int(status.modificationTime.tv_sec) == recorded.seconds,
                  Int(status.modificationTime.tv_nsec) == recorded.nanoseconds
            else { return false }
        }
        return true
    }

    /// What a commit of the same files over an intact output reports: every file of the site kept its bytes.
    static func summary(of cache: PageCache) -> EmitSummary {
        EmitSummary(writtenPaths: [], removedPaths: [], unchanged: cache.entries.count + cache.others.count)
    }

    /// Writes the change list and the report into `output`, each replaced in one rename after its bytes are on
    /// disk, so a killed build leaves either the old or the new file; a file that already has these bytes is left
    /// alone, with its times, as a full build leaves it.
    static func record(changes: [UInt8], report: [UInt8], in output: URL) throws {
        let root = output.standardizedFileURL.path
        for (path, bytes) in [(EmitSummary.changesPath, changes), (StagingDirectory.reportPath, report)] {
            let target = root + "/" + path
            if FileSystemCalls.hasContents(target, bytes) { continue }
            try FileSystemCalls.replaceFile(target, bytes)
        }
    }
}
