import DataFormats
import Foundation
import Testing
@testable import VaryKit

@Suite("Check: JSON-LD read without Foundation")
struct StrictProductsTests {
    /// The problems Foundation's reading gives, as `StructuredDataRules` finds them.
    private func foundationProblems(_ text: String) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return StructuredDataRules.products(in: json, path: "").flatMap { path, product in
            StructuredDataRules.problems(ofProduct: product, path: path).map { "\($0.path): \($0.message)" }
        }
    }

    private func strictProblems(_ text: String) -> [String]? {
        StrictProducts.products(in: text, path: "")?.flatMap { path, product in
            product.problems(path: path).map { "\($0.path): \($0.message)" }
        }
    }

    @Test("well-formed JSON-LD gives the same products and problems as Foundation's reading")
    func sameAsFoundation() throws {
        let texts = [
            #"{"@context":"https://schema.org","@graph":[{"@type":"Product","name":"Jacke","offers":{"@type":"Offer","price":"119.00","priceCurrency":"EUR"}}]}"#,
            #"[{"@type":"Product"},{"@type":"Product","name":" Hut ","offers":{"price":"19,99","priceCurrency":"EUR"}}]"#,
            #"{"@graph":[{"@type":"WebPage"},{"@type":"Product","name":"Jacke","offers":{"priceCurrency":"eur"}}]}"#,
            #"{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":["Product"],"name":"M\u00fctze","offers":[{"price":24,"priceCurrency":"EUR"},7,{"price":null}]}}]}"#,
            #"{"@type":"ProductGroup","hasVariant":[{"@type":"Product","name":"S","offers":{"@type":"AggregateOffer","lowPrice":"9.5","priceCurrency":"KWD"}},{"@type":"Product","name":"M","offers":{"@type":"AggregateOffer","price":{"a":1},"priceCurrency":"XYZ"}}]}"#,
            #"{"@type":"Product","name":"\u003cb\u003e","mainEntity":{"@type":"Product","name":"","offers":[]},"offers":"none"}"#,
            #"{"@graph":[{"@type":"Product","name":"Zelt","description":"a \"quoted\" \u003cb\u003e \ud83d\ude00\n\/\t","isAccessible":true,"#
                + #""weight":{"value":-1.5,"unit":null,"list":[0,{},[],"x"]},"offers":{"@type":"Offer","price":"1","priceCurrency":"EUR","eligible":false}},"#
                + #"{"@type":"Product","name":"Tasse \"Berg\" \u00e9 \ud83d\ude00","offers":[{"price":-0.25,"priceCurrency":"\u0045UR"}]}]}"#,
            " \n\t{ \"@type\" : \"Product\" , \"name\" : \"Ein Hut\" , \"offers\" : [ ] }\r\n",
            #""just a string""#,
            #"[]"#,
        ]
        for text in texts {
            #expect(strictProblems(text) == (try foundationProblems(text)), "\(text)")
        }
    }

    @Test("JSON-LD the two readings might read differently is left to Foundation")
    func declines() {
        let texts = [
            #"{"@type":"Product","name":"A","name":"B"}"#,
            "\u{FEFF}{\"@type\":\"Product\"}",
            #"{"@type":"Product","offers":{"price":1e400,"priceCurrency":"EUR"}}"#,
            #"{"@type":"Product","offers":{"price":12345678901234567890,"priceCurrency":"EUR"}}"#,
            #"{"@type":"Product","name":true}"#,
            #"{"@type":"Product","offers":{"price":true,"priceCurrency":"EUR"}}"#,
            #"[{"@type":"Product"},]"#,
            #"{"@type":"Product""#,
            String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
            #"{"brand":{"name":false},"@type":"Product"}"#,
            #"{"@type":"Product","weight":1e3}"#,
            #"{"@type":"Product","n\u0061me":"A"}"#,
            #"{"@type":"Product","größe":"M"}"#,
        ]
        for text in texts {
            #expect(strictProblems(text) == nil, "\(text)")
        }
    }

    @Test("text that is not JSON is left to Foundation, which explains it")
    func declinesMalformed() {
        let texts = [
            "", " ", #"{"a":"\x"}"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00\ud800"}"#, #"{"a":"\u12g4"}"#, #"{"a":01}"#, #"{"a":-}"#,
            #"{"a":1.}"#, #"{"a":tru}"#, #"{"a":nul}"#, #"{"a":1}x"#, "{\"a\":\"x\u{01}y\"}", "{\"a\":\"x\ny\"}", #"{"a":1,}"#,
            #"{,}"#, #"{"a" 1}"#, #"[1 2]"#, #"[,1]"#, #"{"a":1"#, #"{"a":"x"#, #"{a:1}"#, #"'x'"#, "[1]]",
        ]
        for text in texts {
            #expect(strictProblems(text) == nil, "\(text)")
            #expect(throws: (any Error).self, "\(text)") { try JSON.parse(text) }
        }
    }

    @Test("a price is a decimal exactly when it is digits with an optional fraction, in ASCII")
    func decimalPrices() {
        for price in ["19.99", "1800", "0", "1.543", "007.0"] { #expect(StructuredDataRules.isDecimal(price), "\(price)") }
        for price in ["", ".", "1.", ".5", "1.2.3", "19,99", "-1", "+1", "1e3", " 1", "١٢", "1\u{301}", "1.\u{301}5", "1\r\n"] {
            #expect(!StructuredDataRules.isDecimal(price), "\(price)")
        }
    }

    @Test("a URL's scheme is read lower-cased, as characters where a non-ASCII one follows the colon")
    func schemes() {
        let expected: [(String, String?)] = [
            ("https://a", "https"), ("HTTP://a", "http"), ("JavaScript:x", "javascript"), ("mailto:a@b", "mailto"),
            ("web+app.v2-x:y", "web+app.v2-x"), ("data:", "data"), ("/a:b", nil), ("1a:b", nil), (":x", nil), ("a", nil),
            ("dé:x", nil), ("a b:x", nil), ("", nil), ("a:\u{301}x", nil), ("ab:é", "ab"),
        ]
        for (url, scheme) in expected { #expect(LinkTarget.scheme(of: url) == scheme, "\(url)") }
    }

    @Test("hreflang tags are judged the same whether read as bytes or as characters")
    func hreflangBytes() {
        let valid = ["de", "de-DE", "zh-Hant-TW", "es-419", "x-default", "X-Default", "sl-rozaj", "de-CH-1901", "gsw"]
        let invalid = ["", "d", "deutsch", "de_DE", "de-", "-de", "de-DEU", "de-12", "de-CH-190", "x-defaults", "dé", "de-D3"]
        for tag in valid { #expect(LanguageTag.isValidHreflang(tag), "\(tag)") }
        for tag in invalid { #expect(!LanguageTag.isValidHreflang(tag), "\(tag)") }
    }

    @Test("rel tokens are found in any case and white space, in ASCII and beyond")
    func relationTokens() {
        #expect(AlternateRules.relations("alternate") == (true, false))
        #expect(AlternateRules.relations(" ALTERNATE\tcanonical\n") == (true, true))
        #expect(AlternateRules.relations("alternates canonicalx") == (false, false))
        #expect(AlternateRules.relations("stylesheet") == (false, false))
        #expect(AlternateRules.relations("Alternate\u{2003}Canonical") == (true, true))
    }
}

@Suite("Check: the page scanner's name tests")
struct ScannerNameTests {
    @Test("the compared name tests answer as the sets they stand for")
    func sameAsSets() {
        let others = ["div", "span", "p", "meta", "h2", "style", "textarea", "xmp", "noembed", "noframes", "HTML", "", "ab", "id",
                      "onclick", "srcset", "alt", "class"]
        for name in Array(PageScanner.keptNames) + Array(TagBalance.rawText) + Array(ScriptRules.urlAttributes) + others {
            #expect(PageScanner.isKept(name) == PageScanner.keptNames.contains(name), "\(name)")
            #expect(PageScanner.isRawText(name) == TagBalance.rawText.contains(name), "\(name)")
            #expect(PageScanner.isURLAttribute(name) == ScriptRules.urlAttributes.contains(name), "\(name)")
            // The scanner tests names packed, upper case lowered as it lowers names.
            for spelling in [name, name.uppercased()] {
                let packed = PackedName(Array(spelling.utf8)), lowered = name.lowercased()
                #expect(PageScanner.isKept(packed) == PageScanner.keptNames.contains(lowered), "\(spelling)")
                #expect(PageScanner.isRawText(packed) == TagBalance.rawText.contains(lowered), "\(spelling)")
                #expect(PageScanner.isURLAttribute(packed) == ScriptRules.urlAttributes.contains(lowered), "\(spelling)")
            }
        }
        for name in ScriptRules.urlAttributes { #expect(PageScanner.hasURLAttributeLength(name.utf8.count), "\(name)") }
        #expect(PageScanner.isKept(PackedName(Array("html\u{0}".utf8))) == false)
        #expect(PackedName(Array("a-name-of-16-byt".utf8)) == nil)
    }
}

@Suite("Check: the link rule's attribute table")
struct FollowedAttributeTests {
    @Test("the compared attribute table answers as the dictionary it stands for")
    func sameAsDictionary() {
        for name in Array(LinkRules.linkAttributes.keys) + ["div", "span", "meta", "A", "", "base"] {
            #expect(LinkRules.followed(name) == LinkRules.linkAttributes[name], "\(name)")
        }
    }
}
