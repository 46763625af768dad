import Testing
@testable import VaryKit

/// The valid combinations are exactly those every rule allows, with stock by region, optional groups and texts.
@Suite("valid combinations")
struct CombinationTests {
    private func configurator(rules: String, extraGroups: String = "") -> Configurator {
        ConfiguratorFixture.configurator("""
            [{"product": "rope-9", "groups": [
              {"id": "colour", "label": "C", "values": [{"id": "red", "label": "R"}, {"id": "blue", "label": "B"}, {"id": "green", "label": "G"}]},
              {"id": "length", "label": "L", "values": [{"id": "m60", "label": "60"}, {"id": "m80", "label": "80"}]}\(extraGroups)],
              "rules": [\(rules)]}]
            """)
    }

    private func keys(_ configurator: Configurator, region: String? = nil) -> Set<String> {
        ConfiguratorFixture.keys(ConfigurationSpace(configurator, region: region))
    }

    @Test("without rules every combination is valid")
    func noRules() {
        #expect(keys(configurator(rules: "")) == ["red|m60", "red|m80", "blue|m60", "blue|m80", "green|m60", "green|m80"])
    }

    @Test("requires: a value needs every listed value")
    func requires() {
        #expect(keys(configurator(rules: #"{"when": "colour:red", "requires": ["length:m80"]}"#))
                == ["red|m80", "blue|m60", "blue|m80", "green|m60", "green|m80"])
    }

    @Test("requires works whichever group comes first")
    func requiresBackwards() {
        #expect(keys(configurator(rules: #"{"when": "length:m80", "requires": ["colour:green"]}"#))
                == ["red|m60", "blue|m60", "green|m60", "green|m80"])
    }

    @Test("excludes: the two values never go together, in either direction")
    func excludes() {
        #expect(keys(configurator(rules: #"{"when": "length:m60", "excludes": ["colour:red", "colour:blue"]}"#))
                == ["red|m80", "blue|m80", "green|m60", "green|m80"])
    }

    @Test("onlyWith: a value goes only with one of the listed values")
    func onlyWith() {
        #expect(keys(configurator(rules: #"{"when": "length:m80", "onlyWith": ["colour:red", "colour:green"]}"#))
                == ["red|m60", "red|m80", "blue|m60", "green|m60", "green|m80"])
    }

    @Test("onlyWith over two groups holds when any listed value is chosen")
    func onlyWithAcrossGroups() {
        let extra = #", {"id": "case", "label": "K", "required": false, "values": [{"id": "bag", "label": "Bag"}]}"#
        let found = keys(configurator(rules: #"{"when": "colour:blue", "onlyWith": ["length:m80", "case:bag"]}"#, extraGroups: extra))
        #expect(Set(found.filter { $0.hasPrefix("blue") }) == ["blue|m80|bag", "blue|m80|", "blue|m60|bag"])
        #expect(found.count == 3 + 4 + 4)
    }

    @Test("an optional group has a 'none' state, a text group 'filled' and 'none', a quantity one per number")
    func groupKinds() {
        let extra = #", {"id": "case", "label": "K", "required": false, "values": [{"id": "bag", "label": "Bag"}]}, {"id": "tag", "type": "text", "label": "T", "maxLength": 4, "allowed": ["A-Z"]}, {"id": "spares", "type": "quantity", "label": "S", "min": 1, "max": 3}"#
        let space = ConfigurationSpace(configurator(rules: #"{"when": "tag", "requires": ["case:bag"]}"#, extraGroups: extra), region: nil)
        #expect(space.stateCounts == [3, 2, 2, 2, 3])
        // 6 × (bag with or without a tag, or neither) × 3 numbers.
        #expect(space.count() == 6 * 3 * 3)
        #expect(space.combinations().contains { space.key($0) == "red|m60|bag|text|2" })
        #expect(!space.combinations().contains { space.key($0) == "red|m60||text|2" })
    }

    @Test("a value out of stock in a region, or not stocked there, is left out there and only there")
    func stockByRegion() {
        let rope = ConfiguratorFixture.configurator()
        #expect(ConfigurationSpace(rope, region: nil).count() == 14)
        #expect(ConfigurationSpace(rope, region: "us").count() == 14)
        #expect(ConfigurationSpace(rope, region: "de").count() == 8)
        #expect(ConfigurationSpace(rope, region: "jp").count() == 8)
        #expect(!keys(rope, region: "de").contains { $0.hasPrefix("green") })
    }

    @Test("the fixture's three rules leave exactly these combinations")
    func fixture() {
        #expect(keys(ConfiguratorFixture.configurator(), region: "de") == [
            "red|m60||", "red|m60||text", "red|m60|dry|", "red|m60|dry|text", "red|m80|dry|", "red|m80|dry|text",
            "blue|m60||", "blue|m60|dry|",
        ])
    }

    @Test("the selection for a value keeps every other group at its default when the rules allow it")
    func selection() {
        let space = ConfigurationSpace(ConfiguratorFixture.configurator(), region: "us")
        #expect(space.key(space.defaults) == "red|m60||")
        #expect(space.selection(with: 0, state: 1).map(space.key) == "blue|m60||")
        let rules = configurator(rules: #"{"when": "colour:blue", "requires": ["length:m80"]}"#)
        let other = ConfigurationSpace(rules, region: nil)
        #expect(other.selection(with: 0, state: 1).map(other.key) == "blue|m80")
    }

    @Test("counting stops at its limit, so an exploding space is never enumerated in full")
    func countLimit() {
        let groups = (0..<6).map { group in
            #"{"id": "g\#(group)", "label": "G", "values": ["# + (0..<8).map { #"{"id": "v\#($0)", "label": "V"}"# }.joined(separator: ",") + "]}"
        }.joined(separator: ",")
        let space = ConfigurationSpace(ConfiguratorFixture.configurator(#"[{"product": "rope-9", "groups": [\#(groups)]}]"#), region: nil)
        #expect(space.count(upTo: 1000) == 1000)
        #expect(space.count(fixing: 0, to: 3, upTo: 10) == 10)
    }
}
