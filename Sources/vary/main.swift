import Foundation
import VaryKit

/// Runs `vary ARGUMENTS…` and returns the exit code; help, version and usage errors are handled here.
func run(_ arguments: [String]) -> Int32 {
    var arguments = arguments
    let name = arguments.isEmpty ? "" : arguments.removeFirst()
    switch name {
    case "":
        Terminal.error("vary: missing command\n\n" + Commands.overview)
        return 2
    case "help", "--help", "-h":
        guard let topic = arguments.first else {
            print(Commands.overview)
            return 0
        }
        guard let command = Commands.named(topic) else { return unknownCommand(topic) }
        print(command.help.text)
        return 0
    case "--version", "-V", "version":
        print(Commands.version)
        return 0
    default:
        guard let command = Commands.named(name) else { return unknownCommand(name) }
        if arguments.contains("--help") || arguments.contains("-h") {
            print(command.help.text)
            return 0
        }
        do throws(UsageError) {
            return try command.run(Arguments(arguments, help: command.help))
        } catch {
            Terminal.error("vary \(name): \(error.description)\nusage: \(command.help.usage)\nRun 'vary help \(name)' for every option.")
            return 2
        }
    }
}

func unknownCommand(_ name: String) -> Int32 {
    let hint = Suggestion.hint(for: name, among: Commands.all.map(\.help.name) + ["help"])
    let kind = name.hasPrefix("-") ? "option" : "command"
    Terminal.error("vary: unknown \(kind) '\(name)'\(hint.map { " (\($0))" } ?? "")\nRun 'vary help' for the list of commands.")
    return 2
}

exit(run(Array(CommandLine.arguments.dropFirst())))
