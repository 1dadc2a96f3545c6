import RecoveryCore

extension ModelTrainer {
    /// The ignore examples among `replies` whose rule match the rules cancel ("Thanks for
    /// nothing.", an exception of `thank`): the only ones an overrule lets the model read. The
    /// rules alone decide it, so `train` works it out once for every round.
    func cancelledIgnoreExamples(_ replies: [TrainingReply]) -> [(text: String, behavior: Behavior)] {
        replies.compactMap { reply in
            guard reply.known.count < 16, let behavior = reply.known.first, !reply.labels.contains(behavior),
                  analyzer.refusedMask(reply.text) & (1 << UInt16(behavior.slot)) != 0 else { return nil }
            return (reply.text, behavior)
        }
    }

    /// `model`, with the overrule of a behaviour raised, step by step, while one of the
    /// `cancelled` ignore examples is read by the model past its cancelled rule: "Thanks for
    /// nothing." stays no thanks however sure the model is of the word "thanks". An example is
    /// the trainer's word; the held-out readings cannot weigh one reply enough.
    func honouringExamples(_ model: BehaviorModel, _ cancelled: [(text: String, behavior: Behavior)]) -> BehaviorModel {
        guard var overrules = model.header.overrules, !cancelled.isEmpty else { return model }
        var model = model
        while true {
            let reader = analyzer.with(model: model)
            var raised = false
            for (text, behavior) in cancelled {
                let slot = behavior.slot
                guard reader.analyze(text).evidence.first(where: { $0.label == behavior.id })?.reader == .model,
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
