/// Puts a finished staging directory in place of the output directory.
enum OutputSwap {
    /// Replaces `output` with `staging` so that at every instant `output` holds either the whole old
    /// tree or the whole new one, then removes the old tree.
    ///
    /// On Linux both directories are exchanged in one `renameat2(RENAME_EXCHANGE)`. Where that is not
    /// available the old tree is first renamed aside, leaving a moment without `output`; if the second
    /// rename fails the old tree is put back.
    /// With `keepingOldAs`, the old tree is renamed there (replacing what was there) instead of removed, and
    /// removed only when that rename fails.
    /// `allowExchange: false` forces the two-rename path, so tests cover it on Linux too.
    static func replace(_ output: String, with staging: String, keepingOldAs spare: String? = nil, allowExchange: Bool = true) throws {
        guard let existing = try FileSystemCalls.status(output) else {
            try FileSystemCalls.rename(staging, to: output)
            return
        }
        guard existing.isDirectory else { throw EmitError.outputNotDirectory(output) }
        if try allowExchange && FileSystemCalls.exchange(staging, output) {
            // `staging` now holds the old tree. A failure to remove it does not undo the build;
            // `StagingDirectory.removeStaleStaging` cleans it up on a later run.
            retire(staging, as: spare)
            return
        }
        let previous = output + StagingDirectory.leftoverInfix("previous") + StagingDirectory.uniqueSuffix()
        try FileSystemCalls.rename(output, to: previous)
        do {
            try FileSystemCalls.rename(staging, to: output)
        } catch {
            try? FileSystemCalls.rename(previous, to: output)
            throw error
        }
        retire(previous, as: spare)
    }

    /// Keeps the old tree as the spare, or removes it. A failure to remove it does not undo the build.
    private static func retire(_ old: String, as spare: String?) {
        if let spare {
            try? FileSystemCalls.removeTree(spare)
            if (try? FileSystemCalls.rename(old, to: spare)) != nil { return }
        }
        try? FileSystemCalls.removeTree(old)
    }
}
