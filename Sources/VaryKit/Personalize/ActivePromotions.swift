import Foundation

/// The promotions running at `now` that target the audience's segment, region and locale, in their input order.
///
/// A promotion is running when `starts ≤ now < ends`: one ending exactly at `now` is over, one starting
/// exactly at `now` is on. Absent targeting lists mean everyone; a locale entry matches the page's tag
/// exactly or its language, ignoring case (`de` matches `de-CH`).
public func activePromotions(_ promotions: [Promotion], for audience: PageAudience, at now: Date) -> [Promotion] {
    promotions.filter { $0.isActive(at: now) && $0.targets(audience) }
}

/// Every instant strictly after `now` at which some promotion starts or ends, sorted and without repeats,
/// so that CI can schedule the next build.
public func nextScheduleInstants(_ promotions: [Promotion], after now: Date) -> [Date] {
    var instants = Set<Date>()
    for promotion in promotions {
        for instant in [promotion.starts, promotion.ends] where instant > now {
            instants.insert(instant)
        }
    }
    return instants.sorted()
}

extension Promotion {
    /// Whether the promotion's segment, region and locale lists all admit the audience.
    func targets(_ audience: PageAudience) -> Bool {
        if let segments, !segments.contains(where: { $0.id == audience.segment.id }) { return false }
        if let regions, !regions.contains(where: { $0.id == audience.region.id }) { return false }
        if let locales {
            let tag = audience.localeTag.lowercased()
            let language = LocaleTag.language(audience.localeTag)
            return locales.contains { entry in
                let key = entry.lowercased()
                return key == tag || key == language
            }
        }
        return true
    }
}
