import Foundation
import VaryKit

let usage = """
    usage: vary build   [--content DIR] [--templates DIR] [--output DIR] [--now INSTANT]
                        [--jobs N] [--strict] [--fail-on-fallback] [--force] [--check data|full] [--format text|json] [--quiet]
           vary check   [--output DIR] [--format text|json]
           vary explain --region R --locale L --segment S [--content DIR] [--now INSTANT]
           vary evaluate [--cutoff INSTANT] [--k N] [--format text|json] [--chart FILE.svg] [--content DIR] [--now INSTANT]
           vary serve   [--host 127.0.0.1] [--port 8080] [--content DIR] [--templates DIR] [--output DIR] [--now INSTANT]
                        [--force]
    """

var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.isEmpty ? "" : arguments.removeFirst()
let status: Int32
do throws(UsageError) {
    switch command {
    case "build": status = try BuildCommand(Arguments(arguments)).run()
    case "check": status = try CheckCommand(Arguments(arguments)).run()
    case "explain": status = try ExplainCommand(Arguments(arguments)).run()
    case "evaluate": status = try EvaluateCommand(Arguments(arguments)).run()
    case "serve": status = try ServeCommand(Arguments(arguments)).run()
    case "help", "--help", "-h":
        print(usage)
        status = 0
    default:
        throw UsageError(command.isEmpty ? "missing command" : "unknown command '\(command)'")
    }
} catch {
    Terminal.error("vary: \(error.message)\n\(usage)")
    status = 2
}
exit(status)
