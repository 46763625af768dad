import Foundation
import Testing

@Suite("vary help, version and suggestions")
struct HelpTests {
    static let commands = ["init", "build", "check", "explain", "evaluate", "serve"]

    @Test("vary help lists every command with a sentence and the exit codes")
    func overview() throws {
        let result = try VaryProcess.run(["help"])
        #expect(result.status == 0)
        for command in Self.commands { #expect(result.stdout.contains("\n  \(command) ")) }
        #expect(result.stdout.contains("Exit codes: 0 success, 1 checks found problems"))
        #expect(try VaryProcess.run(["--help"]).stdout == result.stdout)
        #expect(try VaryProcess.run(["-h"]).stdout == result.stdout)
    }

    @Test("every command's help, asked for three ways, describes its options, an example and its exit codes", arguments: commands)
    func commandHelp(_ command: String) throws {
        let help = try VaryProcess.run(["help", command])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("vary \(command): "))
        #expect(help.stdout.contains("Options:\n"))
        #expect(help.stdout.contains("Examples:\n  vary \(command)"))
        #expect(help.stdout.contains("Exit codes:\n  0  "))
        #expect(help.stdout.contains("\n  2  "))
        #expect(try VaryProcess.run([command, "--help"]).stdout == help.stdout)
        #expect(try VaryProcess.run([command, "-h"]).stdout == help.stdout)
    }

    @Test("every option of build has its own line with a sentence")
    func buildOptions() throws {
        let help = try VaryProcess.run(["build", "--help"]).stdout
        for option in ["--content DIR", "--templates DIR", "--output DIR", "--now INSTANT", "--jobs N", "--strict", "--fail-on-fallback", "--force",
                       "--format text|json", "--quiet"]
        {
            let line = help.split(separator: "\n").first { $0.hasPrefix("  \(option) ") }
            #expect(line.map { $0.count > option.count + 12 } == true, "no description for \(option)")
        }
    }

    @Test("vary --version prints the version")
    func version() throws {
        let result = try VaryProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^vary \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test("a mistyped command exits 2 and suggests the command meant")
    func mistypedCommand() throws {
        let result = try VaryProcess.run(["biuld"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("vary: unknown command 'biuld' (did you mean 'build'?)"))
        #expect(result.stdout.isEmpty)
    }

    @Test("a mistyped option exits 2 and suggests the option meant, with the command's usage")
    func mistypedOption() throws {
        let result = try VaryProcess.run(["build", "--jbos", "2"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("vary build: unknown option '--jbos' (did you mean '--jobs'?)\nusage: vary build [--content DIR]"))
        let serve = try VaryProcess.run(["serve", "--prot=9000"])
        #expect(serve.stderr.hasPrefix("vary serve: unknown option '--prot' (did you mean '--port'?)"))
    }

    @Test("an option far from every known one gets no suggestion")
    func noSuggestion() throws {
        let result = try VaryProcess.run(["check", "--everything"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("vary check: unknown option '--everything'\n"))
    }

    @Test("help for an unknown command exits 2 with a suggestion")
    func helpForUnknown() throws {
        let result = try VaryProcess.run(["help", "serv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("(did you mean 'serve'?)"))
    }

    @Test("no command at all exits 2 and prints the list of commands")
    func missingCommand() throws {
        let result = try VaryProcess.run([])
        #expect(result.status == 2)
        #expect(result.stderr.contains("vary: missing command"))
        #expect(result.stderr.contains("Commands:"))
    }
}
