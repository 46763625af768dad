import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The modification time and size of every file under the watched folders, to notice edits by
/// comparing two scans (portable, and simple enough to trust).
struct SourceSnapshot: Sendable, Equatable {
    /// What is compared for one file.
    struct Stamp: Sendable, Equatable {
        var modifiedNanoseconds: Int64
        var size: Int64
    }

    /// Stamps by display path (`content/site.json`).
    var files: [String: Stamp]

    /// Scans each folder, naming files by the folder's display name and their relative path; it sees the files
    /// the build reads (`SourceWalk`: hidden ones skipped, as an editor's swap file is no change; symlinks
    /// followed inside the store's folder), so an edit behind a symlink rebuilds too.
    static func take(_ folders: [(url: URL, name: String)]) -> SourceSnapshot {
        var files: [String: Stamp] = [:]
        for folder in folders {
            guard let walk = try? SourceWalk(directory: folder.url, displayName: folder.name) else { continue }
            for file in walk.files {
                var info = stat()
                guard stat(file.realPath, &info) == 0 else { continue }
                #if canImport(Darwin)
                let time = info.st_mtimespec
                #else
                let time = info.st_mtim
                #endif
                files[folder.name + "/" + file.relativePath] = Stamp(
                    modifiedNanoseconds: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec), size: Int64(info.st_size))
            }
        }
        return SourceSnapshot(files: files)
    }

    /// The display paths added, removed or changed since `earlier`, sorted.
    func changes(since earlier: SourceSnapshot) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }
}
