import Mustache

/// The templates of a storefront listing page: a layout with blocks, the page, and a product card partial.
enum Storefront {
    static let templates: [String: String] = [
        "layouts/base": """
            <!DOCTYPE html>
            <html lang="{{locale.tag}}" dir="{{locale.dir}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{$title}}{{site.name}}{{/title}}</title>
              <link rel="canonical" href="{{page.canonical}}">
              {{#page.noindex}}
              <meta name="robots" content="noindex">
              {{/page.noindex}}
              {{#page.alternates}}
              <link rel="alternate" hreflang="{{hreflang}}" href="{{url}}">
              {{/page.alternates}}
              <link rel="stylesheet" href="/assets/site.3f2a9c.css">
              {{$head}}
              {{/head}}
            </head>
            <body class="page-{{page.kind}}">
              <header class="site-header">
                <a class="brand" href="{{site.baseURL}}">{{site.name}}</a>
                <nav aria-label="{{t.nav.label}}">
                  <a href="/{{region.id}}/{{locale.path}}/">{{t.nav.home}}</a>
                  <a href="/{{region.id}}/{{locale.path}}/promotions/">{{t.nav.promotions}}</a>
                </nav>
              </header>
              <main id="content">
                {{$content}}
                {{/content}}
              </main>
              <footer class="site-footer">
                <p>{{region.taxNote}}</p>
                <ul class="stores">
                  {{#region.stores}}
                  <li><a href="{{url}}">{{name}}</a>, {{address}}, {{city}}</li>
                  {{/region.stores}}
                </ul>
              </footer>
              <script type="application/ld+json">{{{page.jsonLD}}}</script>
            </body>
            </html>

            """,
        "pages/landing": """
            {{<layouts/base}}
            {{$title}}{{segment.headline}} – {{site.name}}{{/title}}
            {{$content}}
              <section class="hero">
                <h1>{{segment.headline}}</h1>
                <p class="subline">{{segment.subline}}</p>
              </section>
              {{#promotions}}
              <aside class="promotion">
                <strong>{{title}}</strong> {{message}}{{#code}} <code>{{code}}</code>{{/code}}
              </aside>
              {{/promotions}}
              <ul class="products" aria-label="{{t.products.label}}">
                {{#products}}
                {{> partials/product-card}}
                {{/products}}
              </ul>
              {{^products}}
              <p class="empty">{{t.products.empty}}</p>
              {{/products}}
            {{/content}}
            {{/layouts/base}}

            """,
        "partials/product-card": """
            <li class="card" data-product="{{id}}" data-rank="{{rank}}">
              <a href="{{url}}">
                <img src="{{image.src}}" alt="{{image.alt}}" loading="lazy" width="320" height="320">
                <h2 class="card-title">{{title}}</h2>
              </a>
              <p class="brand">{{brand}}</p>
              <p class="price">
                <span class="now">{{price.text}}</span>
                {{#originalPrice}}
                <s class="was">{{text}}</s>
                <span class="saving">−{{discount.percent}}% · {{discount.savingText}}</span>
                {{/originalPrice}}
              </p>
              {{#promotion}}
              <p class="badge">{{title}}</p>
              {{/promotion}}
              <ul class="tags">{{#tags}}<li>{{.}}</li>{{/tags}}</ul>
            </li>

            """,
    ]

    /// The view model of one landing page with `count` products, text included that needs escaping.
    static func context(products count: Int) -> Value {
        let brands = ["Fjällräven & Co", "O'Neill", "Patagonia", "Arc'teryx", "\"Nordic\" Goods"]
        let products: [Value] = (0..<count).map { index in
            let discounted = index % 3 == 0
            var card: [String: Value] = [
                "id": .string("p-\(1000 + index)"),
                "rank": .int(index + 1),
                "url": .string("/de/de-de/products/p-\(1000 + index)/?ref=landing&pos=\(index + 1)"),
                "title": .string("Trail Jacket \(index + 1) – \"Storm\" <Edition> & Hood"),
                "brand": .string(brands[index % brands.count]),
                "image": ["src": .string("/assets/products/p-\(1000 + index).webp"),
                          "alt": .string("Jacket \(index + 1) in olive & sand, shown from the front")],
                "price": ["amount": .string("\(119 + index).00"), "currency": "EUR", "text": .string("\(119 + index),00 €")],
                "tags": ["outdoor", "winter", .string(index % 2 == 0 ? "rain & wind" : "light")],
            ]
            if discounted {
                card["originalPrice"] = ["amount": .string("\(149 + index).00"), "text": .string("\(149 + index),00 €")]
                card["discount"] = ["percent": 20, "savingText": "30,00 €"]
                card["promotion"] = ["id": "winter-sale", "title": "Winter <Sale>"]
            }
            return .object(card)
        }
        return [
            "site": ["name": "Nordwind & Söhne", "baseURL": "https://shop.example.com/"],
            "locale": ["tag": "de-DE", "path": "de-de", "language": "de", "dir": "ltr"],
            "region": [
                "id": "de", "name": "Deutschland", "currency": "EUR", "taxNote": "inkl. MwSt. & Versand",
                "stores": [
                    ["name": "Berlin Mitte", "city": "Berlin", "address": "Torstraße 1", "url": "https://shop.example.com/stores/berlin"],
                    ["name": "Hamburg", "city": "Hamburg", "address": "Jungfernstieg 7", "url": "https://shop.example.com/stores/hamburg"],
                ],
            ],
            "segment": ["id": "outdoor", "name": "Outdoor", "headline": "Draußen zu Hause", "subline": "Jacken für \"jedes\" Wetter", "isDefault": false],
            "page": [
                "kind": "landing", "canonical": "https://shop.example.com/de/de-de/", "noindex": false,
                "alternates": [
                    ["hreflang": "de-DE", "url": "https://shop.example.com/de/de-de/"],
                    ["hreflang": "en-DE", "url": "https://shop.example.com/de/en/"],
                ],
                "jsonLD": "{\"@context\":\"https://schema.org\",\"@type\":\"ItemList\",\"numberOfItems\":24}",
            ],
            "t": [
                "nav": ["label": "Hauptnavigation", "home": "Start", "promotions": "Angebote"],
                "products": ["label": "Empfohlene Produkte", "empty": "Keine Produkte gefunden."],
            ],
            "promotions": [
                ["title": "Winter <Sale>", "message": "20 % auf Jacken & Mäntel", "code": "WINTER20"],
                ["title": "Free shipping", "message": "ab 50 € Bestellwert", "code": ""],
            ],
            "products": .list(products),
        ]
    }
}
