import Testing
@testable import Mustache

/// A small deterministic random generator, so that every run tries the same inputs.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Robustness")
struct RobustnessTests {
    static let pieces = [
        "{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{<p}}", "{{/p}}", "{{$x}}", "{{/x}}",
        "{{> q}}", "{{>*name}}", "{{a.b}}", "{{.}}", "{{! c }}", "{{=| |=}}", "|a|", "|/a|", "{{= =}}", "{{=<% %>}}",
        "\n", "\r\n", "  ", "\t", "text", "<p>", "&", "é", "{{&a}}", "{{ }}", "}", "{", "=", "|",
    ]

    @Test("random soups of tags either compile or report errors, and what compiles renders without crashing")
    func randomTemplates() throws {
        var random = SplitMix(state: 42)
        let context: Value = ["a": [["b": "x"], ["b": "<y>"]], "name": "q", "b": false, "x": "1"]
        var compiled = 0
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<24, using: &random)
            let template = (0..<length).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let partial = (0..<4).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            do {
                let library = try TemplateLibrary(sources: ["t": template, "p": "{{$x}}d{{/x}}", "q": partial])
                compiled += 1
                _ = try? library.render("t", context)
                _ = try? library.render("t", context, strict: true)
            } catch {
                #expect(!error.errors.isEmpty)
                #expect(error.errors == error.errors.sorted())
                #expect(error.errors.allSatisfy { $0.line >= 1 && $0.column >= 1 })
            }
        }
        #expect(compiled >= 50, "too few random templates compiled to exercise rendering")
    }

    @Test("a template nested a hundred thousand sections deep is reported, not a crash")
    func hostileNesting() {
        let source = String(repeating: "{{#a}}", count: 100_000) + String(repeating: "{{/a}}", count: 100_000)
        #expect(compileErrors(["p": source]) == ["p:1:601: sections nested more than 100 deep"])
    }

    @Test("an empty template and a template of only text render as they are")
    func trivialTemplates() throws {
        #expect(try render("") == "")
        #expect(try render("just text\n  and more\r\n") == "just text\n  and more\r\n")
    }
}
