/// One file of the output as the deploy step sees it: where it goes, its hash, and how a CDN serves it.
public struct ManifestEntry: Sendable, Hashable, Codable {
    /// The path relative to the output directory, with `/` separators (`de/de-de/index.html`).
    public var path: String
    /// The lowercase hex SHA-256 of the file's bytes.
    public var sha256: String
    /// The file's size in bytes.
    public var bytes: Int
    /// The `Content-Type` header to serve it with.
    public var contentType: String
    /// The `Cache-Control` header to serve it with.
    public var cacheControl: String

    /// Describes a file, deriving its headers from its path.
    public init(path: String, sha256: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.contentType = ServingPolicy.contentType(for: path)
        self.cacheControl = ServingPolicy.cacheControl(for: path)
    }
}

/// The HTTP headers a file is served with, decided by its path alone so that every CDN config agrees.
public enum ServingPolicy {
    /// `Cache-Control` for pages and data: caches must ask again before reusing them.
    public static let revalidate = "public, max-age=0, must-revalidate"
    /// `Cache-Control` for fingerprinted assets, whose content can never change under their name.
    public static let immutable = "public, max-age=31536000, immutable"

    private static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "map": "application/json",
        "webmanifest": "application/manifest+json",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "pdf": "application/pdf",
        "conf": "text/plain; charset=utf-8",
    ]

    /// The `Content-Type` for a path, by its extension; `application/octet-stream` when unknown.
    public static func contentType(for path: String) -> String {
        contentTypes[fileExtension(path)] ?? "application/octet-stream"
    }

    /// The `Cache-Control` for a path: immutable for fingerprinted files under `assets/`,
    /// revalidated for everything else, since an unfingerprinted file may change under its name.
    public static func cacheControl(for path: String) -> String {
        path.hasPrefix("assets/") && isFingerprinted(path) ? immutable : revalidate
    }

    /// Whether the file name carries a content hash as `.[0-9a-f]{8}.` (`store.1a2b3c4d.css`).
    public static func isFingerprinted(_ path: String) -> Bool {
        let name = Array(fileName(path).utf8)
        guard name.count >= 10 else { return false }
        for start in 0...(name.count - 10) where name[start] == UInt8(ascii: ".") && name[start + 9] == UInt8(ascii: ".") {
            if name[(start + 1)...(start + 8)].allSatisfy(isLowercaseHexDigit) { return true }
        }
        return false
    }

    static func fileName(_ path: String) -> Substring {
        path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    }

    /// The lowercased text after the last dot of the file name, or empty (also for `.htaccess`).
    static func fileExtension(_ path: String) -> String {
        let name = fileName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}
