import Foundation

/// The messages a build changed since the previous one, when messages are all it changed: then a page whose
/// localizer resolves none of them to a changed pattern, or whose templates read none of them, has the view
/// model it had, and is taken over without building it.
///
/// The previous build records two things in the cache: the build key with the bytes of the message files
/// (`locales/<tag>.json`) left out, their paths kept (`PageCache.buildKey(..., leavingOut:)`), and a digest of
/// every (file, message id)'s pattern (`digests`). When this build's key without messages is the recorded one,
/// everything but the messages is what that build had; the changed messages are those whose digests differ,
/// and those added or removed. The view model reads messages in two ways only: through the `t` tree, pruned to
/// what the page's templates read (`TemplateProof.MessageUse`), and through the texts Vary formats itself
/// (prices, reasons, titles), every one of which has a built-in text. A changed message with a built-in text
/// can therefore reach any page: then there is no `MessageChanges`, and every page's model is built and compared.
struct MessageChanges: Sendable, Hashable {
    /// A message of one file: the file's tag (`de` for `locales/de.json`) and the message id.
    struct Message: Sendable, Hashable {
        var file: String
        var id: String
    }

    /// The messages whose patterns changed, or that were added or removed.
    var changed: Set<Message>
    /// Per page locale, the changed ids its localizer can resolve through a changed message: the file of the
    /// changed message is in the locale's fallback order (`Localizer`) and no file before it there has the id.
    var reached: [String: Set<String>]

    /// The changes from `previous` to `current` digests (`digests(of:)`) as seen by pages in `tags`, or nil when one
    /// of them is a text Vary formats itself.
    init?(from previous: [String: String], to current: [String: String], content: StoreContent, tags: Set<String>) {
        var changedKeys: Set<String> = []
        for (key, digest) in current where previous[key] != digest { changedKeys.insert(key) }
        for key in previous.keys where current[key] == nil { changedKeys.insert(key) }
        var changed: Set<Message> = []
        for key in changedKeys {
            guard let tab = key.firstIndex(of: "\t") else { return nil }
            changed.insert(Message(file: String(key[..<tab]), id: String(key[key.index(after: tab)...])))
        }
        guard !changed.contains(where: { BuiltInTexts.byID[$0.id] != nil }) else { return nil }
        self.changed = changed
        let defaultTag = content.site.defaultLocale
        var reached: [String: Set<String>] = [:]
        for tag in tags {
            // The store's files in the order the localizer reads them; built-in texts have none of these ids.
            var order: [String] = []
            for file in [tag, LocaleTag.language(tag), defaultTag, LocaleTag.language(defaultTag)] where !order.contains(file) {
                order.append(file)
            }
            var ids: Set<String> = []
            for message in changed {
                guard let position = order.firstIndex(of: message.file) else { continue }
                let shadowed = order[..<position].contains { content.locales[$0]?.messages[message.id] != nil }
                if !shadowed { ids.insert(message.id) }
            }
            reached[tag] = ids
        }
        self.reached = reached
    }

    /// Whether a page in locale `tag` whose templates read `use` (nil: unknown, so everything) can read a changed
    /// message: one of its ids or subtrees is a changed id its locale resolves, holds one, or lies under one (a
    /// message whose id prefixes others changes their place in the tree).
    func reach(_ use: TemplateProof.MessageUse?, tag: String) -> Bool {
        let ids = reached[tag] ?? Set(changed.map(\.id))
        guard !ids.isEmpty else { return false }
        guard let use, !use.all else { return true }
        for id in ids {
            if use.contains(id) { return true }
            if use.ids.contains(where: { id.hasPrefix($0 + ".") || $0.hasPrefix(id + ".") }) { return true }
            if use.prefixes.contains(where: { $0.hasPrefix(id + ".") }) { return true }
        }
        return false
    }

    /// Per message of every file, keyed `tag<TAB>id`, a digest of its pattern.
    static func digests(of content: StoreContent) -> [String: String] {
        var digests: [String: String] = [:]
        for (tag, file) in content.locales {
            for (id, message) in file.messages { digests[tag + "\t" + id] = InputsHash.hex(Array(message.pattern.utf8)) }
        }
        return digests
    }

    /// The paths of the message files `content` was loaded from.
    static func files(of content: StoreContent) -> Set<String> {
        Set(content.locales.keys.map { "locales/\($0).json" })
    }
}
