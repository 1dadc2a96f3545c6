import Foundation
import RecoveryCore

extension ModelTrainer {
    /// Thresholds chosen on held-out readings of the whole training corpus: the corpus rows are
    /// split into `settings.thresholdFolds` folds, each fold read by a model learned from the
    /// other folds (and every example), and the thresholds chosen on all those readings
    /// together. A writer's rows stay in one fold when the corpus has enough writers, so the
    /// thresholds are chosen the way the model reads a writer it never learned from; else the
    /// rows are dealt out in turn. Many more replies decide each threshold than a dev part
    /// holds, and the dev part stays held out for measuring. The folds share the whole part's
    /// list of known words (which words are read as words, which by their letters).
    func chooseByFolds(_ train: [TrainingReply], _ extracted: ExtractedFeatures) -> ThresholdChoice {
        let folds = settings.thresholdFolds
        let fold = Self.foldAssignment(train, folds: folds)
        // The folds are independent, so they learn at once, one per core; their readings are
        // put together in fold order, so the choice is the same however they were scheduled.
        let results = ConcurrentSlots<[HeldOutReading]>(folds, empty: [])
        DispatchQueue.concurrentPerform(iterations: folds) { k in
            let heldOut = train.indices.filter { fold[$0] == k }
            guard !heldOut.isEmpty else { return }
            let model = learn(train, extracted, subset: train.indices.filter { fold[$0] != k }).model(nil, notes: [:])
            results.set(k, heldOutReadings(model, heldOut.map { (train[$0].text, train[$0].labels) }))
        }
        return ThresholdChoice.choose(from: results.inOrder.flatMap { $0 }, settings: settings)
    }

    /// Each reply's fold (-1: never held out: an example of behaviors.yaml, which speaks for
    /// one behaviour only). A writer's fold comes from a hash of its name, so a new writer
    /// joins one fold and leaves every other writer where it was.
    static func foldAssignment(_ train: [TrainingReply], folds: Int) -> [Int] {
        let groups = Set(train.compactMap { $0.known.count == 16 ? $0.group : nil })
        let byWriter = groups.count >= folds
        let groupFold = Dictionary(uniqueKeysWithValues: groups.map { group in
            let digest = SHA256.digest(Array(group.utf8))
            return (group, Int(digest[0]) % folds)
        })
        var next = 0
        return train.map { reply in
            guard reply.known.count == 16 else { return -1 }
            if byWriter, let group = reply.group, let fold = groupFold[group] { return fold }
            defer { next += 1 }
            return next % folds
        }
    }
}

/// One result per slot, filled from the threads of a `DispatchQueue.concurrentPerform` (the
/// folds' readings, the combiner's rows) and read in slot order, so the outcome is the same
/// however the threads were scheduled.
final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value]

    init(_ count: Int, empty: Value) { slots = Array(repeating: empty, count: count) }

    func set(_ slot: Int, _ value: Value) {
        lock.lock()
        slots[slot] = value
        lock.unlock()
    }

    /// Every slot's value, slot 0 first.
    var inOrder: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
