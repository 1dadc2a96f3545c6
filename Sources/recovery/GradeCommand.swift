import ArgumentParser
import Foundation
import RecoveryCore
import RecoveryScoring
import RecoveryTraining

/// `recovery grade`: grade saved calls again from their raw replies.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade saved calls again from their raw replies, with the current scoring data.",
        discussion: """
            Never trusts the grade stored in a file: every reply is read again and graded. Says when \
            the stored grade differs, and whether the rubric changed since. Example: \
            recovery grade ~/.local/share/recovery/transcripts/*.json --rubric bell
            """
    )

    @Argument(help: "Transcript JSON files written by 'recovery play' (with a postgres:// --store: call ids, as 'recovery review' lists them).")
    var transcripts: [String]

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Rubric id from Scoring/rubrics/ or a path (default: the one each call was graded with).")
    var rubric: String?

    @Flag(help: "Print a JSON array: for each file its path, grade, stored score and what changed.")
    var json = false

    @Flag(help: "Exit 1 when any call is flagged: its seal is not intact, or its stored grade differs.")
    var strict = false

    func validate() throws {
        if transcripts.isEmpty { throw ValidationError("name at least one transcript file") }
    }

    func run() throws {
        let data = try CommandEnvironment.dataLocation()
        let analyzer = try CommandEnvironment.analyzer(data)
        let server = try storeOptions.openServer()
        var records: [GradeRecord] = []
        var failed = false, flagged = 0
        for path in transcripts {
            do {
                let (transcript, sealProblem) = try SavedCallReader.read(path, from: server)
                let rubric = try CallPreparation.loadRubric(rubric ?? transcript.rubric.id, data: data)
                let regrade = Regrade(transcript, analyzer: analyzer, rubric: rubric)
                if sealProblem != nil || regrade.discrepancy != nil { flagged += 1 }
                if json { records.append(GradeRecord(path: path, regrade, seal: sealProblem)) } else { printPlain(path, regrade, seal: sealProblem) }
            } catch {
                failed = true
                Output.error("\(error)")
            }
        }
        if json { Output.line(GradeRecord.encode(records)) }
        if failed || (strict && flagged > 0) { throw ExitCode.failure }
    }

    private func printPlain(_ path: String, _ regrade: Regrade, seal: String?) {
        let grade = regrade.grade
        let transcript = regrade.transcript
        let tier = grade.tier.map { ", \($0)" } ?? ""
        Output.line("\(path)")
        Output.line("  \(transcript.trainee) · \(transcript.scenario.id) · \(transcript.outcome?.rawValue ?? "left early")")
        Output.line("  score \(grade.score)/100\(tier), \(grade.passed ? "passed" : "not passed") (rubric \(regrade.rubricID))")
        for step in grade.steps {
            let quote = step.checks.first { $0.met && $0.quote != nil }?.quote.map { " “\(TerminalSafe.escape($0))”" } ?? ""
            Output.line("    \(step.met ? "✓" : (step.points > 0 ? "½" : "✗")) \(step.title) \(String(format: "%.1f", step.points))/\(String(format: "%.1f", step.maximum))\(quote)")
        }
        for penalty in grade.penalties where penalty.points > 0 {
            Output.line("    −\(penalty.points) \(penalty.behavior.id) at reply \(penalty.turn): “\(TerminalSafe.escape(penalty.quote))”")
        }
        if let seal { Output.line("  ! seal: \(seal)") }
        if let discrepancy = regrade.discrepancy { Output.line("  note: \(discrepancy)") }
    }
}

/// One line of `grade --json`.
struct GradeRecord: Encodable {
    let path: String
    let trainee: String
    let scenario: String
    let grade: Grade
    let storedScore: Int?
    let scoreDiffers: Bool
    let rubricChanged: Bool
    let changedReadings: [Int]
    let note: String?
    /// What is wrong with the file's seal; nil when it is intact.
    let seal: String?

    init(path: String, _ regrade: Regrade, seal: String?) {
        self.path = path
        self.seal = seal
        trainee = regrade.transcript.trainee
        scenario = regrade.transcript.scenario.id
        grade = regrade.grade
        storedScore = regrade.storedGrade?.score
        scoreDiffers = regrade.scoreDiffers
        rubricChanged = regrade.rubricChanged
        changedReadings = regrade.changedReadings
        note = regrade.discrepancy
    }

    static func encode(_ records: [GradeRecord]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(records)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
