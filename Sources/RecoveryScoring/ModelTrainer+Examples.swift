import RecoveryCore

extension ModelTrainer {
    /// `model`, with the overrule of a behaviour raised, step by step, while an example that
    /// must not show it is read by the model past a cancelled rule: "Thanks for nothing." (an
    /// exception of `thank`) stays no thanks however sure the model is of the word "thanks".
    /// An example is the trainer's word; the held-out readings cannot weigh one reply enough.
    func honouringExamples(_ model: BehaviorModel, _ replies: [TrainingReply]) -> BehaviorModel {
        guard var overrules = model.header.overrules else { return model }
        let examples = replies.filter { $0.known.count < 16 }
        var model = model
        while true {
            let reader = analyzer.with(model: model)
            var raised = false
            for reply in examples {
                guard let behavior = reply.known.first, !reply.labels.contains(behavior) else { continue }
                let slot = behavior.slot
                guard analyzer.refusedMask(reply.text) & (1 << UInt16(slot)) != 0,
                      reader.analyze(reply.text).evidence.first(where: { $0.label == behavior.id })?.reader == .model,
                      let stricter = ThresholdChoice.overruleCandidates.filter({ $0 > overrules[slot] }).min() else { continue }
                overrules[slot] = stricter
                raised = true
            }
            guard raised else { return model }
            var header = model.header
            header.overrules = overrules
            model = BehaviorModel(header: header, keys: model.keys, weights: model.weights)
        }
    }
}
