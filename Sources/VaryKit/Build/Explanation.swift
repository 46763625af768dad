import Foundation
import Intl

/// `vary explain`: the ranking of one landing page with each product's score, its parts and its reasons.
public struct Explanation: Sendable {
    /// One ranked product.
    public struct Row: Sendable {
        public var rank: Int
        public var id: String
        public var title: String
        public var score: Double
        public var price: String
        public var parts: [(name: String, value: Double)]
        public var reasons: [String]
        /// What the segment's orders in the region say of the product (counts only), when they say anything.
        public var evidence: LearnedEvidence?
        /// The title of `evidence.boughtWith`.
        public var boughtWithTitle: String?
    }

    /// Why an explanation could not be made.
    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    public var heading: String
    /// What the page learned from the segment's orders in the region, when it has any.
    public var learning: String?
    public var rows: [Row]

    /// A readable table: one product per line, then its score parts and reasons.
    public var text: String {
        var lines = [heading]
        if let learning { lines.append(learning) }
        for row in rows {
            lines.append(String(format: "%3d. %@  %@  score %.3f  %@", row.rank, row.id, row.title, row.score, row.price))
            let parts = row.parts.filter { $0.value != 0 }.map { String(format: "%@ %+.3f", $0.name, $0.value) }
            if !parts.isEmpty { lines.append("       " + parts.joined(separator: ", ")) }
            if let evidence = row.evidence {
                var text = evidence.customers > 0
                    ? "       learned: \(evidence.orders) orders by \(evidence.customers) customers of the segment here"
                    : "       learned: from the segment's orders in other regions or what is bought with them"
                if let other = evidence.boughtWith { text += "; bought with \(other) (\(row.boughtWithTitle ?? other))" }
                lines.append(text)
            }
            for reason in row.reasons { lines.append("       · \(reason)") }
        }
        return lines.joined(separator: "\n")
    }

    /// Loads and validates the content, then ranks the page of `region`, `locale` and `segment` at `now`.
    public static func explain(content directory: String, region: String, locale: String, segment: String, now: Date)
        -> Result<Explanation, Failure>
    {
        let content: StoreContent
        switch validatedContent(directory) {
        case .failure(let failure): return .failure(failure)
        case .success(let loaded): content = loaded
        }

        func unknown(_ kind: String, _ id: String, _ known: [String]) -> Result<Explanation, Failure> {
            .failure(Failure(diagnostics: [Diagnostic(
                file: directory, message: "unknown \(kind) '\(id)'",
                hint: Suggestion.hint(for: id, among: known) ?? "known: \(known.joined(separator: ", "))")]))
        }
        guard let theRegion = content.regions.first(where: { $0.id == region }) else {
            return unknown("region", region, content.regions.map(\.id))
        }
        guard let tag = theRegion.locales.first(where: { $0.lowercased() == locale.lowercased() }) else {
            return unknown("locale of region '\(region)'", locale, theRegion.locales)
        }
        guard let theSegment = content.segments.first(where: { $0.id == segment }) else {
            return unknown("segment", segment, content.segments.map(\.id))
        }

        let page = PageSpec(kind: .landing, region: region, locale: tag,
                            segment: segment == content.site.defaultSegment.id ? nil : segment)
        let inputs = BuildInputs(content: content, now: now, pages: [page], assetURLs: [:], bundles: [:])
        let pageLocale = PageLocale(tag: tag, region: theRegion, inputs: inputs)
        let cards = CardBuilder(inputs: inputs, locale: pageLocale, pagePath: page.path)
        let audience = PageAudience(region: theRegion, localeTag: tag, segment: theSegment)
        let ranked = rank(
            using: inputs.ranking, audience: audience, promotions: activePromotions(inputs.activePromotions, for: audience, at: now),
            popularity: inputs.popularity, limit: content.site.recommendations)
        func title(_ id: String) -> String {
            inputs.productsByID[id].map { pageLocale.text($0.title, defaultTag: content.site.defaultLocale) } ?? id
        }
        let rows = ranked.map { item in
            Row(
                rank: item.rank, id: item.product.id, title: title(item.product.id),
                score: item.score, price: pageLocale.money.string(item.price.final),
                parts: item.breakdown.parts, reasons: item.reasons.map(cards.reasonText),
                evidence: item.evidence, boughtWithTitle: item.evidence?.boughtWith.map(title))
        }
        let heading = "\(page.path) at \(Instant.format(now)): \(rows.count) products"
        return .success(Explanation(heading: heading, learning: inputs.learned.summary(for: audience), rows: rows))
    }
}

/// The store in `directory`, loaded and validated, or every error that stops it.
func validatedContent(_ directory: String) -> Result<StoreContent, Explanation.Failure> {
    let source: SourceFiles
    do {
        source = try SourceFiles.read(directory: URL(fileURLWithPath: directory), displayName: directory)
    } catch {
        return .failure(.init(diagnostics: [Diagnostic(file: directory, message: "cannot read: \(error.localizedDescription)")]))
    }
    let (loaded, diagnostics) = ContentLoader.load(source)
    guard let content = loaded else { return .failure(.init(diagnostics: diagnostics)) }
    let problems = ContentValidator.validate(content, assets: nil).filter { $0.severity == .error }
    guard problems.isEmpty else { return .failure(.init(diagnostics: problems)) }
    return .success(content)
}

extension ScoreBreakdown {
    /// The score's named parts in the order `vary explain` prints them; diversity as the change it made.
    var parts: [(name: String, value: Double)] {
        [("affinity", affinity), ("popularity", popularity), ("trending", trending),
         ("segment orders", segmentOrders), ("bought together", boughtTogether), ("season", season),
         ("promotion", promotion), ("diversity", total - base)]
    }
}
