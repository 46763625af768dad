/// Collects diagnostics while a single-threaded stage runs, so that every problem is reported, not only the first.
public final class DiagnosticLog {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public func add(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The diagnostics sorted by file, line and column, without repeats.
    public var sorted: [Diagnostic] { Array(Set(diagnostics)).sorted() }
}
