/// One (region, segment)'s learned scores over the region's candidates, as ranking reads them: the region's
/// evidence blended with the segment's in every region (see `LearnedModel`).
struct LearnedList: Sendable {
    /// λ for this list.
    let share: Double
    let popularityShare: Double
    /// Per position in the region's candidates: what the orders say of it, blended; nil when they say nothing.
    let entries: [SegmentEvidence.Entry?]

    init(regional: SegmentEvidence, everywhere: SegmentEvidence?, weights: LearnedModel.Weights, region: RegionRanking) {
        share = weights.learnedShare(customers: regional.customers)
        popularityShare = weights.popularityShare
        let β = everywhere == nil ? 1 : weights.regionalShare
        var entries = [SegmentEvidence.Entry?](repeating: nil, count: region.candidates.count)
        for entry in everywhere?.entries ?? [] where region.position[entry.index] >= 0 {
            var blended = entry
            blended.popularity *= 1 - β
            blended.coPurchase *= 1 - β
            // Counts are the region's own: what explain shows is what this page's shoppers did.
            blended.orders = 0
            blended.customers = 0
            entries[region.position[entry.index]] = blended
        }
        for entry in regional.entries where region.position[entry.index] >= 0 {
            let position = region.position[entry.index]
            var blended = entry
            blended.popularity = β * entry.popularity + (entries[position]?.popularity ?? 0)
            blended.coPurchase = β * entry.coPurchase + (entries[position]?.coPurchase ?? 0)
            if entry.anchor < 0 { blended.anchor = entries[position]?.anchor ?? -1 }
            entries[position] = blended
        }
        self.entries = entries
    }

    /// The learned inputs of the candidate at `position`.
    func score(at position: Int) -> LearnedScore {
        let entry = entries[position]
        return LearnedScore(
            share: share, popularityShare: popularityShare, popularity: entry?.popularity ?? 0, coPurchase: entry?.coPurchase ?? 0)
    }

    /// What the orders say of the candidate at `position`, if anything.
    func entry(at position: Int) -> SegmentEvidence.Entry? { entries[position] }
}
