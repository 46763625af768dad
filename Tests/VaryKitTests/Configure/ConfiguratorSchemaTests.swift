import Testing
@testable import VaryKit

/// `configurators.json` problems are errors at their file, line, column and JSON path, with a hint where one helps.
@Suite("configurator schema")
struct ConfiguratorSchemaTests {
    private func errors(_ json: String) -> [String] { MiniStore.errors(content: ["configurators.json": json]) }

    private func rope(groups: String = "", rules: String) -> String {
        """
        [{"product": "rope-9",
          "groups": [
            {"id": "colour", "label": "Colour", "values": [{"id": "red", "label": "Red", "default": true}, {"id": "blue", "label": "Blue"}]},
            {"id": "length", "label": "Length", "values": [{"id": "m60", "label": "60 m", "default": true}, {"id": "m80", "label": "80 m"}]}\(groups)
          ],
          "rules": [\(rules)]}]
        """
    }

    @Test("the fixture's configurator has no errors")
    func fixtureIsValid() {
        #expect(errors(ConfiguratorFixture.rope) == [])
    }

    @Test("an unknown value in a rule is an error at the reference, suggesting the closest value")
    func unknownValue() {
        #expect(errors(rope(rules: #"{"when": "colour:bleu", "excludes": ["length:m80"]}"#)) == [
            "content/configurators.json:6:22: configurators[0].rules[0].when: unknown value 'bleu' in group 'colour' (did you mean 'blue'?)"
        ])
    }

    @Test("an unknown group in a rule is an error suggesting the closest group")
    func unknownGroup() {
        #expect(errors(rope(rules: #"{"when": "colour:blue", "excludes": ["lenght:m80"]}"#)) == [
            #"content/configurators.json:6:50: configurators[0].rules[0].excludes[0]: unknown group 'lenght' in "lenght:m80" (did you mean 'length'?)"#
        ])
    }

    @Test("a rule that leaves no combination is an error at the rule")
    func impossibleRule() {
        // Each rule rules out one length; together they leave the required group 'length' without a value.
        let json = rope(rules: #"{"when": "length:m60", "excludes": ["colour:red", "colour:blue"]}, {"when": "length:m80", "excludes": ["colour:red", "colour:blue"]}"#)
        #expect(errors(json) == [0, 1].map { index in
            "content/configurators.json:6:\(index == 0 ? 13 : 80): configurators[0].rules[\(index)]: this rule makes the configurator impossible: with it no combination keeps every rule (without it there are combinations; check 'length:m\(index == 0 ? 60 : 80)' and its 'excludes' list)"
        })
    }

    @Test("a default that breaks a rule is an error at the rule naming the default selection")
    func defaultBreaksRule() {
        #expect(errors(rope(rules: #"{"when": "colour:red", "requires": ["length:m80"]}"#)) == [
            "content/configurators.json:6:13: configurators[0].rules[0]: the default selection (colour:red, length:m60) breaks this rule ('colour:red' requires 'length:m80') (mark other values \"default\": true, or change the rule)"
        ])
    }

    @Test("a delta in a currency the product is not priced in is an error at the currency")
    func deltaCurrency() {
        let json = rope(groups: #", {"id": "case", "label": "Case", "required": false, "values": [{"id": "bag", "label": "Bag", "delta": {"USD": "9.00", "EUR": "8.00", "JPY": "1300", "KWD": "2.000", "CHF": "9.50"}}]}"#, rules: "")
        #expect(errors(json) == [
            "content/configurators.json:4:298: configurators[0].groups[2].values[0].delta.CHF: product 'rope-9' is not priced in CHF (it is in EUR, JPY, KWD, USD)"
        ])
    }

    @Test("a delta missing the currency of a region that sells the product is an error at the value")
    func deltaMissingCurrency() {
        let json = rope(groups: #", {"id": "case", "label": "Case", "required": false, "values": [{"id": "bag", "label": "Bag", "delta": {"USD": "9.00", "EUR": "8.00", "JPY": "1300"}}]}"#, rules: "")
        #expect(errors(json) == [
            "content/configurators.json:4:197: configurators[0].groups[2].values[0]: no KWD delta, though product 'rope-9' is sold in region 'kw' (add \"KWD\" to 'delta' or \"kw\" to 'regionDelta')"
        ])
    }

    @Test("an unknown product, a misspelt field and a swatch that is not a colour are reported")
    func productAndFields() {
        let json = """
            [{"product": "rope-9", "groups": [{"id": "colour", "label": "C", "values": [{"id": "red", "label": "Red", "swatch": "red"}]}],
              "rulez": []}]
            """
        #expect(errors(json) == [
            ##"content/configurators.json:1:117: configurators[0].groups[0].values[0].swatch: "red" is not a hex colour such as "#1f4e79""##
        ])
        #expect(errors(json.replacingOccurrences(of: "rope-9", with: "rope-8").replacingOccurrences(of: ##""red"}"##, with: ##""#a1b2c3"}"##)) == [
            "content/configurators.json:1:14: configurators[0].product: unknown product 'rope-8' (did you mean 'rope-9'?)"
        ])
        let (_, diagnostics) = ContentLoader.load({ var s = MiniStore.content(); s.files["configurators.json"] = Array(json.utf8); return s }())
        #expect(diagnostics.map(\.description).contains("content/configurators.json:2:3: warning: configurators[0].rulez: unknown field 'rulez' is ignored (did you mean 'rules'?)"))
    }

    @Test("text and quantity limits are checked: a bad character range, max below min")
    func limits() {
        let json = rope(groups: #", {"id": "tag", "type": "text", "label": "Tag", "maxLength": 8, "allowed": ["A-Z", "az"]}, {"id": "n", "type": "quantity", "label": "N", "min": 3, "max": 1}"#, rules: "")
        #expect(errors(json) == [
            #"content/configurators.json:4:216: configurators[0].groups[2].allowed[1]: "az" is neither one character nor a range such as "A-Z""#,
            "content/configurators.json:4:287: configurators[0].groups[3].max: max 1 is below min 3",
        ])
    }

    @Test("a rule within one group, and a second default, are errors")
    func sameGroupAndDefaults() {
        let json = """
            [{"product": "rope-9", "groups": [
              {"id": "colour", "label": "C", "values": [{"id": "red", "label": "R", "default": true}, {"id": "blue", "label": "B", "default": true}]}],
              "rules": [{"when": "colour:red", "excludes": ["colour:blue"]}]}]
            """
        #expect(errors(json) == [
            "content/configurators.json:2:91: configurators[0].groups[0].values[1]: a second default in group (the first is 'red')",
            "content/configurators.json:3:49: configurators[0].rules[0].excludes[0]: 'colour:blue' is in the same group as 'colour:red': a rule relates values of different groups",
        ])
    }

    @Test("a store with configurators but no configure template is an error, and nothing is written")
    func missingTemplate() {
        let build = TestBuild()
        defer { build.cleanUp() }
        build.write("content/configurators.json", ConfiguratorFixture.rope)
        let outcome = build.run()
        #expect(outcome.exitCode == 2)
        #expect(outcome.diagnostics.map(\.description).contains(
            "site-templates/pages/configure.mustache: missing page template: configurators.json has configurators, whose pages it renders"))
        #expect(build.read("index.html") == nil)
    }

    @Test("a value no valid combination can hold is a warning naming the rule that rules it out")
    func unreachableValue() {
        let json = rope(rules: #"{"when": "colour:blue", "requires": ["length:m80"]}, {"when": "length:m80", "excludes": ["colour:blue"]}"#)
        let content = ConfiguratorFixture.content(json)
        let warnings = ContentValidator.validate(content, assets: nil).filter { $0.severity == .warning }.map(\.description)
        #expect(warnings == [
            "content/configurators.json:3:100: warning: configurators[0].groups[0].values[1]: no valid combination holds 'colour:blue' (configurators[0].rules[0] rules it out)"
        ])
    }

    @Test("more valid combinations than the limit is a warning naming the group that multiplies them")
    func limitWarning() {
        let json = """
            [{"product": "rope-9", "combinationLimit": 20, "groups": [
              {"id": "colour", "label": "C", "values": [{"id": "red", "label": "R"}, {"id": "blue", "label": "B"}]},
              {"id": "metres", "type": "quantity", "label": "M", "min": 1, "max": 30}]}]
            """
        var source = MiniStore.content()
        source.files["configurators.json"] = Array(json.utf8)
        let content = ContentLoader.load(source).content!
        let warnings = ContentValidator.validate(content, assets: nil).filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.contains(
            "content/configurators.json:1:2: warning: configurators[0]: 60 valid combinations, more than the limit of 20 (the group 'metres' (configurators[0].groups[1], 30 states, no rule narrowing it) multiplies it by 30; add rules, or raise 'combinationLimit')"))
    }
}
