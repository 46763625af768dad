import Foundation
import Testing
@testable import Intl

@Suite("A number formatter's layouts")
struct NumberLayoutTests {
    func formatter(_ tag: String) -> NumberFormatter {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: tag)
        formatter.numberStyle = .decimal
        return formatter
    }

    @Test("a formatter kept across layouts of several scales lays each out as a fresh formatter does")
    func keptFormatter() {
        for tag in ["de-DE", "en-US", "ar-EG"] {
            let kept = formatter(tag)
            for (digits, scale) in [(1, 2), (4, 2), (3, 0), (2, 3), (5, 2), (1, 0)] {
                let fresh = formatter(tag).layout(isNegative: false, integerDigits: digits, scale: scale)
                #expect(kept.layout(isNegative: false, integerDigits: digits, scale: scale) == fresh, "\(tag) \(digits) \(scale)")
                #expect(kept.layout(isNegative: true, integerDigits: digits, scale: scale)
                    == formatter(tag).layout(isNegative: true, integerDigits: digits, scale: scale))
            }
        }
    }
}
