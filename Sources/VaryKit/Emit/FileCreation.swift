/// How the staging directory creates files: the system's calls in a build, or in tests a stand-in that
/// fails the way a full disk or a read-only folder does, so that the handling of write failures is proven
/// on every machine.
struct FileCreation: Sendable {
    /// Creates a new file at an absolute path with these bytes, throwing `EmitError.io` when it cannot.
    var create: @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void

    /// The system's `open`/`write`.
    static let system = FileCreation { try FileSystemCalls.createFile($0, $1) }
}
