import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built output as the preview serves it: only regular files whose real path, symlinks
/// resolved, lies inside the output folder's real path.
struct OutputFiles: Sendable {
    /// What a path names.
    enum Lookup: Equatable {
        /// A file inside the output, with its bytes and `Content-Type`.
        case file(bytes: [UInt8], contentType: String)
        /// A folder asked for without its trailing slash; the browser should come back with one.
        case folder
        /// Nothing servable: absent, outside the output, or neither a file nor a folder.
        case missing
    }

    let root: URL

    /// Looks up a decoded, checked path (`RequestTarget.decodedPath`); a path ending in `/` means
    /// that folder's `index.html`.
    func lookup(_ path: String) -> Lookup {
        guard let base = Self.realPath(root.path) else { return .missing }
        let wanted = base + (base.hasSuffix("/") ? String(path.dropFirst()) : path) + (path.hasSuffix("/") ? "index.html" : "")
        guard let real = Self.realPath(wanted), real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else { return .missing }
        var info = stat()
        guard stat(real, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            return path.hasSuffix("/") ? .missing : .folder
        case S_IFREG:
            guard let data = FileManager.default.contents(atPath: real) else { return .missing }
            return .file(bytes: Array(data), contentType: ServingPolicy.contentType(for: real))
        default:
            return .missing
        }
    }

    /// `realpath(3)`: the absolute path with every symlink, `.` and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
