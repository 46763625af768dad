import Foundation

/// The output of one `vary build --shard I/N` as `vary merge` reads it: its record, its partial manifest and its
/// partial report. Only file contents are read, never modes or modification times, which artifact uploads and
/// downloads do not keep.
struct ShardFolder: Sendable {
    /// The folder as the user named it, for messages.
    var name: String
    var url: URL
    var record: ShardRecord
    /// Every file the shard wrote (its `_vary/manifest.json`), by path, without the record itself.
    var files: [String: ManifestEntry]
    var report: BuildReport

    /// The shard as `Shard`, which a decoded record may not be.
    var shard: Shard? { Shard(index: record.shard, count: record.shards) }

    /// The files that are not pages: the assets and site-wide files, which only the first shard writes.
    var siteFiles: [String] {
        let pages = Set(record.pages)
        return files.keys.filter { !pages.contains($0) }.sorted()
    }

    /// Reads the folder's record, manifest and report; a folder that is not a shard's output is an error naming it.
    static func read(_ url: URL, name: String) throws(Diagnostic) -> ShardFolder {
        let root = url.standardizedFileURL.path
        func fail(_ path: String, _ message: String, hint: String? = nil) -> Diagnostic {
            Diagnostic(file: path.isEmpty ? name : name + "/" + path, message: message, hint: hint)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw fail("", "is not a folder", hint: "pass the output folders of `vary build --shard I/N`")
        }
        func bytes(_ path: String) throws(Diagnostic) -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else {
                throw fail(path, "is missing: this folder is not the output of `vary build --shard I/N`",
                           hint: "build each shard with --shard I/N and pass its output folder")
            }
            return Array(data)
        }
        let record: ShardRecord, manifest: Manifest, report: BuildReport
        do {
            record = try ShardRecord.decode(try bytes(ShardRecord.path))
        } catch let problem as Diagnostic {
            throw problem
        } catch {
            throw fail(ShardRecord.path, "is not a shard record: \(error)")
        }
        guard record.format == 1 else {
            throw fail(ShardRecord.path, "has format \(record.format), which this Vary does not read",
                       hint: "merge with the Vary that built the shards")
        }
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(try bytes(Manifest.path)))
            report = try JSONDecoder().decode(BuildReport.self, from: Data(try bytes(StagingDirectory.reportPath)))
        } catch let problem as Diagnostic {
            throw problem
        } catch {
            throw fail("_vary", "has a manifest or report that cannot be read: \(error)")
        }
        var files: [String: ManifestEntry] = [:]
        for entry in manifest.files where entry.path != ShardRecord.path {
            files[entry.path] = entry
        }
        return ShardFolder(name: name, url: url, record: record, files: files, report: report)
    }

    /// Streams one of the shard's files to `append`, refusing anything but a regular file inside the folder.
    func copy(_ path: String, to append: ([UInt8]) throws -> Void) throws {
        _ = try OutputPath.components(path)
        let full = url.standardizedFileURL.path + "/" + path
        guard let status = try FileSystemCalls.status(full), status.isRegularFile else {
            throw Diagnostic(file: name + "/" + path, message: "is listed in the shard's manifest but is not a file there",
                             hint: "the artifact is incomplete: download or build the shard again")
        }
        guard let handle = FileHandle(forReadingAtPath: full) else {
            throw EmitError.io(operation: "open", path: full, message: "cannot be read")
        }
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            try append(Array(chunk))
        }
    }
}
