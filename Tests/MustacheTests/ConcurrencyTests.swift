import Dispatch
import Foundation
import Testing
@testable import Mustache

/// Results written by many threads, each into its own slot.
private final class Slots: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[UInt8]?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: [UInt8]) { lock.withLock { values[index] = value } }
    var all: [[UInt8]?] { lock.withLock { values } }
}

@Suite("Concurrent rendering")
struct ConcurrencyTests {
    static let sources = [
        "layouts/base": "<html>\n<body>\n  {{$content}}{{/content}}\n</body>\n</html>\n",
        "pages/list": "{{<layouts/base}}{{$content}}\n<ul>\n  {{#items}}\n  {{> partials/item}}\n  {{/items}}\n</ul>\n{{/content}}{{/layouts/base}}",
        "partials/item": "<li data-n=\"{{n}}\">{{name}} &amp; {{{raw}}}</li>\n",
    ]

    static func context(_ seed: Int) -> Value {
        .object(["items": .list((0..<50).map { .object(["n": .int(seed * 100 + $0), "name": .string("<item \($0) of \(seed)>"), "raw": "<b>"]) })])
    }

    @Test("one library renders the same bytes from many threads at once as from one")
    func sameBytesFromManyThreads() throws {
        let library = try TemplateLibrary(sources: Self.sources, requireKnownPartials: true)
        let expected = try (0..<8).map { try library.render("pages/list", Self.context($0), strict: true) }
        let rounds = 64
        let slots = Slots(count: rounds)
        DispatchQueue.concurrentPerform(iterations: rounds) { round in
            if let bytes = try? library.render("pages/list", Self.context(round % 8), strict: true) {
                slots.set(round, bytes)
            }
        }
        for (round, bytes) in slots.all.enumerated() {
            #expect(bytes == expected[round % 8], "round \(round)")
        }
        #expect(String(decoding: expected[0], as: UTF8.self).contains("    <li data-n=\"7\">&lt;item 7 of 0&gt; &amp; <b></li>\n"))
    }

    @Test("strict-mode errors thrown on many threads at once are the same error")
    func errorsFromManyThreads() throws {
        let library = try TemplateLibrary(sources: ["p": "{{#items}}{{nme}}{{/items}}"])
        let rounds = 32
        let slots = Slots(count: rounds)
        DispatchQueue.concurrentPerform(iterations: rounds) { round in
            do {
                _ = try library.render("p", ["items": [["name": "a"]]], strict: true)
            } catch {
                slots.set(round, Array(String(describing: error).utf8))
            }
        }
        #expect(slots.all.allSatisfy { $0.map { String(decoding: $0, as: UTF8.self) } == "p:1:11: 'nme' is not defined" })
    }
}
