// The files `vary init` writes: a small store that builds with exit code 0 and passes every check.
// Each is the file as it is written, so that a reviewer reads the starter store here.

extension StarterStore {
    /// Path under the new store's folder → contents, in the order they are written.
    static let files: [(path: String, text: String)] = [
        (".gitignore", ##"""
output/
output.staging-*/
output.previous-*/
output.vary-cache
output.vary-spare/

"""##),
        ("content/bundles.json", ##"""
[
  {
    "id": "first-night-out",
    "title": {"en": "First night out", "de": "Die erste Nacht draußen"},
    "description": {"en": "A tent and a sleeping bag", "de": "Ein Zelt und ein Schlafsack"},
    "items": [{"product": "tent", "quantity": 1}, {"product": "sleeping-bag", "quantity": 2}],
    "pricing": {"percent": 10}
  }
]

"""##),
        ("content/catalog/products.json", ##"""
[
  {
    "id": "trail-shoe",
    "sku": "TS-1",
    "title": {"en": "Trail Shoe", "de": "Trailschuh"},
    "description": {"en": "A light shoe for rough paths.", "de": "Ein leichter Schuh für raue Wege."},
    "category": "footwear",
    "brand": "Northpath",
    "tags": ["running"],
    "image": {"src": "products/trail-shoe.svg", "alt": {"en": "A blue trail shoe", "de": "Ein blauer Trailschuh"}},
    "prices": {"USD": "119.00", "EUR": "109.00"},
    "stock": {"us": 12, "de": 8},
    "popularity": 0.8
  },
  {
    "id": "rain-jacket",
    "sku": "RJ-1",
    "title": {"en": "Rain Jacket", "de": "Regenjacke"},
    "description": {"en": "Keeps the rain out, lets the heat go.", "de": "Hält den Regen draußen und lässt die Wärme hinaus."},
    "category": "clothing",
    "brand": "Northpath",
    "tags": ["rain"],
    "image": {"src": "products/rain-jacket.svg", "alt": {"en": "A green rain jacket", "de": "Eine grüne Regenjacke"}},
    "prices": {"USD": "149.00", "EUR": "139.00"},
    "stock": {"us": 5, "de": 9},
    "popularity": 0.6
  },
  {
    "id": "tent",
    "sku": "TN-2",
    "title": {"en": "Two-Person Tent", "de": "Zelt für zwei"},
    "description": {"en": "Pitches in five minutes.", "de": "In fünf Minuten aufgebaut."},
    "category": "camping",
    "brand": "Fieldhouse",
    "tags": ["camp"],
    "image": {"src": "products/tent.svg", "alt": {"en": "An orange tent", "de": "Ein orangefarbenes Zelt"}},
    "prices": {"USD": "249.00", "EUR": "229.00"},
    "stock": {"us": 3, "de": 4},
    "popularity": 0.7,
    "complements": ["sleeping-bag"]
  },
  {
    "id": "sleeping-bag",
    "sku": "SB-1",
    "title": {"en": "Sleeping Bag", "de": "Schlafsack"},
    "description": {"en": "Warm down to 0 °C.", "de": "Warm bis 0 °C."},
    "category": "camping",
    "brand": "Fieldhouse",
    "tags": ["camp"],
    "image": {"src": "products/sleeping-bag.svg", "alt": {"en": "A rolled-up sleeping bag", "de": "Ein zusammengerollter Schlafsack"}},
    "prices": {"USD": "99.00", "EUR": "89.00"},
    "stock": {"us": 10, "de": 6},
    "popularity": 0.5
  }
]

"""##),
        ("content/locales/de.json", ##"""
{
  "nav.regions": "Regionen und Sprachen",
  "products.heading": "{count, plural, one {# Empfehlung} other {# Empfehlungen}} für {segment} in {region}",
  "shopAs": "Einkaufen als",
  "reason.pinned": "Unsere Empfehlung",
  "reason.category": "Weil Sie {name} mögen",
  "reason.tag": "Passt zu {name}",
  "reason.brand": "Von {name}",
  "reason.popular": "Gerade beliebt",
  "reason.trending": "Gefragt in {region}",
  "reason.season": "Passend für {season}",
  "reason.promotion": "Im Angebot: {title}",
  "discount.percent": "{percent} % Rabatt",
  "discount.amount": "{amount} Rabatt",
  "price.saving": "Sie sparen {amount}"
}

"""##),
        ("content/locales/en.json", ##"""
{
  "nav.regions": "Regions and languages",
  "products.heading": "{count, plural, one {# pick} other {# picks}} for {segment} in {region}",
  "shopAs": "Shop as",
  "reason.pinned": "Staff pick",
  "reason.category": "Because you like {name}",
  "reason.tag": "Matches {name}",
  "reason.brand": "From {name}",
  "reason.popular": "Popular right now",
  "reason.trending": "Trending in {region}",
  "reason.season": "Right for {season}",
  "reason.promotion": "On sale: {title}",
  "discount.percent": "{percent}% off",
  "discount.amount": "{amount} off",
  "price.saving": "Save {amount}"
}

"""##),
        ("content/orders.csv", ##"""
order_id,product_id,quantity,region,date
o-1,tent,1,us,2026-11-20T10:00:00Z
o-1,sleeping-bag,2,us,2026-11-20T10:00:00Z
o-2,trail-shoe,1,de,2026-11-01T09:00:00+01:00

"""##),
        ("content/promotions.json", ##"""
[
  {
    "id": "camp-week",
    "title": {"en": "Camp week", "de": "Campingwoche"},
    "message": {"en": "Everything for a night outside", "de": "Alles für eine Nacht draußen"},
    "discount": {"type": "percent", "value": 15},
    "appliesTo": {"categories": ["camping"]},
    "starts": "2026-01-01T00:00:00Z",
    "ends": "2030-01-01T00:00:00Z",
    "code": "CAMP15"
  }
]

"""##),
        ("content/regions.json", ##"""
[
  {
    "id": "us",
    "name": "United States",
    "countries": ["US"],
    "currency": "USD",
    "locales": ["en-US"]
  },
  {
    "id": "de",
    "name": {"en": "Germany", "de": "Deutschland"},
    "countries": ["DE", "AT"],
    "currency": "EUR",
    "locales": ["de-DE", "en-DE"],
    "taxNote": {"en": "incl. VAT", "de": "inkl. MwSt."},
    "timeZone": "Europe/Berlin"
  }
]

"""##),
        ("content/segments.json", ##"""
[
  {
    "id": "everyone",
    "name": {"en": "Everyone", "de": "Alle"},
    "hero": {
      "headline": {"en": "Gear for every path", "de": "Ausrüstung für jeden Weg"},
      "subline": {"en": "Picked for you", "de": "Für Sie ausgewählt"}
    }
  },
  {
    "id": "campers",
    "name": {"en": "Campers", "de": "Camper"},
    "hero": {
      "headline": {"en": "Sleep under the stars", "de": "Schlafen unter Sternen"},
      "subline": {"en": "Tents, bags and more", "de": "Zelte, Schlafsäcke und mehr"}
    },
    "affinity": {"categories": {"camping": 1.0}, "tags": {"camp": 0.5}},
    "pinned": ["tent"]
  }
]

"""##),
        ("content/site.json", ##"""
{
  "name": "My Store",
  "baseURL": "https://store.example.com",
  "defaultRegion": "us",
  "defaultSegment": "everyone",
  "defaultLocale": "en-US",
  "recommendations": 4,
  "routing": ["nginx"]
}

"""##),
        ("content/taxonomy.json", ##"""
{
  "categories": {
    "camping": {"en": "Camping", "de": "Camping"},
    "clothing": {"en": "Clothing", "de": "Bekleidung"},
    "footwear": {"en": "Footwear", "de": "Schuhe"}
  },
  "tags": {
    "camp": {"en": "camping", "de": "Camping"},
    "rain": {"en": "rain", "de": "Regen"},
    "running": {"en": "running", "de": "Laufen"}
  }
}

"""##),
        ("site-templates/assets/css/store.css", ##"""
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.5; }
header, footer { display: flex; gap: 1rem; justify-content: space-between; padding: 0.5rem 0; }
.cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); list-style: none; padding: 0; }
.card img { width: 100%; height: auto; }
.price s { color: #777; }

"""##),
        ("site-templates/assets/products/rain-jacket.svg", ##"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><title>rain-jacket</title><rect width="40" height="30" rx="4" fill="#16a34a"/></svg>

"""##),
        ("site-templates/assets/products/sleeping-bag.svg", ##"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><title>sleeping-bag</title><rect width="40" height="30" rx="4" fill="#7c3aed"/></svg>

"""##),
        ("site-templates/assets/products/tent.svg", ##"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><title>tent</title><rect width="40" height="30" rx="4" fill="#ea580c"/></svg>

"""##),
        ("site-templates/assets/products/trail-shoe.svg", ##"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><title>trail-shoe</title><rect width="40" height="30" rx="4" fill="#2563eb"/></svg>

"""##),
        ("site-templates/layouts/base.mustache", ##"""
<!DOCTYPE html>
<html lang="{{locale.tag}}" dir="{{locale.dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{page.title}}</title>
<meta name="description" content="{{page.description}}">
<link rel="canonical" href="{{page.canonical}}">
{{#page.noindex}}
<meta name="robots" content="noindex">
{{/page.noindex}}
{{#page.alternates}}
<link rel="alternate" hreflang="{{hreflang}}" href="{{url}}">
{{/page.alternates}}
{{#page.openGraph}}
<meta property="{{property}}" content="{{content}}">
{{/page.openGraph}}
{{#page.twitter}}
<meta name="{{name}}" content="{{content}}">
{{/page.twitter}}
<link rel="stylesheet" href="{{assets.css_store_css}}">
<script type="application/ld+json">{{{page.jsonLD}}}</script>
</head>
<body>
<header>
<a href="{{links.home}}">{{site.name}}</a>
<nav><a href="{{links.chooser}}">{{t.nav.regions}}</a>{{#locales}} <a href="{{url}}" hreflang="{{tag}}">{{name}}</a>{{/locales}}</nav>
</header>
<main>
{{$content}}
{{/content}}
</main>
<footer>
<span>{{region.name}}{{#region.taxNote}} · {{region.taxNote}}{{/region.taxNote}}</span>
<span>{{t.shopAs}}:{{#segments}} <a href="{{url}}">{{name}}</a>{{/segments}}</span>
</footer>
</body>
</html>

"""##),
        ("site-templates/pages/bundle.mustache", ##"""
{{<layouts/base}}
{{$content}}
{{#bundle}}
<h1>{{title}}</h1>
<p>{{description}}</p>
<p class="price">{{priceText}} <s>{{originalPriceText}}</s> · {{savingText}}</p>
<ul>
{{#items}}
<li>{{quantity}} × {{product.title}}</li>
{{/items}}
</ul>
{{/bundle}}
{{/content}}
{{/layouts/base}}

"""##),
        ("site-templates/pages/chooser.mustache", ##"""
{{<layouts/base}}
{{$content}}
<h1>{{site.name}}</h1>
<ul>
{{#regions}}
<li>{{name}}:{{#locales}} <a href="{{url}}">{{name}}</a>{{/locales}}</li>
{{/regions}}
</ul>
{{/content}}
{{/layouts/base}}

"""##),
        ("site-templates/pages/landing.mustache", ##"""
{{<layouts/base}}
{{$content}}
<h1>{{segment.headline}}</h1>
<p>{{segment.subline}} · {{t.products.heading}}</p>
<ul class="cards">
{{#products}}
{{>partials/product-card}}
{{/products}}
</ul>
{{#promotions}}
<p><a href="{{url}}">{{title}}</a>: {{discountText}}</p>
{{/promotions}}
{{#bundles}}
<p><a href="{{url}}">{{title}}</a>: {{priceText}} <s>{{originalPriceText}}</s></p>
{{/bundles}}
{{/content}}
{{/layouts/base}}

"""##),
        ("site-templates/pages/not-found.mustache", ##"""
{{! /404.html, served for any missing path: its links are absolute. }}
{{<layouts/base}}
{{$content}}
<h1>{{t.notFound.title}}</h1>
<p>{{t.notFound.text}}</p>
<p><a href="{{links.chooser}}">{{t.notFound.chooser}}</a></p>
{{/content}}
{{/layouts/base}}

"""##),
        ("site-templates/pages/promotion.mustache", ##"""
{{<layouts/base}}
{{$content}}
{{#promotion}}
<h1>{{title}}</h1>
<p>{{message}} · {{discountText}} · {{startsText}} – {{endsText}}{{#code}} · <code>{{code}}</code>{{/code}}</p>
<ul class="cards">
{{#products}}
{{>partials/product-card}}
{{/products}}
</ul>
{{/promotion}}
{{/content}}
{{/layouts/base}}

"""##),
        ("site-templates/pages/product.mustache", ##"""
{{<layouts/base}}
{{$content}}
{{#product}}
<nav><ol>{{#breadcrumbs}}<li>{{#url}}<a href="{{url}}">{{name}}</a>{{/url}}{{^url}}{{name}}{{/url}}</li>{{/breadcrumbs}}</ol></nav>
<h1>{{title}}</h1>
<img src="{{image.src}}" alt="{{image.alt}}" width="400" height="300">
<p>{{description}}</p>
<p class="price">{{price.text}}{{#originalPrice}} <s>{{text}}</s>{{/originalPrice}}{{#discount}} {{savingText}}{{/discount}}{{#inStock}} · {{stock.text}}{{/inStock}}</p>
<dl>{{#attributes}}<dt>{{name}}</dt><dd>{{value}}</dd>{{/attributes}}</dl>
{{#promotions}}
<p>{{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}: {{savingText}}</p>
{{/promotions}}
<ul class="cards">
{{#goesWellWith}}
{{>partials/product-card}}
{{/goesWellWith}}
</ul>
{{#boughtTogether}}
<p>{{#items}}{{quantityText}} {{product.title}} · {{/items}}{{priceText}}{{#hasSaving}} <s>{{originalPriceText}}</s> {{savingText}}{{/hasSaving}}</p>
{{/boughtTogether}}
{{#bundles}}
<p><a href="{{url}}">{{title}}</a>: {{priceText}}</p>
{{/bundles}}
{{/product}}
{{/content}}
{{/layouts/base}}

"""##),
        ("site-templates/partials/product-card.mustache", ##"""
<li class="card" data-rank="{{rank}}">
<img src="{{image.src}}" alt="{{image.alt}}" width="40" height="30">
<h2>{{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}</h2>
<p>{{brand}} · <span class="price">{{price.text}}{{#originalPrice}} <s>{{text}}</s>{{/originalPrice}}</span>{{#discount}} {{savingText}}{{/discount}}</p>
<ul class="why">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>
</li>

"""##),
    ]
}
