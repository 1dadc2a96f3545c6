import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RecoveryTraining
import Testing

/// The JUnit XML of a run parses, and its counts and elements match the results.
@Suite struct JUnitReportTests {
    /// What an XML parser saw: element names with their attributes, and the text inside `failure`.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var failureText = ""
        private var inFailure = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            inFailure = name == "failure"
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "failure" { inFailure = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inFailure { failureText += string }
        }

        func named(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
    }

    static func parse(_ xml: String) throws -> Collector {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "the XML parses: \(parser.parserError.map { "\($0)" } ?? "")")
        return collector
    }

    @Test func countsAndElementsMatchTheResults() throws {
        let results = try ScenarioTestRunnerTests.results("""
              - {name: "passes <&> \\"quoted\\"", replies: ["I'm so sorry."], expect: {reaches: [fix]}}
              - {name: fails, replies: ["Calm down \\u0007 now."], expect: {ending: done}}
              - {name: skipped, skip: "later", replies: ["x"], expect: {ending: done}}
              - {name: xfail, expect_failure: "known", replies: ["Calm down."], expect: {ending: done}}
              - {name: xpass, expect_failure: "was known", replies: ["I'm so sorry."], expect: {reaches: [fix]}}
            """)
        var run = ScenarioTestRun()
        run.results = results
        run.loadFailures = [TestLoadFailure(path: "broken.yaml", message: "broken.yaml:1:1: error: [yaml-syntax] bad\u{1B}[31m")]
        let parsed = try Self.parse(JUnitReport.xml(run))

        let top: [String: String] = try #require(parsed.named("testsuites").first)
        #expect(top["tests"] == "6" && top["failures"] == "2" && top["errors"] == "1" && top["skipped"] == "2")
        let suites = parsed.named("testsuite")
        #expect(suites.map { $0["name"] } == ["parcel", "broken.yaml"])
        #expect(suites[0]["tests"] == "5" && suites[0]["failures"] == "2" && suites[0]["skipped"] == "2")
        let cases = parsed.named("testcase")
        #expect(cases.map { $0["name"] } == ["passes <&> \"quoted\"", "fails", "skipped", "xfail", "xpass", "load"])
        #expect(cases.prefix(5).allSatisfy { $0["classname"] == "parcel" })
        #expect(parsed.named("failure").map { $0["type"] } == ["failed", "xpass"])
        #expect(parsed.named("failure").first?["message"] as String? == "turn 1: expected ending 'done', but the call did not end (at 'opening')")
        #expect(parsed.named("skipped").map { $0["message"] } == ["later", "expected to fail: known"])
        #expect(parsed.named("error").count == 1)
        #expect(parsed.failureText.contains(">> 1. you: “Calm down now.”"), "\(parsed.failureText)")
    }

    @Test func controlCharactersBecomeVisibleInsteadOfBreakingTheXML() {
        #expect(JUnitReport.escape("a\u{07}b\u{1B}c\n<") == "a\\u{7}b\\u{1b}c&#10;&lt;")
        #expect(JUnitReport.escape("line\nnext", attribute: false) == "line\nnext")
    }
}
