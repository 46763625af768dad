import Foundation
@testable import VaryKit

/// A configurable rope for the mini store: every rule kind, an optional group, a personal text, stock by region.
enum ConfiguratorFixture {
    static let rope = """
        [
          {"product": "rope-9", "merchandised": "colour",
           "groups": [
             {"id": "colour", "label": {"en": "Colour", "de": "Farbe"}, "values": [
               {"id": "red", "label": {"en": "Red", "de": "Rot"}, "default": true, "image": {"src": "products/rope.svg", "alt": "Red rope"}},
               {"id": "blue", "label": "Blue", "image": {"src": "products/stove.svg", "alt": "Blue rope"}, "delta": {"USD": "5.00", "EUR": "4.50", "JPY": "700", "KWD": "1.555"}},
               {"id": "green", "label": "Green", "stock": {"us": 3, "de": 0}}]},
             {"id": "length", "label": "Length", "values": [
               {"id": "m60", "label": "60 m", "default": true},
               {"id": "m80", "label": "80 m", "delta": {"USD": "40.00", "EUR": "36.00", "JPY": "5500", "KWD": "12.125"}}]},
             {"id": "treatment", "label": "Treatment", "required": false, "values": [
               {"id": "dry", "label": "Dry", "delta": {"USD": "30.00", "EUR": "28.00", "JPY": "4100", "KWD": "9.250"}}]},
             {"id": "tag", "type": "text", "label": "Name tag", "maxLength": 10, "allowed": ["A-Z", " "],
              "delta": {"USD": "3.00", "EUR": "3.00", "JPY": "450", "KWD": "0.925"}}
           ],
           "rules": [
             {"when": "length:m80", "requires": ["treatment:dry"]},
             {"when": "colour:blue", "excludes": ["length:m80"]},
             {"when": "tag", "onlyWith": ["colour:red", "colour:green"]}
           ]}
        ]
        """

    /// A page template for configurators in the mini store's layout, with the no-JavaScript form and the data block.
    static let template = """
        {{<layouts/base}}{{$content}}{{#configurator}}
        <h1>{{product.title}}{{#isValuePage}} – {{value}}{{/isValuePage}}</h1>
        <form data-configurator method="get" action="{{productURL}}">
        <script type="application/json" data-configurator-data>{{{configurator.data}}}</script>
        <img data-configurator-image src="{{image.src}}" alt="{{image.alt}}">
        {{#merchandised.values}}<button type="submit" name="{{merchandised.id}}" value="{{id}}" formaction="{{url}}" aria-pressed="{{#isCurrent}}true{{/isCurrent}}{{^isCurrent}}false{{/isCurrent}}">{{label}} {{priceText}}</button>
        {{/merchandised.values}}
        {{#groups}}<fieldset><legend>{{label}}</legend>
        {{#isChoice}}{{#values}}<label><input type="radio" name="{{name}}" value="{{id}}"{{#isSelected}} checked="checked"{{/isSelected}}> {{label}}</label>
        {{/values}}{{/isChoice}}{{#isText}}<input type="text" name="{{id}}" maxlength="{{maxLength}}" pattern="{{pattern}}">{{/isText}}
        {{#isQuantity}}<input type="number" name="{{id}}" min="{{min}}" max="{{max}}" value="{{value}}">{{/isQuantity}}
        </fieldset>
        {{/groups}}
        <ul>{{#selection}}<li>{{group}}: {{value}}</li>{{/selection}}</ul>
        <p><data data-configurator-price value="{{price.amount}}">{{price.text}}</data>
        <s class="was"{{^originalPrice}} hidden="hidden"{{/originalPrice}} data-configurator-was>{{#originalPrice}}{{text}}{{/originalPrice}}</s></p>
        <p data-configurator-unavailable hidden>Not available</p>
        </form>
        <script src="{{script}}" defer></script>
        {{/configurator}}{{/content}}{{/layouts/base}}
        """

    /// The mini store with `configurators.json` (the rope unless given), loaded and validated; fails on errors.
    static func content(_ json: String = rope) -> StoreContent {
        var source = MiniStore.content()
        source.files["configurators.json"] = Array(json.utf8)
        let (content, diagnostics) = ContentLoader.load(source)
        precondition(content != nil, "does not load: \(diagnostics)")
        return content!
    }

    /// The rope's configurator.
    static func configurator(_ json: String = rope) -> Configurator { content(json).configurators[0] }

    /// A combination's key from its value ids (`red|m60||`).
    static func keys(_ space: ConfigurationSpace) -> Set<String> { Set(space.combinations().map(space.key)) }

    /// The mini store build with the rope's configurator and template.
    static func build(_ json: String = rope) -> (TestBuild, BuildOutcome) {
        let build = TestBuild()
        build.write("content/configurators.json", json)
        build.write("site-templates/pages/configure.mustache", template)
        return (build, build.run())
    }
}
