import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls emit needs, with errors turned into `EmitError.io`; kept in one place so the
/// staging logic reads as steps rather than as system calls.
enum FileSystemCalls {
    /// What emit needs to know about an existing file.
    struct Status {
        var isRegularFile: Bool
        var isDirectory: Bool
        var size: Int
        var accessTime: timespec
        var modificationTime: timespec
        /// The file itself, whatever its names: two paths with the same `identity` are hard links of one file.
        var identity: FileIdentity
    }

    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    static func failure(_ operation: String, _ path: String, code: Int32 = errno) -> EmitError {
        .io(operation: operation, path: path, message: String(cString: strerror(code)))
    }

    /// The file's status without following a final symlink, or nil when nothing is there.
    static func status(_ path: String) throws -> Status? {
        var info = stat()
        if lstat(path, &info) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure("stat", path)
        }
        let kind = info.st_mode & S_IFMT
        #if canImport(Darwin)
        let access = info.st_atimespec, modification = info.st_mtimespec
        #else
        let access = info.st_atim, modification = info.st_mtim
        #endif
        return Status(
            isRegularFile: kind == S_IFREG, isDirectory: kind == S_IFDIR, size: Int(info.st_size),
            accessTime: access, modificationTime: modification,
            identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }

    /// The path with every symlink resolved (`realpath`), or nil when it does not lead to anything.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the absolute `path` lies strictly inside the absolute `folder` (both without a trailing slash).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path != folder && path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// Creates a new file (never replacing one) and writes all of `bytes` to it; with `durable`, waits until
    /// they are on disk (`fsync`).
    static func createFile(_ path: String, _ bytes: [UInt8], durable: Bool = false) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw failure("create", path) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw failure("write", path)
                }
                offset += count
            }
        }
        if durable && fsync(descriptor) != 0 { throw failure("sync", path) }
    }

    /// Replaces the file at `path` with `bytes` in one rename: they are written to a new file beside it and
    /// synced first, so whoever reads `path`, even after a crash, finds the old bytes or the new ones.
    static func replaceFile(_ path: String, _ bytes: [UInt8]) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        unlink(temporary)
        do {
            try createFile(temporary, bytes, durable: true)
            try rename(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Creates a directory; one that already exists is fine.
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw failure("create directory", path) }
    }

    /// Makes `path` a directory of its own: one already there is kept; anything else there (a file, a symlink) is
    /// removed first, so nothing written below it can land elsewhere.
    static func makeOwnDirectory(_ path: String) throws {
        // Looked at first: in a reused tree the folder is there already, and one call settles it.
        if let existing = try status(path) {
            if existing.isDirectory { return }
            try removeTree(path)
        }
        if mkdir(path, 0o755) == 0 { return }
        guard errno == EEXIST else { throw failure("create directory", path) }
        if try status(path)?.isDirectory == true { return }
        try removeTree(path)
        if mkdir(path, 0o755) != 0 { throw failure("create directory", path) }
    }

    /// Removes whatever is at `path` (a file, a symlink, a directory with its contents); nothing there is fine.
    static func clear(_ path: String) throws {
        if unlink(path) == 0 || errno == ENOENT { return }
        try removeTree(path)
    }

    /// Removes from the tree at `root` every file whose relative path is not in `files` and every directory not
    /// in `directories`, with its contents; symlinks and other non-directories count as files.
    static func prune(_ root: String, keepingFiles files: Set<String>, directories: Set<String>) throws {
        try walk(root) { path, isDirectory in
            if isDirectory {
                if directories.contains(path) { return true }
                try removeTree(root + "/" + path)
            } else if !files.contains(path), unlink(root + "/" + path) != 0, errno != ENOENT {
                throw failure("remove", root + "/" + path)
            }
            return false
        }
    }

    /// Gives a file the access and modification times of another file.
    static func setTimes(_ path: String, access: timespec, modification: timespec) throws {
        var times = [access, modification]
        if utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) != 0 { throw failure("set times", path) }
    }

    static func rename(_ source: String, to target: String) throws {
        if Foundation.rename(source, target) != 0 { throw failure("rename to \(target)", source) }
    }

    /// Swaps two directories in one step (Linux `renameat2` with `RENAME_EXCHANGE`); false when the
    /// system or file system cannot, so the caller falls back to two renames.
    static func exchange(_ first: String, _ second: String) throws -> Bool {
        #if os(Linux)
        // Glibc's Swift module does not export renameat2, and syscall() is variadic, so look it up.
        typealias RenameAt2 = @convention(c) (
            Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32
        ) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameAt2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        if renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 { return true }
        if errno == ENOSYS || errno == EINVAL || errno == ENOTSUP { return false }
        throw failure("exchange with \(second)", first)
        #else
        return false
        #endif
    }

    /// Removes a file or a whole directory tree; nothing there is fine.
    static func removeTree(_ path: String) throws {
        guard let info = try status(path) else { return }
        if !info.isDirectory {
            if unlink(path) != 0 && errno != ENOENT { throw failure("remove", path) }
            return
        }
        try removeContents(of: AT_FDCWD, path, shownAs: path)
        if rmdir(path) != 0 && errno != ENOENT { throw failure("remove", path) }
    }

    /// Empties a directory with `unlinkat` relative to open directory descriptors, which is much faster than
    /// removing by full paths on trees of tens of thousands of files.
    private static func removeContents(of parent: Int32, _ name: String, shownAs path: String) throws {
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0 { throw failure("open", path) }
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            throw failure("open", path)
        }
        defer { closedir(directory) }
        var subdirectories: [String] = []
        while let entry = readdir(directory) {
            let child = entryName(entry)
            if child == "." || child == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) {
                subdirectories.append(child)
            } else if unlinkat(descriptor, child, 0) != 0 {
                if errno == EISDIR { subdirectories.append(child) } else if errno != ENOENT { throw failure("remove", path + "/" + child) }
            }
        }
        for child in subdirectories {
            try removeContents(of: descriptor, child, shownAs: path + "/" + child)
            if unlinkat(descriptor, child, AT_REMOVEDIR) != 0 && errno != ENOENT { throw failure("remove", path + "/" + child) }
        }
    }

    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
        }
    }

    /// Whether a regular file (not a symlink) holds exactly `bytes`; false when it is missing or unreadable.
    static func hasContents(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0 { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else {
            return false
        }
        // Small pieces: a buffer freed at 64 KiB or more makes glibc consolidate its free lists every page.
        var buffer = [UInt8](repeating: 0, count: min(max(bytes.count, 1), 1 << 14))
        var offset = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            if count == 0 { return offset == bytes.count }
            guard offset + count <= bytes.count else { return false }
            let same = buffer.withUnsafeBytes { old in
                bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress! + offset, count) == 0 }
            }
            if !same { return false }
            offset += count
        }
    }

    /// Makes `target` a second name of the file at `source`; false when the file system cannot.
    static func hardLink(_ source: String, to target: String) -> Bool {
        link(source, target) == 0
    }

    /// The SHA-256 of a file's bytes, read in pieces so a large file is not held in memory.
    static func sha256(ofFile path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { throw failure("open", path) }
        defer { close(descriptor) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("read", path)
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return hasher.finalizeHex()
    }

    /// Every regular file and symlink under `root`, as sorted paths relative to it.
    static func listFiles(under root: String) throws -> [String] {
        var found: [String] = []
        try walk(root) { path, isDirectory in
            if !isDirectory { found.append(path) }
            return isDirectory
        }
        return found.sorted()
    }

    /// Visits everything under `root` with its path relative to it and whether it is a directory (a symlink is
    /// not); `visit` says whether to go into a directory.
    private static func walk(_ root: String, _ visit: (_ path: String, _ isDirectory: Bool) throws -> Bool) throws {
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(directory) else {
                throw EmitError.io(operation: "list", path: directory, message: String(cString: strerror(errno)))
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = entryName(entry)
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    // Some file systems do not say; ask.
                    guard let info = try status(root + "/" + path) else { continue }
                    isDirectory = info.isDirectory
                }
                if try visit(path, isDirectory) { pending.append(path) }
            }
        }
    }

    /// Whether a process with this id exists (a process of another user counts as alive).
    static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
