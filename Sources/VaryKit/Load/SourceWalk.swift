import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files under an input folder (`content/`, `site-templates/`), with symlinks followed while they stay
/// inside the store's folder, and a warning for every one that does not, so that no file is dropped silently.
///
/// The store's folder is the folder that holds the input folder (the parent of `content/`), where a store
/// keeps its content, templates and shared data side by side; links into the input folder itself count as
/// inside too, wherever it really is. A link that points elsewhere (an editor's home folder, `/etc`), that
/// points nowhere, or that loops back into a folder being read is skipped with a warning naming the file and
/// where it points: the data it would add cannot be relied on in CI, and the warning makes it visible.
/// Hidden files and folders (`.git`, an editor's `.swp`) are skipped as before, without a word.
struct SourceWalk {
    /// A file to read: its path relative to the input folder, and its real path.
    struct File: Sendable {
        var relativePath: String
        var realPath: String
    }

    private(set) var files: [File] = []
    private(set) var warnings: [Diagnostic] = []

    private let base: String
    private let displayName: String
    private let allowed: [String]

    /// Walks `directory`; throws when the folder itself cannot be listed.
    init(directory: URL, displayName: String) throws {
        base = directory.standardizedFileURL.path
        self.displayName = displayName
        guard let real = FileSystemCalls.realPath(base) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        allowed = [FileSystemCalls.realPath((base as NSString).deletingLastPathComponent) ?? "/", real]
        try walk("", realDirectory: real, ancestors: [real])
    }

    /// The folder the links must stay in (the parent of the input folder, resolved).
    var storeFolder: String { allowed[0] }

    private mutating func walk(_ relative: String, realDirectory: String, ancestors: Set<String>) throws {
        let directory = relative.isEmpty ? base : base + "/" + relative
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = base + "/" + path
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }  // removed while reading
            var kind = info.st_mode & S_IFMT
            var real = realDirectory + "/" + name
            if kind == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?"
                guard let resolved = FileSystemCalls.realPath(full), stat(resolved, &info) == 0 else {
                    warn(path, "is a symlink to '\(target)', which does not exist: skipped", hint: "remove the link or restore its target")
                    continue
                }
                guard allowed.contains(where: { resolved == $0 || FileSystemCalls.isInside(resolved, $0) }) else {
                    warn(path, "is a symlink to '\(target)' (\(resolved)), outside the store's folder \(storeFolder): skipped, so it is not in the build",
                         hint: "copy it into the store, or link to a file inside \(storeFolder)")
                    continue
                }
                kind = info.st_mode & S_IFMT
                real = resolved
            }
            if kind == S_IFDIR {
                guard !ancestors.contains(real) else {
                    warn(path, "is a symlink to a folder that contains it: skipped, so the folder is not read twice", hint: "remove the link")
                    continue
                }
                try walk(path, realDirectory: real, ancestors: ancestors.union([real]))
            } else if kind == S_IFREG {
                files.append(File(relativePath: path, realPath: real))
            }
        }
    }

    private mutating func warn(_ relativePath: String, _ message: String, hint: String) {
        let file = displayName.isEmpty ? relativePath : displayName + "/" + relativePath
        warnings.append(Diagnostic(.warning, file: file, message: message, hint: hint))
    }
}
