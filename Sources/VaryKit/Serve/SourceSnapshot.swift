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

    /// Scans each folder, naming files by the folder's display name and their relative path; hidden
    /// files and folders are skipped, as the build skips them (an editor's swap file is no change).
    static func take(_ folders: [(url: URL, name: String)]) -> SourceSnapshot {
        var files: [String: Stamp] = [:]
        for folder in folders {
            let base = folder.url.path
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if relative.split(separator: "/").last?.hasPrefix(".") == true {
                    enumerator.skipDescendants()
                    continue
                }
                var info = stat()
                guard stat(base + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                #if canImport(Darwin)
                let time = info.st_mtimespec
                #else
                let time = info.st_mtim
                #endif
                files[folder.name + "/" + relative] = Stamp(
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
