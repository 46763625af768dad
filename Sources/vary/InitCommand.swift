import Foundation
import VaryKit

/// `vary init [DIR]`: writes a small working store to start from.
struct InitCommand {
    var directory: String
    var force: Bool

    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        force = arguments.flag("--force")
        directory = arguments.positional() ?? "."
        try arguments.finish()
    }

    func run() -> Int32 {
        let name = directory == "." ? "the current folder" : directory
        do throws(StarterStore.Failure) {
            let written = try StarterStore.write(to: URL(fileURLWithPath: directory), displayName: name, force: force)
            print("Wrote a new store to \(name) (\(written.count) files): content/ holds the catalog, segments, regions,")
            print("locales, a promotion and a bundle; site-templates/ a template for every page kind.")
            print("")
            print("Next steps:")
            if directory != "." { print("  cd \(directory)") }
            print("  vary build     # render the store into output/")
            print("  vary serve     # preview it at http://127.0.0.1:8080/, rebuilt on every change")
            print("  vary help      # every command and option")
            return 0
        } catch {
            Terminal.error("vary init: \(error)")
            if case .writeFailed = error { return 3 }
            return 2
        }
    }
}
