import Foundation

/// `vary init`: a small store to start from — four products, two segments, two regions with two
/// locales, a promotion, a bundle, and a template for every page kind (`StarterFiles.swift`).
public enum StarterStore {
    /// Why a starter store was not written.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The folder has files, and `force` was not given.
        case notEmpty(String)
        /// Files the store would write already exist; Vary never overwrites what it was given.
        case wouldOverwrite(String, [String])
        /// The system refused a write.
        case writeFailed(String, String)

        public var description: String {
            switch self {
            case .notEmpty(let folder):
                "\(folder) is not empty (choose a new folder, or pass --force to add the store's files beside what is there)"
            case .wouldOverwrite(let folder, let paths):
                "\(folder) already has \(paths.joined(separator: ", ")): nothing was written (Vary never overwrites a file it did not write)"
            case .writeFailed(let path, let reason):
                "cannot write \(path): \(reason)"
            }
        }
    }

    /// The paths of the starter store's files, relative to its folder.
    public static var paths: [String] { files.map(\.path) }

    /// Writes the store into `directory` (created when missing) and returns the paths written.
    /// A folder with anything but hidden entries (`.git`) is refused unless `force`; an existing file is never replaced.
    @discardableResult
    public static func write(to directory: URL, displayName: String, force: Bool) throws(Failure) -> [String] {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: directory.path) {
            if !force, entries.contains(where: { !$0.hasPrefix(".") }) { throw .notEmpty(displayName) }
            let existing = paths.filter { manager.fileExists(atPath: directory.appendingPathComponent($0).path) }
            if !existing.isEmpty { throw .wouldOverwrite(displayName, existing) }
        }
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw .writeFailed(displayName + "/" + path, error.localizedDescription)
            }
        }
        return paths
    }
}
