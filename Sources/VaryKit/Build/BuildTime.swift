import Foundation
import Intl

/// Instants as the command line reads and prints them.
public enum BuildTime {
    /// An ISO 8601 instant with an offset, as `--now` takes it.
    public static func parse(_ text: String) -> Date? { Instant.parse(text) }

    /// UTC ISO 8601, `2026-12-01T00:00:00Z`.
    public static func format(_ date: Date) -> String { Instant.format(date) }
}
