import Foundation

/// Where a build may write: the output folder, the staging folders, page cache and spare tree beside it, checked
/// against the folders the build reads before anything is written, because committing a build replaces
/// the whole output folder.
///
/// Paths are compared as the system resolves them (symlinks followed, `.` and `..` applied), so
/// `--output ./content/`, `--output ..` or a symlink to the content folder are all recognized. `build`
/// and `serve` call it through `problems(_:)`; a command writing one output from other folders (such as
/// joining shard outputs) passes those folders as `inputs`.
public enum OutputPlacement {
    /// A folder the build reads, with the name the user gave it.
    public struct Input: Sendable {
        /// What the folder is, for messages: "content", "templates".
        public var role: String
        public var url: URL
        public var name: String

        public init(role: String, url: URL, name: String) {
            self.role = role
            self.url = url
            self.name = name
        }
    }

    /// The problems with where `options` would write, as errors on the output (exit code 2); empty when it may build.
    public static func problems(_ options: BuildOptions) -> [Diagnostic] {
        problems(
            output: options.output, outputName: options.outputName,
            inputs: [
                Input(role: "content", url: options.content, name: options.contentName),
                Input(role: "templates", url: options.templates, name: options.templatesName),
            ],
            force: options.force)
    }

    /// The problems with writing `output` while reading `inputs`: the output, or a folder beside it that the build
    /// writes, may not be, contain or lie inside an input, nor be or contain the working directory; an existing
    /// output must be a folder, and when it is not empty it must hold Vary's manifest unless `force` is set.
    public static func problems(
        output: URL, outputName: String, inputs: [Input], force: Bool,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) -> [Diagnostic] {
        // Emit writes to the lexically standardized path (`a/link/..` is `a`), so that is what is resolved.
        let written = output.standardizedFileURL.path
        let real = resolve(written)
        let shown = "the output folder \(quoted(outputName, real))"
        var found: [Diagnostic] = []
        func refuse(_ message: String, hint: String = "choose an output folder outside the folders the build reads") {
            found.append(Diagnostic(file: outputName, message: message, hint: hint))
        }
        let siblings = siblingPrefixes(of: real)
        for input in inputs {
            let inputReal = resolve(input.url.path)
            let other = "the \(input.role) folder \(quoted(input.name, inputReal))"
            if real == inputReal {
                refuse("\(shown) is \(other): building would replace it")
            } else if FileSystemCalls.isInside(real, inputReal) {
                refuse("\(shown) lies inside \(other): building would write into it")
            } else if FileSystemCalls.isInside(inputReal, real) {
                refuse("\(shown) contains \(other): building would replace it")
            } else if isBeside(inputReal, real, prefixes: siblings) {
                refuse("\(other) is where the build keeps its staging folders, page cache and spare tree, beside \(shown) "
                    + "(\(siblings.map { "'\($0)…'" }.joined(separator: ", "))): building would remove it")
            }
        }
        let cwd = resolve(workingDirectory)
        if real == cwd || FileSystemCalls.isInside(cwd, real) {
            refuse("\(shown) \(real == cwd ? "is" : "contains") the working directory \(quoted(".", cwd)): building would replace it")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: written, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                refuse("\(shown) exists and is not a folder", hint: "remove it or choose another folder")
            } else if found.isEmpty, !force, !FileManager.default.fileExists(atPath: written + "/" + Manifest.path),
                      let entries = try? FileManager.default.contentsOfDirectory(atPath: written), !entries.isEmpty
            {
                refuse("\(shown) is not empty and was not written by Vary (it has no \(Manifest.path)): building would replace everything in it",
                       hint: "pass --force to replace it anyway, or choose another folder")
            }
        }
        return found
    }

    // MARK: - Paths

    /// The path as the system would find it: the real path of its longest existing part (symlinks resolved),
    /// followed by the parts that do not exist yet.
    static func resolve(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var missing: [String] = []
        while true {
            if let real = FileSystemCalls.realPath(existing) {
                return missing.reversed().reduce(real) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            let parent = (existing as NSString).deletingLastPathComponent
            if parent == existing || parent.isEmpty { return existing }
            missing.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }

    /// How the names of the folders and files the build keeps beside the output begin (`output.staging-`).
    private static func siblingPrefixes(of output: String) -> [String] {
        let name = (output as NSString).lastPathComponent
        let cache = (PageCache.location(of: URL(fileURLWithPath: output)) as NSString).lastPathComponent
        let spare = (StagingDirectory.sparePath(of: output) as NSString).lastPathComponent
        return [name + StagingDirectory.leftoverInfix("staging"), name + StagingDirectory.leftoverInfix("previous"), cache, spare]
    }

    /// Whether `path` is, or lies inside, a sibling of `output` whose name begins with one of `prefixes`.
    private static func isBeside(_ path: String, _ output: String, prefixes: [String]) -> Bool {
        let parent = (output as NSString).deletingLastPathComponent
        guard FileSystemCalls.isInside(path, parent) else { return false }
        let rest = path.dropFirst(parent == "/" ? 1 : parent.count + 1)
        let first = String(rest.prefix { $0 != "/" })
        return prefixes.contains { first.hasPrefix($0) }
    }

    private static func quoted(_ name: String, _ real: String) -> String {
        "'\(name)' (\(real))"
    }
}
