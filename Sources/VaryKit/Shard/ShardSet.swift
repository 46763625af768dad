/// The checks `vary merge` makes before writing anything: the shards come from one build, split one way, and
/// together hold every planned page exactly once.
enum ShardSet {
    /// Every reason the shards cannot be joined, each naming the shard folder concerned; empty when they can.
    static func problems(_ shards: [ShardFolder], outputName: String) -> [Diagnostic] {
        guard !shards.isEmpty else { return [Diagnostic(file: outputName, message: "no shard folders to merge")] }
        func problem(_ shard: ShardFolder, _ message: String, hint: String? = nil) -> Diagnostic {
            Diagnostic(file: shard.name, message: message, hint: hint)
        }
        // The shard every other is compared with: the lowest index, first given among equals.
        let reference = shards.enumerated().min { ($0.element.record.shard, $0.offset) < ($1.element.record.shard, $1.offset) }!.element
        let count = reference.record.shards
        var found: [Diagnostic] = []
        var members: [ShardFolder] = []
        for shard in shards {
            guard shard.shard != nil else {
                found.append(problem(shard, "records shard \(shard.record.shard)/\(shard.record.shards), which is no shard"))
                continue
            }
            if shard.record.shards != count {
                found.append(problem(shard, "is shard \(shard.record.shard)/\(shard.record.shards), but \(reference.name) is one of \(count)",
                                     hint: "merge the shards of one build, all built with the same N"))
            } else if let difference = reference.record.inputs.difference(from: shard.record.inputs) {
                found.append(problem(shard, "is not from the same build as \(reference.name): \(difference)",
                                     hint: "build every shard from the same content, templates, --now and Vary"))
            } else if shard.record.plan != reference.record.plan {
                found.append(problem(shard, "was cut from another plan than \(reference.name) (\(shard.record.plan.pages) pages instead of \(reference.record.plan.pages))",
                                     hint: "build every shard with the same Vary"))
            } else {
                members.append(shard)
            }
        }
        guard found.isEmpty else { return found }
        return coverage(members, count: count, outputName: outputName)
    }

    /// Each shard of `count` once, their pages disjoint and together the plan, and site-wide files only in the first.
    private static func coverage(_ shards: [ShardFolder], count: Int, outputName: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let byIndex = Dictionary(grouping: shards, by: \.record.shard)
        for (index, group) in byIndex.sorted(by: { $0.key < $1.key }) where group.count > 1 {
            found.append(Diagnostic(file: group[1].name, message: "is shard \(index)/\(count) again, as \(group[0].name) is",
                                    hint: "pass each shard's folder once"))
        }
        let missing = (1...count).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            let names = missing.prefix(5).map { "\($0)/\(count)" }.joined(separator: ", ") + (missing.count > 5 ? " and \(missing.count - 5) more" : "")
            found.append(Diagnostic(file: outputName, message: "shard\(missing.count == 1 ? "" : "s") \(names) \(missing.count == 1 ? "is" : "are") missing",
                                    hint: "pass the output folder of every shard, 1 to \(count)"))
        }
        guard found.isEmpty else { return found }
        var owner: [String: String] = [:]
        for shard in shards {
            let siteFiles = shard.siteFiles
            if !(shard.shard!.writesSiteFiles) && !siteFiles.isEmpty {
                found.append(Diagnostic(file: shard.name + "/" + siteFiles[0], message: "is no page of shard \(shard.record.shard)/\(count), and only shard 1 writes site-wide files"))
            }
            for page in shard.record.pages {
                if shard.files[page] == nil {
                    found.append(Diagnostic(file: shard.name + "/" + page, message: "is a page of the shard but not in its manifest",
                                            hint: "build the shard again"))
                } else if let other = owner[page] {
                    found.append(Diagnostic(file: shard.name + "/" + page, message: "is also a page of \(other)"))
                }
                owner[page] = owner[page] ?? shard.name
            }
        }
        guard found.isEmpty else { return found }
        let plan = shards[0].record.plan
        if ShardRecord.Plan(files: Array(owner.keys)) != plan {
            found.append(Diagnostic(file: outputName, message: "the shards hold \(owner.count) pages, not the \(plan.pages) pages of their plan",
                                    hint: "build every shard again with the same Vary"))
        }
        return found
    }
}
