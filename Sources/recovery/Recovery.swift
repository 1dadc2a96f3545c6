import ArgumentParser

/// The `recovery` command: a service-recovery practice simulator.
@main
struct Recovery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recovery",
        abstract: "Practise winning back an upset customer, and grade how it went.",
        discussion: """
            New hires play a call against a simulated customer (play); every reply is read for \
            recovery behaviours (analyze) and the call is graded against a recovery rubric.
            """,
        subcommands: [PlayCommand.self, AnalyzeCommand.self, TrainCommand.self, GradeCommand.self, ReviewCommand.self, ReportCommand.self, DebriefCommand.self, BehaviorsCommand.self, TestCommand.self, ValidateCommand.self, GraphCommand.self, ExploreCommand.self, ExportCommand.self, StoreCommand.self]
    )
}
