import Foundation
@testable import VaryKit

/// The mini store with a product page template, cards that link to product pages and extra orders, so that
/// the rope has co-purchases with every other product.
enum ProductPageFixture {
    static let productTemplate = """
        {{<layouts/base}}{{$content}}{{#product}}
        <ol class="crumbs">{{#breadcrumbs}}<li>{{#url}}<a href="{{url}}">{{name}}</a>{{/url}}{{^url}}{{name}}{{/url}}</li>{{/breadcrumbs}}</ol>
        <h1>{{title}}</h1>
        <img src="{{image.src}}" alt="{{image.alt}}">
        <p class="price">{{price.text}}{{#originalPrice}} <s>{{text}}</s>{{/originalPrice}}{{#discount}} <span class="saving">{{savingText}}</span>{{/discount}}{{#region.taxNote}} <span class="tax">{{region.taxNote}}</span>{{/region.taxNote}} <span class="stock">{{stock.text}}</span></p>
        <dl>{{#attributes}}<dt>{{name}}</dt><dd>{{value}}</dd>{{/attributes}}</dl>
        <ul class="promotions">{{#promotions}}<li>{{#url}}<a href="{{url}}">{{title}}</a>{{/url}} {{savingText}}</li>{{/promotions}}</ul>
        <ul class="goes-well-with">{{#goesWellWith}}{{>partials/card}}{{/goesWellWith}}</ul>
        {{#boughtTogether}}<p class="together">{{#items}}<span class="item">{{product.id}}</span> {{/items}}<span class="bundle-price">{{priceText}}</span>{{#hasSaving}} <s>{{originalPriceText}}</s> {{savingText}}{{/hasSaving}}</p>{{/boughtTogether}}
        <ul class="bundles">{{#bundles}}<li><a href="{{url}}">{{id}}</a></li>{{/bundles}}</ul>
        {{/product}}{{/content}}{{/layouts/base}}
        """

    static let card = """
        <li data-rank="{{rank}}" data-id="{{id}}"><img src="{{image.src}}" alt="{{image.alt}}"> {{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}} · {{price.text}}
        <ul class="why">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul></li>
        """

    /// Orders: the rope with the boot twice, with the harness (its declared complement) and the stove once each.
    static let orders = """
        order_id,product_id,quantity,region,date
        o-1,rope-9,1,us,2026-11-20T10:00:00Z
        o-1,harness,1,us,2026-11-20T10:00:00Z
        o-2,stove,2,de,2026-11-01
        o-3,rope-9,1,de,2026-10-02T08:30:00+02:00
        o-4,rope-9,1,us,2026-11-02T10:00:00Z
        o-4,kids-boot,1,us,2026-11-02T10:00:00Z
        o-5,rope-9,1,us,2026-11-03T10:00:00Z
        o-5,kids-boot,2,us,2026-11-03T10:00:00Z
        o-6,rope-9,1,de,2026-11-04T10:00:00Z
        o-6,stove,1,de,2026-11-04T10:00:00Z
        o-7,rope-9,1,us,2026-12-24T10:00:00Z
        o-7,harness,1,us,2026-12-24T10:00:00Z

        """

    /// A copy of the mini store with product pages; `productPages` is written into `site.json` when given.
    static func build(productPages: String? = nil) -> TestBuild {
        let build = TestBuild()
        build.write("site-templates/pages/product.mustache", productTemplate)
        build.write("site-templates/partials/card.mustache", card)
        build.write("content/orders.csv", orders)
        if let productPages {
            let site = build.read("content/site.json", in: build.directory)!
            build.write("content/site.json", site.replacingOccurrences(
                of: #""recommendations": 4,"#, with: #""recommendations": 4, "productPages": \#(productPages),"#))
        }
        return build
    }

    /// The loaded content of a test build's store.
    static func content(of build: TestBuild) -> StoreContent {
        let files = try! SourceFiles.read(directory: build.content, displayName: "content")
        return ContentLoader.load(files).content!
    }

    /// The build's report.
    static func report(of build: TestBuild) -> BuildReport {
        try! JSONDecoder().decode(BuildReport.self, from: Data(build.read("_vary/report.json")!.utf8))
    }

    /// The JSON-LD object of a page.
    static func jsonLD(_ html: String) -> [String: Any] {
        let start = html.range(of: #"<script type="application/ld+json">"#)!.upperBound
        let end = html.range(of: "</script>", range: start..<html.endIndex)!.lowerBound
        return try! JSONSerialization.jsonObject(with: Data(html[start..<end].utf8)) as! [String: Any]
    }

    /// The hrefs of a page's links, in order.
    static func links(_ html: String) -> [String] {
        html.components(separatedBy: #"href=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}
