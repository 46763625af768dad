/// One (region, segment)'s learned scores over the region's candidates, as ranking reads them.
struct LearnedList: Sendable {
    let evidence: SegmentEvidence
    /// λ for this list.
    let share: Double
    let popularityShare: Double
    /// Position in the region's candidates → index in `evidence.entries`, or -1 for a product the orders say nothing of.
    let entryAt: [Int]

    init(evidence: SegmentEvidence, weights: LearnedModel.Weights, region: RegionRanking) {
        self.evidence = evidence
        share = weights.learnedShare(customers: evidence.customers)
        popularityShare = weights.popularityShare
        var entryAt = [Int](repeating: -1, count: region.candidates.count)
        for (number, entry) in evidence.entries.enumerated() where region.position[entry.index] >= 0 {
            entryAt[region.position[entry.index]] = number
        }
        self.entryAt = entryAt
    }

    /// The learned inputs of the candidate at `position`.
    func score(at position: Int) -> LearnedScore {
        let number = entryAt[position]
        let entry = number >= 0 ? evidence.entries[number] : nil
        return LearnedScore(
            share: share, popularityShare: popularityShare, popularity: entry?.popularity ?? 0, coPurchase: entry?.coPurchase ?? 0)
    }

    /// What the orders say of the candidate at `position`, if anything.
    func entry(at position: Int) -> SegmentEvidence.Entry? {
        entryAt[position] >= 0 ? evidence.entries[entryAt[position]] : nil
    }
}
