import Testing
@testable import Mustache

@Suite("Values")
struct ValueTests {
    @Test("integers render in decimal, the extremes included")
    func integers() throws {
        let output = try render("{{a}} {{b}} {{c}} {{d}}", ["a": 0, "b": -42, "c": .int(Int.max), "d": .int(Int.min)])
        #expect(output == "0 -42 9223372036854775807 -9223372036854775808")
    }

    @Test("decimals render with their significant digits and whole decimals without a fraction")
    func decimals() throws {
        let output = try render("{{a}} {{b}} {{c}} {{d}} {{e}}", ["a": 1.21, "b": -0.5, "c": 2.0, "d": 0.1, "e": 1e21])
        #expect(output == "1.21 -0.5 2 0.1 1e+21")
    }

    @Test("booleans render as true and false, null as nothing")
    func booleansAndNull() throws {
        #expect(try render("{{a}}/{{b}}/{{c}}", ["a": true, "b": false, "c": nil]) == "true/false/")
    }

    @Test("null, false, zero, empty text and empty lists are falsey; objects, even empty, are truthy", arguments: [
        (Value.null, false), (false, false), (0, false), (0.0, false), ("", false), ([], false),
        (true, true), (1, true), (-1, true), (0.5, true), ("0", true), ([0], true), ([:], true),
    ] as [(Value, Bool)])
    func truthiness(value: Value, truthy: Bool) throws {
        #expect(value.isTruthy == truthy)
        #expect(try render("{{#v}}yes{{/v}}{{^v}}no{{/v}}", ["v": value]) == (truthy ? "yes" : "no"))
    }

    @Test("an extended object renders as the object of its own and shared fields, its own first")
    func extendedObjects() throws {
        let shared = SharedFields(["title": "Lamp", "rank": 0, "price": ["text": "€9"], "tags": ["a", "b"]])
        let card: Value = .extended(["rank": 3, "isPinned": true], shared)
        let template = "{{title}}#{{rank}}{{#isPinned}}!{{/isPinned}} {{price.text}} {{#tags}}{{.}}{{/tags}}{{#price}}[{{title}}]{{/price}}"
        let expected = try render(template, card.merged)
        #expect(expected == "Lamp#3! €9 ab[Lamp]")
        #expect(try render(template, card) == expected)
        #expect(try render("{{#cards}}{{title}}{{rank}};{{/cards}}", ["cards": [card, .extended(["rank": 4], shared)]]) == "Lamp3;Lamp4;")
        #expect(card.isTruthy)
        #expect(card["rank"] == 3)
        #expect(card["title"] == "Lamp")
        #expect(card.fields?.count == 5)
    }

    @Test("an extended object's own fields win over its shared ones, a null one too, however many it has")
    func extendedOwnFieldsWin() throws {
        let shared = SharedFields(["a": "shared-a", "b": "shared-b", "c": "shared-c", "url": "/shared/", "title": "Lamp"])
        let few: Value = .extended(["a": "own-a", "url": .null], shared)
        let many: Value = .extended(["a": "own-a", "url": .null, "x": 1, "y": 2, "z": 3, "w": 4], shared)
        for card in [few, many] {
            #expect(card["a"] == "own-a")
            #expect(card["b"] == "shared-b")
            #expect(card["url"] == .null)
            #expect(card["missing"] == nil)
            let template = "{{a}} {{b}} {{#url}}{{url}}{{/url}}{{^url}}none{{/url}} {{title}}"
            #expect(try render(template, card) == "own-a shared-b none Lamp")
            #expect(try render(template, card) == render(template, card.merged))
        }
    }

    @Test("an extended object in plain text is an error in strict mode, as an object is")
    func extendedObjectsAreNotText() throws {
        let card: Value = .extended(["rank": 3], SharedFields(["title": "Lamp"]))
        #expect(throws: (any Error).self) { try render("{{card}}", ["card": card], strict: true) }
        #expect(try render("{{card}}", ["card": card]) == "")
    }

    @Test("literals build the matching cases")
    func literals() {
        let value: Value = ["s": "x", "i": 1, "d": 1.5, "b": true, "n": nil, "l": [1, "a"]]
        #expect(value == .object(["s": .string("x"), "i": .int(1), "d": .double(1.5), "b": .bool(true), "n": .null,
                                  "l": .list([.int(1), .string("a")])]))
        #expect(value["s"] == .string("x"))
        #expect(value["missing"] == nil)
        #expect(Value.string("x")["s"] == nil)
    }

    @Test("a list section pushes each item, an object section pushes the object once")
    func sectionIteration() throws {
        #expect(try render("{{#l}}[{{n}}]{{/l}}{{#o}}({{n}}){{/o}}", ["l": [["n": 1], ["n": 2]], "o": ["n": 3]]) == "[1][2](3)")
    }
}
