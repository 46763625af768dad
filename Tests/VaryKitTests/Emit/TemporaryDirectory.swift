import Foundation
@testable import VaryKit

/// A directory under the system's temporary directory that a test owns and removes when done.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("vary-emit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The output directory the tests build into.
    var output: URL { url.appendingPathComponent("output") }

    /// Every file of a tree, relative path → bytes.
    func tree(_ root: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in try FileSystemCalls.listFiles(under: root.path) {
            files[path] = Array(try Data(contentsOf: root.appendingPathComponent(path)))
        }
        return files
    }

    /// The names in the temporary directory, to see that no staging directory was left behind.
    func siblings() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func modificationDate(_ relativePath: String) throws -> Date {
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(relativePath).path)
        return attributes[.modificationDate] as! Date
    }

    func setModificationDate(_ relativePath: String, _ date: Date) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: date], ofItemAtPath: output.appendingPathComponent(relativePath).path)
    }

    /// Builds `files` into the output through a staging directory and returns the summary.
    @discardableResult
    func build(_ files: [String: String], report: ((EmitSummary) throws -> [UInt8])? = nil) throws -> EmitSummary {
        let staging = try StagingDirectory(output: output)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            try staging.write(path, Array(text.utf8))
        }
        return try staging.commit(report: report)
    }
}
