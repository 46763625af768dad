import Foundation
import Testing
@testable import VaryKit

@Suite("The build report")
struct BuildReportTests {
    let report = BuildReport(
        pagesByKind: ["landing": 12, "bundle": 3],
        written: 4, unchanged: 10, removed: 1,
        skipped: [
            .init(kind: "bundle", id: "ski-set", region: "jp", reason: "item boots is not sold in jp"),
            .init(kind: "bundle", id: "camp-set", reason: "no segment"),
        ],
        warnings: ["b.json: warning: two", "a.json: warning: one"],
        timings: [.init(stage: "render", milliseconds: 1234)],
        nextSchedule: [
            Date(timeIntervalSince1970: 1_796_083_200),  // 2026-12-01T00:00:00Z
            Date(timeIntervalSince1970: 1_795_651_200.75),  // 2026-11-26T00:00:00.75Z
            Date(timeIntervalSince1970: 1_796_083_200),
        ],
        translations: ["nl-NL": ["vary": .init(exact: 17), "promotions": .init(exact: 3, fallback: 1)]])

    @Test("the report file has sorted keys, sorted items, UTC instants and no timings")
    func fileForm() {
        let expected = """
            {
              "nextSchedule" : [
                "2026-11-26T00:00:00Z",
                "2026-12-01T00:00:00Z"
              ],
              "pagesByKind" : {
                "bundle" : 3,
                "landing" : 12
              },
              "removed" : 1,
              "skipped" : [
                {
                  "id" : "camp-set",
                  "kind" : "bundle",
                  "reason" : "no segment"
                },
                {
                  "id" : "ski-set",
                  "kind" : "bundle",
                  "reason" : "item boots is not sold in jp",
                  "region" : "jp"
                }
              ],
              "translations" : {
                "nl-NL" : {
                  "promotions" : {
                    "exact" : 3,
                    "fallback" : 1,
                    "missing" : 0
                  },
                  "vary" : {
                    "exact" : 17,
                    "fallback" : 0,
                    "missing" : 0
                  }
                }
              },
              "unchanged" : 10,
              "varyVersion" : "0.1.0",
              "warnings" : [
                "a.json: warning: one",
                "b.json: warning: two"
              ],
              "written" : 4
            }

            """
        #expect(String(decoding: report.json(), as: UTF8.self) == expected)
    }

    @Test("warnings written into the report are escaped exactly as the JSON encoder escapes them")
    func warningsAsTheEncoderWritesThem() {
        var tricky = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        tricky += "\" quote \\ backslash / slash é \u{2028} \u{7F} \u{FEFF} 😀"
        let warnings = ["warnings", tricky, "content/products.json:3:5: warning: \"title\" falls back to en", ""].sorted()
        let report = BuildReport(
            pagesByKind: ["landing": 1], skipped: [.init(kind: "bundle", id: "warnings", reason: "warnings")],
            warnings: warnings, translations: ["de-DE": ["vary": .init(exact: 1)]])
        #expect(report.json() == DeterministicJSON.encode(report))
        let reversed = BuildReport(pagesByKind: ["landing": 1], warnings: warnings.reversed())
        #expect(reversed.json() == DeterministicJSON.encode(BuildReport(pagesByKind: ["landing": 1], warnings: warnings)))
    }

    @Test("timings appear only when asked for")
    func timings() {
        let text = String(decoding: report.json(includingTimings: true), as: UTF8.self)
        #expect(text.contains("\"stage\" : \"render\""))
        #expect(text.contains("\"milliseconds\" : 1234"))
        #expect(!String(decoding: report.json(), as: UTF8.self).contains("timings"))
    }

    @Test("a report reads back from its JSON")
    func roundTrip() throws {
        let decoded = try JSONDecoder().decode(BuildReport.self, from: Data(report.json(includingTimings: true)))
        #expect(decoded.timings == report.timings)
        #expect(decoded.skipped == report.skipped.sorted())
        #expect(decoded.nextSchedule.map(BuildReport.instantText) == ["2026-11-26T00:00:00Z", "2026-12-01T00:00:00Z"])
    }

    @Test("a schedule instant that is not ISO 8601 is a decoding error")
    func badInstant() {
        let text = #"{"pagesByKind":{},"written":0,"unchanged":0,"removed":0,"skipped":[],"warnings":[],"nextSchedule":["soon"]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BuildReport.self, from: Data(text.utf8)) }
    }

    @Test("recording a commit's summary sets the three counts")
    func record() {
        var report = BuildReport()
        report.record(EmitSummary(writtenPaths: ["b", "a"], removedPaths: ["c"], unchanged: 7))
        #expect((report.written, report.unchanged, report.removed) == (2, 7, 1))
    }

    @Test("a report written from diagnostics has the bytes of the same report holding their descriptions")
    func warningsFromDiagnostics() {
        // Lines 9 and 10 sort the other way as text; two warnings share a place and differ in their messages;
        // one has a hint, one is traced to pages, one has a non-ASCII path.
        var traced = Diagnostic(.warning, file: "content/b.json", line: 3, column: 1, path: "x", message: "shown")
        traced.pages = 2
        traced.examplePage = "output/a/index.html"
        let cases: [[Diagnostic]] = [
            [
                Diagnostic(.warning, file: "content/catalog/products.json", line: 9, column: 1, path: "products[7].title", message: "no text for de"),
                Diagnostic(.warning, file: "content/catalog/products.json", line: 10, column: 1, path: "products[8].title", message: "no text for \"fr\""),
                Diagnostic(.warning, file: "content/bundles.json", line: 1, column: 20, path: "bundles[0].title", message: "used en"),
                Diagnostic(.warning, file: "content/bundles.json", line: 1, column: 20, path: "bundles[0].title", message: "used de"),
                Diagnostic(.warning, file: "content/bundles.json", line: 1, column: 2, path: "bundles[0]", message: "z", hint: "did you mean 'y'?"),
                Diagnostic(.warning, file: "content/site.json", message: "no line"),
                traced,
            ],
            [
                Diagnostic(.warning, file: "content/catalog/produits.json", line: 2, column: 1, path: "produits[0].títre", message: "b"),
                Diagnostic(.warning, file: "content/catalog/produits.json", line: 1, column: 1, path: "produits[0].titre", message: "a"),
            ],
            [],
        ]
        for diagnostics in cases {
            var described = report
            described.warnings = diagnostics.map(\.description)
            var bare = report
            bare.warnings = []
            #expect(bare.json(warnings: diagnostics) == described.json())
            #expect(bare.json(includingTimings: true, warnings: diagnostics) == described.json(includingTimings: true))
        }
    }

    @Test("a report written in pieces as it is made has the bytes of the whole report, in pieces of about a megabyte")
    func writtenInPieces() throws {
        var report = BuildReport(pagesByKind: ["landing": 3], skipped: [BuildReport.Skipped(kind: "bundle", id: "b", reason: "r")])
        report.written = 4
        // About 3 MB of warnings, with the order of their lines unlike the order of their texts.
        let diagnostics = (0..<12_000).map { index in
            Diagnostic(.warning, file: "content/locales/en.json", line: 12_000 - index, column: 3, path: "k\(index)",
                       message: "no text for " + String(repeating: "de-DE, ", count: 30) + "used en (\(index) pages)")
        }
        var pieces: [[UInt8]] = []
        try report.write(warnings: diagnostics, to: { pieces.append($0) })
        #expect(pieces.count >= 3)
        #expect(pieces.dropLast().allSatisfy { $0.count >= 1 << 20 && $0.count < (1 << 20) + 4096 })
        #expect(Array(pieces.joined()) == report.json(warnings: diagnostics))
        var single: [[UInt8]] = []
        try report.write(warnings: Array(diagnostics.prefix(2)), to: { single.append($0) })
        #expect(single == [report.json(warnings: Array(diagnostics.prefix(2)))])
    }

    @Test("a failure to take a piece of the report stops its writing with that error")
    func pieceFails() {
        struct Full: Error {}
        let diagnostics = (0..<12_000).map { index in
            Diagnostic(.warning, file: "content/a.json", line: index + 1, column: 1, path: "p", message: String(repeating: "x", count: 300))
        }
        var taken = 0
        #expect(throws: Full.self) {
            try BuildReport().write(warnings: diagnostics, to: { _ in
                taken += 1
                throw Full()
            })
        }
        #expect(taken == 1)
    }
}
