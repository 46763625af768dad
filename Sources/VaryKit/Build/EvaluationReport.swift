import Foundation
import Intl

extension Evaluation {
    /// Loads and validates the store in `directory`, then evaluates it (see `evaluate(_:cutoff:now:k:)`).
    public static func evaluate(content directory: String, cutoff: Date, now: Date, k: Int) -> Result<Evaluation, Explanation.Failure> {
        validatedContent(directory).map { evaluate($0, cutoff: cutoff, now: now, k: k) }
    }

    /// A table for the terminal: the figures of every method over all lists, then hit-rate per list.
    public var text: String {
        var lines = [
            "trained on \(trainingOrders) orders up to \(Instant.format(cutoff)), scored on \(testOrders) orders after it",
            String(
                format: "blend: α %.2f, k %.0f, β %.2f (%@)", weights.popularityShare, weights.shrinkage, weights.regionalShare,
                tuned ? "chosen on held-out recent orders" : "standard: no recent orders to choose by"),
            "",
            "method".padding(14) + "hit@\(k)".padding(9, left: true) + "prec@\(k)".padding(10, left: true)
                + "ndcg@\(k)".padding(10, left: true) + "coverage".padding(10, left: true) + "top cat".padding(9, left: true)
                + "lift".padding(8, left: true),
        ]
        for method in Method.allCases {
            guard let figures = total[method] else { continue }
            let lift = method == .segmentPages ? "" : String(format: "%.2f×", self.lift(over: method))
            lines.append(
                method.rawValue.padding(14) + String(format: "%.3f", figures.score.hitRate).padding(9, left: true)
                    + String(format: "%.3f", figures.score.meanPrecision).padding(10, left: true)
                    + String(format: "%.3f", figures.score.meanNDCG).padding(10, left: true)
                    + String(format: "%.1f%%", figures.coverage * 100).padding(10, left: true)
                    + String(format: "%.1f%%", figures.largestCategoryShare * 100).padding(9, left: true)
                    + lift.padding(8, left: true))
        }
        lines.append("lift: segment pages' hit-rate over the method's")
        lines.append("")
        lines.append(
            "region/segment".padding(28) + "customers".padding(10, left: true)
                + Method.allCases.map { $0.rawValue.padding(16, left: true) }.joined())
        for row in rows {
            var line = "\(row.audience.region)/\(row.audience.segment)".padding(28)
            line += "\(row.figures[.segmentPages]?.score.customers ?? 0)".padding(10, left: true)
            for method in Method.allCases {
                line += String(format: "%.3f", row.figures[method]?.score.hitRate ?? 0).padding(16, left: true)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Per segment over all its regions, the segment pages' and the merchant rules' hit-rate over the best sellers'
    /// (nil when the best sellers caught none of the segment's purchases, so no ratio says anything).
    public var segmentLifts: [(segment: String, customers: Int, pages: Double?, merchant: Double?)] {
        var sums: [String: [Method: ListScore]] = [:]
        for row in rows {
            for (method, figures) in row.figures {
                let sum = sums[row.audience.segment]?[method] ?? ListScore()
                sums[row.audience.segment, default: [:]][method] = sum + figures.score
            }
        }
        return sums.keys.sorted().map { segment in
            let scores = sums[segment]!
            let best = scores[.bestSellers]?.hitRate ?? 0
            func lift(_ method: Method) -> Double? { best > 0 ? (scores[method]?.hitRate ?? 0) / best : nil }
            return (segment, scores[.segmentPages]?.customers ?? 0, lift(.segmentPages), lift(.merchantRules))
        }
    }

    /// A bar chart of `segmentLifts` as a standalone SVG document, with a line at 1× (as good as the best sellers).
    public var chartSVG: String {
        let lifts = segmentLifts
        let rowHeight = 34.0, left = 170.0, width = 460.0, top = 54.0
        let maximum = max(2, (lifts.flatMap { [$0.pages ?? 0, $0.merchant ?? 0] }.max() ?? 1).rounded(.up))
        let height = top + Double(lifts.count) * rowHeight + 40
        func x(_ value: Double) -> Double { left + width * value / maximum }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(number(left + width + 70))" height="\(number(height))" \
            viewBox="0 0 \(number(left + width + 70)) \(number(height))" font-family="sans-serif" font-size="12">
            <title>Hit-rate@\(k) over the best sellers, per segment</title>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="10" y="20" font-size="14" font-weight="bold">Hit-rate@\(k) over the region's best sellers, per segment</text>
            <rect x="\(number(left))" y="30" width="12" height="10" fill="#1f6feb"/>
            <text x="\(number(left + 16))" y="39">segment pages</text>
            <rect x="\(number(left + 120))" y="30" width="12" height="10" fill="#b0b8c4"/>
            <text x="\(number(left + 136))" y="39">merchant rules only</text>

            """
        for (row, lift) in lifts.enumerated() {
            let y = top + Double(row) * rowHeight
            svg += "<text x=\"10\" y=\"\(number(y + 15))\">\(MarkupText.escape(lift.segment)) (\(lift.customers))</text>\n"
            guard let pages = lift.pages, let merchant = lift.merchant else {
                svg += "<text x=\"\(number(left + 4))\" y=\"\(number(y + 15))\" fill=\"#57606a\">no lift: the best sellers caught none of its purchases</text>\n"
                continue
            }
            svg += """
                <rect x="\(number(left))" y="\(number(y + 2))" width="\(number(x(pages) - left))" height="13" fill="#1f6feb"/>
                <text x="\(number(x(pages) + 4))" y="\(number(y + 13))">\(String(format: "%.2f×", pages))</text>
                <rect x="\(number(left))" y="\(number(y + 16))" width="\(number(x(merchant) - left))" height="11" fill="#b0b8c4"/>
                <text x="\(number(x(merchant) + 4))" y="\(number(y + 26))">\(String(format: "%.2f×", merchant))</text>

                """
        }
        let bottom = top + Double(lifts.count) * rowHeight
        svg += """
            <line x1="\(number(x(1)))" y1="\(number(top - 4))" x2="\(number(x(1)))" y2="\(number(bottom))" stroke="#d1242f" stroke-dasharray="4 3"/>
            <text x="\(number(x(1) - 12))" y="\(number(bottom + 16))" fill="#d1242f">1× = best sellers</text>
            </svg>

            """
        return svg
    }
}

extension String {
    /// The string padded with spaces to `width` characters, on the right or (for numbers) on the left.
    fileprivate func padding(_ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - count))
        return left ? fill + self : self + fill
    }
}
