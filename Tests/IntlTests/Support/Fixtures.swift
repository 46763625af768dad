import Foundation

/// Reads files under Tests/Fixtures/intl, located relative to this source file.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // IntlTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/intl")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}
