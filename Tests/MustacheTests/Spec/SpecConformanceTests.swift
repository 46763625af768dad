import Foundation
import Testing
@testable import Mustache

/// The main template's name in each case's library; chosen so no case's partial can collide with it.
private let mainTemplate = "(spec template)"

@Suite("Mustache specification")
struct SpecConformanceTests {
    @Test("the specification folder and all its modules are present (required when CI is set)",
          .enabled(if: SpecSuite.isPresent || SpecSuite.isRequired))
    func suiteIsPresent() throws {
        #expect(SpecSuite.isPresent, "no Mustache specification at \(SpecSuite.directory.path); set MUSTACHE_SPEC_DIR")
        for module in SpecSuite.modules {
            let cases = try SpecSuite.load(module: module)
            #expect(!cases.isEmpty, "\(module).json has no cases")
        }
    }

    @Test("renders the specification case", arguments: SpecSuite.cases)
    func conforms(_ spec: SpecCase) throws {
        var sources = spec.partials
        sources[mainTemplate] = spec.template
        let library = try TemplateLibrary(sources: sources)
        let output = try library.renderString(mainTemplate, spec.data)
        #expect(output == spec.expected, "template: \(spec.template.debugDescription)")
    }
}
