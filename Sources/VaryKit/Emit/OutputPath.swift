/// Checks that a path handed to emit stays inside the output directory.
enum OutputPath {
    /// The path's components when it is a plain relative path (`a/b.html`), else why not.
    static func components(_ path: String) throws -> [Substring] {
        func reject(_ reason: String) -> EmitError { .invalidPath(path, reason: reason) }
        if path.isEmpty { throw reject("the path is empty") }
        if path.hasPrefix("/") { throw reject("the path is absolute") }
        if path.utf8.contains(0) { throw reject("the path contains a NUL byte") }
        if path.contains("\\") { throw reject("the path contains a backslash") }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts {
            if part.isEmpty { throw reject("the path has an empty component") }
            if part == "." || part == ".." { throw reject("the path has a \"\(part)\" component") }
        }
        return parts
    }
}
