#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the text's UTF-8 has this byte, found with `memchr` (many bytes at a time) rather than one by one:
    /// the rules ask it of every page's scripts, JSON-LD and attribute values.
    func containsByte(_ byte: UInt8) -> Bool {
        let found: Bool? = utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
        return found ?? utf8.contains(byte)
    }

    /// Whether the text's UTF-8 has a byte at or below `limit`, read from contiguous storage: the link rules ask
    /// it of every URL.
    func hasByte(atMost limit: UInt8) -> Bool {
        let found: Bool? = utf8.withContiguousStorageIfAvailable { bytes in bytes.contains { $0 <= limit } }
        return found ?? utf8.contains { $0 <= limit }
    }
}
