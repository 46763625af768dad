/// Why writing the build output failed, naming the file or directory concerned.
public enum EmitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A page or asset asked to be written at a path that is not a plain relative path inside the output.
    case invalidPath(String, reason: String)
    /// Two writes named the same output path, so one would silently replace the other.
    case duplicatePath(String)
    /// `write` or `commit` was called after the staging directory was committed or abandoned.
    case closed
    /// `commit` was called while another thread was still writing a file.
    case writeInProgress
    /// The output path exists but is not a directory.
    case outputNotDirectory(String)
    /// A system call failed: the operation, the path and the system's message.
    case io(operation: String, path: String, message: String)

    /// A one-line message for the terminal.
    public var description: String {
        switch self {
        case let .invalidPath(path, reason): "invalid output path \"\(path)\": \(reason)"
        case let .duplicatePath(path): "output path \"\(path)\" was written twice"
        case .closed: "the staging directory was already committed or abandoned"
        case .writeInProgress: "commit was called while a file was still being written"
        case let .outputNotDirectory(path): "\(path): the output exists and is not a directory"
        case let .io(operation, path, message): "\(path): \(operation) failed: \(message)"
        }
    }
}
