import Foundation
import Testing
import RecoveryCore
import RecoveryScoring
@testable import RecoveryTraining

/// The team HTML report for folders of hand-made transcripts.
@Suite struct TeamReportTests {
    let calls = [
        ReviewFixture.call("ada", day: 2, ReviewFixture.rude),
        ReviewFixture.call("ada", day: 9, ReviewFixture.good),
        ReviewFixture.call("Bo", day: 5, ReviewFixture.rude),
        ReviewFixture.call("Bo", day: 6, ReviewFixture.good),
        ReviewFixture.call("Bo", day: 7, ReviewFixture.good),
    ]

    func report(_ transcripts: [Transcript], query: ReviewQuery = ReviewQuery(), includeFlagged: Bool = false) throws -> (TeamReport, String) {
        let directory = try ReviewFixture.folder(transcripts)
        let report = try TeamReport.load(directory: directory, rubricsDirectory: TestData.location.rubricsDirectory,
                                         analyzer: TestData.analyzer, query: query, includeFlagged: includeFlagged)
        return (report, TeamReportHTML.render(report))
    }

    @Test func heatmapCellsHoldEachTraineesAverageShareOfEachStep() throws {
        let (_, html) = try report(calls)
        for (trainee, theirs) in [("ada", calls[0...1]), ("Bo", calls[2...4])] {
            for step in TestData.rubric.steps {
                let shares = theirs.map { call in
                    let result = call.grade!.steps.first { $0.id == step.id }!
                    return 100 * result.points / result.maximum
                }
                let expected = Int((shares.reduce(0, +) / Double(shares.count)).rounded())
                let cell = "title=\"\(trainee) — \(HTMLText.escape(step.title)): \(expected)% of the step&#39;s weight on average over \(theirs.count) calls"
                #expect(html.contains(cell), "\(trainee) \(step.id) should be \(expected)%")
            }
        }
        #expect(html.contains("<table class=\"heatmap\">"))
        // Two trainees' rows and the everyone row; lowest average first; the count under each percent.
        #expect(html.components(separatedBy: "<td class=\"cell\"").count - 1 == 3 * TestData.rubric.steps.count)
        let averages = Dictionary(grouping: calls, by: \.trainee).mapValues { Double($0.map { $0.grade!.score }.reduce(0, +)) / Double($0.count) }
        let (worse, better) = averages["ada"]! <= averages["Bo"]! ? ("ada", "Bo") : ("Bo", "ada")
        let worseRow = try #require(html.range(of: "<th scope=\"row\">\(worse)</th>")), betterRow = try #require(html.range(of: "<th scope=\"row\">\(better)</th>"))
        #expect(worseRow.lowerBound < betterRow.lowerBound, "the lower average comes first")
        #expect(html.contains("<th scope=\"row\">everyone</th><td class=\"num\">5</td>"))
        #expect(html.contains("<span class=\"n\">"))
        #expect(!html.contains("hover"), "nothing is said only on hover")
    }

    @Test func everyCallHasAnAnchoredDebriefAndALinkToIt() throws {
        let (report, html) = try report(calls)
        #expect(report.calls.map(\.number) == [1, 2, 3, 4, 5])
        #expect(report.calls.map(\.summary.startedAt) == calls.map(\.startedAt).sorted())
        for number in 1...calls.count {
            #expect(html.components(separatedBy: "id=\"call-\(number)\"").count == 2, "one anchor for call \(number)")
            #expect(html.contains("<a href=\"#call-\(number)\">debrief</a>"))
        }
        #expect(html.components(separatedBy: "<section class=\"call\"").count - 1 == calls.count)
        #expect(html.components(separatedBy: "href=\"#top\">back to top</a>").count - 1 >= calls.count)
        #expect(html.contains("Debrief: Mini — Bo"))
    }

    @Test func outcomesAreCountedPerScenario() throws {
        let (report, html) = try report(calls)
        let counts = ReportOutcomes.counts(report.summaries)
        #expect(counts.map(\.scenario) == ["mini"])
        #expect(counts.first?.outcomes == ["recovered": 3, CallSummary.leftEarly: 2])
        #expect(html.contains("3 recovered, 2 left-early"))
        #expect(html.contains("<title>mini: 3 recovered of 5</title>"))
    }

    @Test func theHeaderSaysScoresWereRecomputedAndListsEveryDisagreement() throws {
        var edited = calls
        edited[3].grade?.score = 97
        // By default the edited call is listed apart and counted in no figure.
        let (apart, page) = try report(edited)
        #expect(apart.calls.count == 4 && apart.setAside.map(\.trainee) == ["Bo"])
        #expect(page.contains("1 flagged call left out of every figure"))
        #expect(page.contains("stored score 97 differs from"))
        #expect(page.contains("4 calls by 2 trainees on 1 scenario"))
        // Counted on request, it is marked where it stands.
        let (report, html) = try report(edited, includeFlagged: true)
        #expect(html.contains("Every score in this report was recomputed from the raw replies"))
        #expect(html.contains("1 of 5 stored grades disagree"))
        #expect(report.flagged.map(\.number) == [3])
        #expect(html.contains("<a href=\"#call-3\">Call 3</a> (Bo, mini): stored score 97 differs from"))
        #expect(html.contains("file-edited (stored 97)"))
        #expect(html.contains("Calls from 2026-11-02 00:00 UTC to 2026-11-09 00:00 UTC"))
        #expect(html.contains("5 calls by 2 trainees on 1 scenario"))
    }

    @Test func theSameFolderGivesTheSameBytes() throws {
        let directory = try ReviewFixture.folder(calls.reversed())
        let renders = try (0..<2).map { _ in
            TeamReportHTML.render(try TeamReport.load(directory: directory, rubricsDirectory: TestData.location.rubricsDirectory, analyzer: TestData.analyzer))
        }
        #expect(renders[0] == renders[1])
        #expect(!renders[0].contains(DebriefText.day(Date())) || calls.contains { DebriefText.day($0.startedAt) == DebriefText.day(Date()) })
    }

    @Test func callsOfAnotherRubricGetTheirOwnHeatmap() throws {
        let bell = try RubricLoader.load(path: TestData.location.rubricsDirectory + "/bell.yaml")
        let setup = CallSetup(scenario: TestData.miniScenario, analyzer: TestData.analyzer, rubric: bell, seed: 3, trainee: "cy")
        let session = CallReplay.play(ReviewFixture.good, setup: setup, start: Date(timeIntervalSince1970: 1_793_491_200))
        let (report, html) = try report(calls + [session.finish(.ending)])
        #expect(report.rubrics.map(\.id) == ["recovery", "bell"])
        #expect(html.components(separatedBy: "<table class=\"heatmap\">").count - 1 == 2)
        #expect(html.contains("(rubric <code>bell</code>, pass mark \(bell.passMark), 1 call; lowest average first)"))
    }

    @Test func filtersKeepOnlyTheCallsAsked() throws {
        var query = ReviewQuery()
        query.trainees = ["bo"]
        let (report, html) = try report(calls, query: query)
        #expect(report.calls.map(\.summary.trainee) == ["Bo", "Bo", "Bo"])
        #expect(!html.contains("Debrief: Mini — ada"))
    }
}

/// Hostile text from transcripts (trainee names, replies, names in the scenario) is inert in the report.
@Suite struct TeamReportSafetyTests {
    static let hostile = "<script>alert(1)</script> \"quoted\" 'single' \u{1b}[31mred\u{1b}]52;c;aGVsbG8=\u{07} onmouseover='x' <img src=x>"

    static func hostileReport() throws -> String {
        var call = ReviewFixture.call(hostile, day: 3, [(hostile, 2), ("I'm so sorry, that's on me.", 3)])
        call.turns[0].text = hostile
        call.scenario.customer = "<b onclick=\"x\">Dana</b>"
        call.scenario.title = hostile
        call.reflection = [ReflectionAnswer(question: Reflection.questions[0], answer: hostile)]
        let directory = try ReviewFixture.folder([call, ReviewFixture.call("ada", day: 4, ReviewFixture.good)])
        let report = try TeamReport.load(directory: directory, rubricsDirectory: TestData.location.rubricsDirectory, analyzer: TestData.analyzer)
        return TeamReportHTML.render(report)
    }

    @Test func hostileTextMakesNoTagsAttributesOrControlBytes() throws {
        let html = try Self.hostileReport()
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        #expect(!html.unicodeScalars.contains("\u{1b}"))
        #expect(!html.unicodeScalars.contains("\u{07}"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; \\u{1b}[31mred"))
        #expect(html.contains("<p class=\"answer\">&lt;script&gt;alert(1)&lt;/script&gt;"), "the reflection answer is shown, escaped")
        // Every tag in the page is one the renderer writes, with only its own attributes.
        let allowedTags: Set<String> = ["html", "head", "meta", "title", "style", "body", "header", "nav", "section", "h1", "h2", "h3",
                                        "p", "ul", "ol", "li", "a", "strong", "code", "span", "div", "br", "table", "thead", "tbody",
                                        "tr", "th", "td", "svg", "line", "text", "polyline", "circle", "rect", "g"]
        let allowedAttributes: Set<String> = ["lang", "charset", "name", "content", "http-equiv", "class", "id", "href", "title", "style",
                                              "scope", "xmlns", "viewBox", "width", "height", "role", "aria-label", "x", "y", "x1", "y1",
                                              "x2", "y2", "cx", "cy", "r", "fill", "stroke", "stroke-width", "stroke-dasharray",
                                              "points", "text-anchor"]
        let tag = try Regex(#"<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<>]*")*)\s*/?>"#)
        let attribute = try Regex(#"([a-zA-Z][a-zA-Z0-9:-]*)="([^"]*)""#)
        var opened = html[...]
        while let start = opened.firstIndex(of: "<") {
            let rest = opened[start...]
            if rest.hasPrefix("</") || rest.hasPrefix("<!DOCTYPE") { opened = rest.dropFirst(); continue }
            let match = try #require(try tag.prefixMatch(in: rest), "malformed tag at \(rest.prefix(80))")
            let name = String(try #require(match.output[1].substring))
            #expect(allowedTags.contains(name), "unexpected <\(name)>")
            for found in String(try #require(match.output[2].substring)).matches(of: attribute) {
                let key = String(try #require(found.output[1].substring))
                #expect(allowedAttributes.contains(key), "unexpected attribute \(key) on <\(name)>")
                if key == "href" { #expect(found.output[2].substring?.hasPrefix("#") == true, "href to \(found.output[2].substring ?? "")") }
            }
            opened = rest[match.range.upperBound...]
        }
    }

    @Test func thePageReferencesNothingOutsideItself() throws {
        let html = try Self.hostileReport()
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http://"))
        #expect(!withoutNamespace.contains("https://"))
        #expect(!html.contains(" src=\""), "no tag loads anything; escaped text may still say src=")
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
    }
}
