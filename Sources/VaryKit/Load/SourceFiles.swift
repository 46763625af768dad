import Foundation

/// The raw bytes of a folder's files by relative path (`catalog/products.json`), read once at the edge.
public struct SourceFiles: Sendable {
    /// The folder's name as it appears in messages (`content`).
    public var root: String
    public var files: [String: [UInt8]]

    public init(root: String, files: [String: [UInt8]]) {
        self.root = root
        self.files = files
    }

    /// The path shown in diagnostics: `content/catalog/products.json`.
    public func displayPath(_ relativePath: String) -> String {
        root.isEmpty ? relativePath : "\(root)/\(relativePath)"
    }

    /// Relative paths under a folder with an extension, sorted.
    public func paths(under folder: String, extension ext: String) -> [String] {
        files.keys.filter { $0.hasPrefix(folder + "/") && $0.hasSuffix("." + ext) }.sorted()
    }

    /// Reads every regular file under a directory, skipping hidden files.
    public static func read(directory: URL, displayName: String) throws -> SourceFiles {
        var files: [String: [UInt8]] = [:]
        let base = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path]) }
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            files[String(path.dropFirst(base.count + 1))] = Array(try Data(contentsOf: url))
        }
        return SourceFiles(root: displayName, files: files)
    }
}
