import Foundation

/// The raw bytes of a folder's files by relative path (`catalog/products.json`), read once at the edge.
public struct SourceFiles: Sendable {
    /// The folder's name as it appears in messages (`content`).
    public var root: String
    public var files: [String: [UInt8]]
    /// Files that were not read and why: symlinks that lead outside the store's folder, nowhere, or in a loop.
    public var warnings: [Diagnostic]

    public init(root: String, files: [String: [UInt8]], warnings: [Diagnostic] = []) {
        self.root = root
        self.files = files
        self.warnings = warnings
    }

    /// The path shown in diagnostics: `content/catalog/products.json`.
    public func displayPath(_ relativePath: String) -> String {
        root.isEmpty ? relativePath : "\(root)/\(relativePath)"
    }

    /// Relative paths under a folder with an extension, sorted.
    public func paths(under folder: String, extension ext: String) -> [String] {
        files.keys.filter { $0.hasPrefix(folder + "/") && $0.hasSuffix("." + ext) }.sorted()
    }

    /// Reads every regular file under a directory, skipping hidden files and following symlinks that stay inside
    /// the store's folder (see `SourceWalk`); the others are skipped with a warning.
    public static func read(directory: URL, displayName: String) throws -> SourceFiles {
        let walk = try SourceWalk(directory: directory, displayName: displayName)
        var files: [String: [UInt8]] = [:]
        for file in walk.files {
            files[file.relativePath] = Array(try Data(contentsOf: URL(fileURLWithPath: file.realPath)))
        }
        return SourceFiles(root: displayName, files: files, warnings: walk.warnings)
    }
}
