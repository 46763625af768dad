/// How big the synthetic store is: regions × locales × segments landing pages over a catalog.
struct StoreShape {
    var name: String
    var regions: Int
    var localesPerRegion: Int
    var segments: Int
    var products: Int
    /// `site.json` `productPages`: off unless `--product-pages` asks, so the shapes keep the page counts they had
    /// before product pages existed (with them, pages grow by products × region-locales).
    var productPages = "false"

    /// The named shapes: `small` for quick runs, `mid` the mid-size shop of issue 8, `large` its 10,000-product
    /// catalog, `wide` the earlier default (100 segments).
    static let named: [String: StoreShape] = [
        "small": StoreShape(name: "small", regions: 7, localesPerRegion: 2, segments: 3, products: 200),
        "mid": StoreShape(name: "mid", regions: 25, localesPerRegion: 8, segments: 12, products: 2_000),
        "large": StoreShape(name: "large", regions: 50, localesPerRegion: 10, segments: 20, products: 10_000),
        "wide": StoreShape(name: "wide", regions: 25, localesPerRegion: 4, segments: 100, products: 2_000),
    ]

    /// Landing pages the plan will hold: one per region, locale and segment.
    var landingPages: Int { regions * localesPerRegion * segments }
}

/// A market of the synthetic store.
struct RegionSeed {
    var id: String
    var country: String
    var currency: String
    var timeZone: String
    /// Languages in order of preference; the region's locales are these with the country (`de-AT`).
    var languages: [String]
}

/// Fixed vocabulary the generator draws from.
enum Vocabulary {
    static let languages = ["en", "de", "fr", "es", "it", "nl", "ja", "ar", "pt", "sv"]

    /// Languages without a message file in the sample store; the benchmark gives them a copy of `en.json`.
    static let extraLanguages = ["pt", "sv"]

    static let regions: [RegionSeed] = [
        RegionSeed(id: "us", country: "US", currency: "USD", timeZone: "America/New_York", languages: ["en", "es", "fr", "de"]),
        RegionSeed(id: "ca", country: "CA", currency: "CAD", timeZone: "America/Toronto", languages: ["en", "fr", "es", "de"]),
        RegionSeed(id: "mx", country: "MX", currency: "MXN", timeZone: "America/Mexico_City", languages: ["es", "en", "fr", "de"]),
        RegionSeed(id: "br", country: "BR", currency: "BRL", timeZone: "America/Sao_Paulo", languages: ["es", "en", "it", "fr"]),
        RegionSeed(id: "uk", country: "GB", currency: "GBP", timeZone: "Europe/London", languages: ["en", "fr", "de", "es"]),
        RegionSeed(id: "ie", country: "IE", currency: "EUR", timeZone: "Europe/Dublin", languages: ["en", "fr", "de", "es"]),
        RegionSeed(id: "de", country: "DE", currency: "EUR", timeZone: "Europe/Berlin", languages: ["de", "en", "fr", "nl"]),
        RegionSeed(id: "at", country: "AT", currency: "EUR", timeZone: "Europe/Vienna", languages: ["de", "en", "it", "fr"]),
        RegionSeed(id: "ch", country: "CH", currency: "CHF", timeZone: "Europe/Zurich", languages: ["de", "fr", "it", "en"]),
        RegionSeed(id: "fr", country: "FR", currency: "EUR", timeZone: "Europe/Paris", languages: ["fr", "en", "de", "es"]),
        RegionSeed(id: "be", country: "BE", currency: "EUR", timeZone: "Europe/Brussels", languages: ["nl", "fr", "de", "en"]),
        RegionSeed(id: "nl", country: "NL", currency: "EUR", timeZone: "Europe/Amsterdam", languages: ["nl", "en", "de", "fr"]),
        RegionSeed(id: "es", country: "ES", currency: "EUR", timeZone: "Europe/Madrid", languages: ["es", "en", "fr", "de"]),
        RegionSeed(id: "pt", country: "PT", currency: "EUR", timeZone: "Europe/Lisbon", languages: ["es", "en", "fr", "de"]),
        RegionSeed(id: "it", country: "IT", currency: "EUR", timeZone: "Europe/Rome", languages: ["it", "en", "de", "fr"]),
        RegionSeed(id: "se", country: "SE", currency: "SEK", timeZone: "Europe/Stockholm", languages: ["en", "de", "fr", "nl"]),
        RegionSeed(id: "no", country: "NO", currency: "NOK", timeZone: "Europe/Oslo", languages: ["en", "de", "fr", "es"]),
        RegionSeed(id: "dk", country: "DK", currency: "DKK", timeZone: "Europe/Copenhagen", languages: ["en", "de", "nl", "fr"]),
        RegionSeed(id: "pl", country: "PL", currency: "PLN", timeZone: "Europe/Warsaw", languages: ["en", "de", "fr", "it"]),
        RegionSeed(id: "jp", country: "JP", currency: "JPY", timeZone: "Asia/Tokyo", languages: ["ja", "en", "fr", "de"]),
        RegionSeed(id: "kr", country: "KR", currency: "KRW", timeZone: "Asia/Seoul", languages: ["en", "ja", "fr", "de"]),
        RegionSeed(id: "au", country: "AU", currency: "AUD", timeZone: "Australia/Sydney", languages: ["en", "ja", "fr", "de"]),
        RegionSeed(id: "nz", country: "NZ", currency: "NZD", timeZone: "Pacific/Auckland", languages: ["en", "fr", "de", "ja"]),
        RegionSeed(id: "kw", country: "KW", currency: "KWD", timeZone: "Asia/Kuwait", languages: ["ar", "en", "fr", "de"]),
        RegionSeed(id: "ae", country: "AE", currency: "AED", timeZone: "Asia/Dubai", languages: ["ar", "en", "fr", "de"]),
    ]

    /// Units of each currency per US dollar, roughly, and its minor-unit digits.
    static let currencies: [String: (rate: Double, digits: Int)] = [
        "USD": (1, 2), "CAD": (1.37, 2), "MXN": (17.5, 2), "BRL": (5.1, 2), "GBP": (0.79, 2), "EUR": (0.92, 2),
        "CHF": (0.88, 2), "SEK": (10.6, 2), "NOK": (10.8, 2), "DKK": (6.9, 2), "PLN": (4.0, 2), "JPY": (150, 0),
        "KRW": (1330, 0), "AUD": (1.52, 2), "NZD": (1.66, 2), "KWD": (0.308, 3), "AED": (3.67, 2),
    ]

    /// Top-level categories, each with four subcategories and a noun per language for product titles.
    static let categories: [(top: String, subs: [String], noun: [String: String])] = [
        ("apparel", ["jackets", "fleece", "base-layers", "pants"],
         ["en": "Jacket", "de": "Jacke", "fr": "Veste", "es": "Chaqueta", "it": "Giacca", "nl": "Jas", "ja": "ジャケット", "ar": "سترة"]),
        ("footwear", ["boots", "trail-runners", "sandals", "approach"],
         ["en": "Boot", "de": "Stiefel", "fr": "Chaussure", "es": "Bota", "it": "Scarpone", "nl": "Schoen", "ja": "ブーツ", "ar": "حذاء"]),
        ("camping", ["tents", "sleeping-bags", "pads", "furniture"],
         ["en": "Tent", "de": "Zelt", "fr": "Tente", "es": "Tienda", "it": "Tenda", "nl": "Tent", "ja": "テント", "ar": "خيمة"]),
        ("cooking", ["stoves", "cookware", "filters", "food"],
         ["en": "Stove", "de": "Kocher", "fr": "Réchaud", "es": "Hornillo", "it": "Fornello", "nl": "Brander", "ja": "ストーブ", "ar": "موقد"]),
        ("climbing", ["ropes", "harnesses", "protection", "shoes"],
         ["en": "Rope", "de": "Seil", "fr": "Corde", "es": "Cuerda", "it": "Corda", "nl": "Touw", "ja": "ロープ", "ar": "حبل"]),
        ("packs", ["daypacks", "backpacking", "travel", "hydration"],
         ["en": "Pack", "de": "Rucksack", "fr": "Sac", "es": "Mochila", "it": "Zaino", "nl": "Rugzak", "ja": "パック", "ar": "حقيبة"]),
        ("snow", ["skis", "avalanche", "snowshoes", "goggles"],
         ["en": "Ski", "de": "Ski", "fr": "Ski", "es": "Esquí", "it": "Sci", "nl": "Ski", "ja": "スキー", "ar": "زلاجة"]),
        ("cycling", ["lights", "bags", "helmets", "tools"],
         ["en": "Light", "de": "Leuchte", "fr": "Lampe", "es": "Luz", "it": "Luce", "nl": "Lamp", "ja": "ライト", "ar": "ضوء"]),
        ("water", ["kayaks", "paddles", "dry-bags", "pfds"],
         ["en": "Paddle", "de": "Paddel", "fr": "Pagaie", "es": "Remo", "it": "Pagaia", "nl": "Peddel", "ja": "パドル", "ar": "مجداف"]),
        ("accessories", ["headwear", "gloves", "socks", "electronics"],
         ["en": "Beanie", "de": "Mütze", "fr": "Bonnet", "es": "Gorro", "it": "Berretto", "nl": "Muts", "ja": "ビーニー", "ar": "قبعة"]),
    ]

    static let brands = [
        "Northcairn", "Fjellrand", "Tidewater", "Summit", "Blaze", "Ridgeway", "Alpenglow", "Kestrel", "Morrow",
        "Talus", "Scree", "Lumen", "Driftwood", "Ironpeak", "Cairnline", "Sólstice", "Bergwald", "Nordvik",
        "Redrock", "Glacier", "Windward", "Harbor", "Pinecrest", "Outpost", "Canyon", "Trailhead", "Larch",
        "Meridian", "Halcyon", "Basalt",
    ]

    static let tags = [
        "winter", "summer", "spring", "autumn", "snow", "rain", "sun", "desert", "waterproof", "windproof",
        "ultralight", "merino", "down", "recycled", "vegan", "kids", "bestseller", "new", "alpine", "trail",
        "urban", "family", "expedition", "budget", "premium", "women", "men", "unisex", "insulated", "breathable",
        "packable", "durable", "reflective", "quick-dry", "organic", "repairable", "travel", "camp", "climb", "paddle",
    ]

    static let adjectives = [
        "Alpine", "Ridge", "Canyon", "Summit", "Glacier", "Tundra", "Harbor", "Coastal", "Granite", "Aurora",
        "Cedar", "Boreal", "Mesa", "Fjord", "Delta", "Highline", "Basecamp", "Switchback", "Traverse", "Horizon",
    ]

    static let descriptions: [String: [String]] = [
        "en": ["Built for long days on the trail and cold nights at camp.", "Tested by our staff from the coast to the high passes.",
               "Packs small, dries fast and shrugs off a sudden shower.", "A dependable piece of kit that is easy to repair and made to last."],
        "de": ["Gebaut für lange Tage auf dem Weg und kalte Nächte im Lager.", "Von unserem Team von der Küste bis zu den Pässen getestet.",
               "Klein verpackt, schnell trocken und unbeeindruckt vom Schauer.", "Ein verlässliches Stück Ausrüstung, leicht zu reparieren."],
        "fr": ["Conçu pour les longues journées sur le sentier et les nuits froides au camp.",
               "Testé par notre équipe de la côte jusqu’aux grands cols.",
               "Se range petit, sèche vite et résiste à l’averse.", "Un équipement fiable, facile à réparer et fait pour durer."],
    ]
}
