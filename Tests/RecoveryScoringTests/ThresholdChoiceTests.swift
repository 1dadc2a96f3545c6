import RecoveryCore
import Testing
@testable import RecoveryScoring

/// How `recovery train` picks a behaviour's threshold from held-out readings.
@Suite("threshold choice")
struct ThresholdChoiceTests {
    /// Held-out readings of `thank` at five probabilities: 60 thanks at 0.97, 30 replies
    /// without at 0.92, 30 thanks at 0.87, 10 thanks and 5 without at 0.62, 40 without at 0.52.
    /// F1 is 0.851 from 0.55 to 0.60 and 0.818 from 0.65 to 0.85; below 0.55 it falls to 0.727.
    private let readings: [HeldOutReading] = [(Float(0.97), 60, true), (0.92, 30, false), (0.87, 30, true), (0.62, 10, true),
                                              (0.62, 5, false), (0.52, 40, false)].flatMap { probability, count, thanks in
        (0..<count).map { _ in
            var whole = SIMD16<Float>(repeating: 0.01)
            whole[Behavior.thank.slot] = probability
            return HeldOutReading(rules: [], whole: whole, sentence: whole, labels: thanks ? [.thank] : [])
        }
    }

    private func threshold(smoothing: Int) -> Float {
        var settings = TrainingSettings.standard
        for (name, value) in [("combine", "false"), ("sentence_reading", "false"), ("threshold_smoothing", "\(smoothing)")] {
            let accepted = settings.set(name, value)
            #expect(accepted, "\(name)")
        }
        return ThresholdChoice.choose(from: readings, settings: settings).thresholds[Behavior.thank.slot]
    }

    @Test("a threshold is judged with its neighbours, so it sits inside the best plateau, not at its edge above a cliff")
    func smoothedChoice() {
        #expect(threshold(smoothing: 0) == 0.55, "alone, the first of the best scores: one step above the fall to 0.727")
        #expect(threshold(smoothing: 1) == 0.6, "with a step either side: the middle of the plateau")
    }

    /// Held-out readings where the rules' every match of `resolve` was cancelled (`refused`),
    /// the model sure of it at 0.96 in all: `right` of them are labelled `resolve`, the rest
    /// not; and 50 plain readings that fix the threshold (40 labelled at 0.8, 10 not at 0.3).
    private func overrule(refusedRight right: Int, wrong: Int) -> Float {
        func reading(_ probability: Float, labelled: Bool, refused: Bool) -> HeldOutReading {
            var whole = SIMD16<Float>(repeating: 0.01)
            whole[Behavior.resolve.slot] = probability
            return HeldOutReading(rules: [], whole: whole, sentence: whole, labels: labelled ? [.resolve] : [],
                                  refused: refused ? 1 << UInt16(Behavior.resolve.slot) : 0)
        }
        let readings = (0..<40).map { _ in reading(0.8, labelled: true, refused: false) }
            + (0..<10).map { _ in reading(0.3, labelled: false, refused: false) }
            + (0..<right).map { _ in reading(0.96, labelled: true, refused: true) }
            + (0..<wrong).map { _ in reading(0.96, labelled: false, refused: true) }
        var settings = TrainingSettings.standard
        _ = settings.set("combine", "false")
        _ = settings.set("sentence_reading", "false")
        return ThresholdChoice.choose(from: readings, settings: settings).overrules[Behavior.resolve.slot]
    }

    @Test("where a cancelled rule's replies mostly show the behaviour, the model may read past it; where they do not, it may not")
    func overruleChoice() {
        #expect(overrule(refusedRight: 12, wrong: 3) <= 0.96, "the exception's replies mostly fix it: the model reads them")
        #expect(overrule(refusedRight: 3, wrong: 12) > 1, "the cancellation is mostly right: the model never reads past it")
        #expect(overrule(refusedRight: 0, wrong: 0) > 1, "no evidence either way: the stricter choice is kept")
    }
}
