import Foundation
import VaryKit

/// `vary check`: checks an output folder's pages with libxml2 and the site's links.
struct CheckCommand {
    var output: String
    var format: OutputFormat

    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        output = try arguments.value("--output") ?? "output"
        format = try OutputFormat.parse(try arguments.value("--format"))
        try arguments.finish()
    }

    func run() -> Int32 {
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try SiteCheck.check(outputDirectory: URL(fileURLWithPath: output))
        } catch {
            Terminal.error("vary: cannot check \(output): \(error)")
            return 3
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        switch format {
        case .json:
            JSONOutput.print(["diagnostics": diagnostics.map(JSONOutput.diagnostic), "errors": errors])
            Terminal.annotate(diagnostics)
        case .text:
            Terminal.print(diagnostics)
            print(errors == 0 ? "\(output)/: no problems found" : "\(output)/: \(errors) problem\(errors == 1 ? "" : "s")")
        }
        return errors == 0 ? 0 : 1
    }
}
