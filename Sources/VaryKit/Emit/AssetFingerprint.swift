/// Content-hashed asset names, so that assets can be cached forever and still update.
public enum AssetFingerprint {
    /// The path with the first 8 hex digits of the bytes' SHA-256 before the extension:
    /// `css/store.css` → `css/store.1a2b3c4d.css`; a name without extension gets the hash appended.
    public static func fingerprintedPath(_ path: String, bytes: [UInt8]) -> String {
        let hash = String(SHA256.hex(bytes).prefix(8))
        let slash = path.lastIndex(of: "/")
        let nameStart = slash.map { path.index(after: $0) } ?? path.startIndex
        let name = path[nameStart...]
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            return path + "." + hash
        }
        return String(path[..<dot]) + "." + hash + String(path[dot...])
    }
}
