import Foundation

/// A new file written in pieces, hashed as it is written and compared with an older file byte for byte.
struct StreamedFile {
    private let path: String
    private let descriptor: Int32
    /// The older file, read alongside; -1 when there is none or it already differs.
    private var previous: Int32
    private var hasher = SHA256()
    private var count = 0
    private var readBuffer: [UInt8] = []

    /// Creates `path` (never replacing a file) and opens `older`, when it is a regular file, to compare with.
    init(creating path: String, comparingWith older: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw FileSystemCalls.failure("create", path) }
        previous = open(older, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        var info = stat()
        if previous >= 0, fstat(previous, &info) != 0 || info.st_mode & S_IFMT != S_IFREG {
            close(previous)
            previous = -1
        }
    }

    /// Writes, hashes and compares the next piece.
    mutating func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemCalls.failure("write", path)
                }
                offset += written
            }
            hasher.update(buffer)
        }
        count += bytes.count
        if previous >= 0 && !olderContinues(with: bytes) {
            close(previous)
            previous = -1
        }
    }

    /// Closes the file: its SHA-256, its size, and whether the older file held exactly the same bytes.
    mutating func finish() throws -> (sha256: String, bytes: Int, sameAsOlder: Bool) {
        var same = false
        if previous >= 0 {
            var byte: UInt8 = 0
            same = read(previous, &byte, 1) == 0
            close(previous)
            previous = -1
        }
        if close(descriptor) != 0 { throw FileSystemCalls.failure("close", path) }
        return (hasher.finalizeHex(), count, same)
    }

    /// Reads as many bytes from the older file as `bytes` holds and tells whether they are the same.
    private mutating func olderContinues(with bytes: [UInt8]) -> Bool {
        if readBuffer.count < bytes.count { readBuffer = [UInt8](repeating: 0, count: bytes.count) }
        var filled = 0
        while filled < bytes.count {
            let got = readBuffer.withUnsafeMutableBytes { read(previous, $0.baseAddress! + filled, bytes.count - filled) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return false }
            filled += got
        }
        return readBuffer.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, bytes.count) == 0 }
        }
    }
}
