import Intl

/// Decodes `locales/<tag>.json`, a flat map of message id → ICU MessageFormat pattern, checking each pattern's syntax.
enum MessagesDecoder {
    static func decode(_ root: Field, tag: String) -> LocaleMessages? {
        guard let members = root.members else { return nil }
        var messages: [String: Message] = [:]
        for member in members {
            guard let pattern = member.value.string else { continue }
            let location = member.value.location
            if messages[member.key] != nil {
                root.log.add(member.keyLocation.error("duplicate message id '\(member.key)'"))
                continue
            }
            guard isValidMessageID(member.key) else {
                root.log.add(member.keyLocation.error(
                    "\"\(member.key)\" is not a message id (dot-separated names of letters, digits, '-' and '_')"))
                continue
            }
            do {
                messages[member.key] = Message(format: try MessageFormat(pattern, localeTag: tag), location: location)
            } catch {
                // The pattern starts one column after the opening quote; escapes make this approximate on later lines.
                var at = location
                at.line += error.line - 1
                at.column = error.line == 1 ? location.column + error.column : error.column
                root.log.add(at.error("message '\(member.key)': \(error.message)"))
            }
        }
        return LocaleMessages(tag: tag, messages: messages, location: root.location)
    }

    static func isValidMessageID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }
    }
}
