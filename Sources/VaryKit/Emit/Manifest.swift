import Foundation

/// The `_vary/manifest.json` document: every output file with its hash, size and headers.
///
/// It depends only on the files' paths and bytes (no timestamps, no build facts), so identical
/// input gives an identical manifest. It does not list itself (its hash would have to contain
/// itself), nor `_vary/changes.json` and `_vary/report.json`, which describe one build relative
/// to the previous output rather than the site.
public struct Manifest: Sendable, Hashable, Codable {
    /// The format version, raised when a field changes meaning.
    public var version: Int
    /// The files, sorted by path.
    public var files: [ManifestEntry]

    /// A manifest of these entries, sorted by path.
    public init(files: [ManifestEntry]) {
        self.version = 1
        self.files = files.sorted { $0.path < $1.path }
    }

    /// The manifest's path inside the output.
    public static let path = "_vary/manifest.json"

    /// Deterministic JSON: sorted keys, two-space indentation, a final newline.
    public func json() -> [UInt8] {
        DeterministicJSON.encode(self)
    }
}

/// JSON with sorted keys and stable formatting, used for every file emit writes.
enum DeterministicJSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain structs of strings and integers cannot fail.
        let data = try! encoder.encode(value)
        // One copy of the bytes: a report of a large store holds tens of megabytes of warnings.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + 1)
        bytes.append(contentsOf: data)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// Appends `text` as a JSON string escaped as `encode` escapes it: quote, backslash, `\b \t \n \f \r`,
    /// other control characters as `\u00xx`, everything else (slashes and non-ASCII included) as it is.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most texts need no escape (a report holds tens of thousands): they are copied whole.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes += text.utf8
            bytes.append(UInt8(ascii: "\""))
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case 0x08: bytes += Array("\\b".utf8)
            case 0x09: bytes += Array("\\t".utf8)
            case 0x0A: bytes += Array("\\n".utf8)
            case 0x0C: bytes += Array("\\f".utf8)
            case 0x0D: bytes += Array("\\r".utf8)
            case ..<0x20: bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
