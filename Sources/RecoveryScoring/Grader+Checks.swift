import RecoveryCore

/// How each kind of rubric check is met: one table, one case per kind.
extension Grader {
    /// The reason a check can no longer be met in this call ends with this.
    package static let tooLate = "too late now"

    func evaluate(_ check: RubricCheck, _ replies: [GradedReply], ending: CallEnding) -> CheckResult {
        let summary = check.summary
        switch check {
        case let .shows(behaviors, byTurn):
            if let (reply, behavior) = firstShowing(behaviors, replies) {
                let late = byTurn.map { reply.turn > $0 } ?? false
                return CheckResult(
                    summary: summary, met: !late, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id),
                    reason: late ? "first shown at reply \(reply.turn), after reply \(byTurn!)" : nil)
            }
            let over = byTurn.map { replies.count >= $0 } ?? false
            return CheckResult(summary: summary, met: false, reason: over ? Self.tooLate : "never shown")
        case let .showsNearEnd(behaviors, count):
            let window = replies.suffix(count)
            if let (reply, behavior) = firstShowing(behaviors, Array(window)) {
                return CheckResult(summary: summary, met: true, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id))
            }
            if let (reply, behavior) = firstShowing(behaviors, replies) {
                return CheckResult(
                    summary: summary, met: false, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id),
                    reason: "shown at reply \(reply.turn), not in the last \(count == 1 ? "reply" : "\(count) replies")")
            }
            return CheckResult(summary: summary, met: false, reason: "never shown")
        case let .never(behaviors):
            guard !replies.isEmpty else {
                return CheckResult(summary: summary, met: false, reason: "no reply was given")
            }
            if let (reply, behavior) = firstShowing(behaviors, replies) {
                return CheckResult(
                    summary: summary, met: false, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id),
                    reason: "\(behavior.id) at reply \(reply.turn); \(Self.tooLate)")
            }
            return CheckResult(summary: summary, met: true)
        case let .firstReplyWithin(seconds):
            guard let first = replies.first else {
                return CheckResult(summary: summary, met: false, reason: "no reply was given")
            }
            let met = first.latency <= seconds
            return CheckResult(
                summary: summary, met: met, turn: 1, quote: nil,
                reason: met ? nil : "the first reply took \(Int(first.latency.rounded())) s; \(Self.tooLate)")
        case let .order(first, then):
            let early = firstShowing(first, replies)
            let late = firstShowing(then, replies)
            guard let (earlyReply, earlyBehavior) = early else {
                return CheckResult(summary: summary, met: false, reason: "never shown")
            }
            if let (lateReply, lateBehavior) = late, lateReply.turn < earlyReply.turn {
                return CheckResult(
                    summary: summary, met: false, turn: lateReply.turn,
                    quote: lateReply.analysis.quote(for: lateBehavior.id),
                    reason: "went to \(lateBehavior.id) at reply \(lateReply.turn) before \(earlyBehavior.id) at reply \(earlyReply.turn)")
            }
            return CheckResult(summary: summary, met: true, turn: earlyReply.turn, quote: earlyReply.analysis.quote(for: earlyBehavior.id))
        case let .atMost(behavior, times):
            let showing = replies.filter { $0.analysis.shows(behavior) }
            guard let first = showing.first else {
                return CheckResult(summary: summary, met: false, reason: "never shown")
            }
            guard showing.count > times else {
                return CheckResult(summary: summary, met: true, turn: first.turn, quote: first.analysis.quote(for: behavior.id))
            }
            let offending = showing[times]
            return CheckResult(
                summary: summary, met: false, turn: offending.turn, quote: offending.analysis.quote(for: behavior.id),
                reason: "\(behavior.id) in \(showing.count) replies; it starts to sound scripted")
        case .firstPersonApology:
            let apologies = replies.filter { $0.analysis.shows(.apologize) }
            if let personal = apologies.first(where: { !$0.analysis.notes.contains("impersonal_apology") }) {
                return CheckResult(summary: summary, met: true, turn: personal.turn, quote: personal.analysis.quote(for: Behavior.apologize.id))
            }
            if let impersonal = apologies.first {
                return CheckResult(
                    summary: summary, met: false, turn: impersonal.turn, quote: impersonal.analysis.quote(for: Behavior.apologize.id),
                    reason: "only \"we\" apologised; say \"I'm sorry\"")
            }
            return CheckResult(summary: summary, met: false, reason: "no apology")
        case let .showsBefore(behaviors, anchor, inReply):
            return showsBefore(behaviors, anchor, inReply: inReply, replies, summary: summary)
        case let .showsAfter(behaviors, anchor):
            return showsAfter(behaviors, anchor, replies, summary: summary)
        case let .outcome(outcomes):
            guard let outcome = ending.outcome else {
                return CheckResult(summary: summary, met: false,
                                   reason: ending == .inProgress ? "\(Self.notYet): the call is still going" : "the call stopped before an ending")
            }
            return CheckResult(summary: summary, met: outcomes.contains(outcome),
                               reason: outcomes.contains(outcome) ? nil : "the call ended \(outcome.rawValue)")
        case let .withinMinutes(minutes):
            if let reply = replies.first(where: { ($0.analysis.minutesAway ?? .max) <= minutes }) {
                let promise = [Behavior.resolve, .commit, .followUp].first { reply.analysis.shows($0) }
                return CheckResult(summary: summary, met: true, turn: reply.turn, quote: promise.flatMap { reply.analysis.quote(for: $0.id) })
            }
            if let later = replies.first(where: { $0.analysis.minutesAway != nil }) {
                let promise = [Behavior.commit, .followUp, .resolve].first { later.analysis.shows($0) }
                return CheckResult(summary: summary, met: false, turn: later.turn, quote: promise.flatMap { later.analysis.quote(for: $0.id) },
                                   reason: "the soonest time given was \(later.analysis.minutesAway!) minutes away")
            }
            return CheckResult(summary: summary, met: false, reason: "no fix or promise named a time within \(minutes) minutes")
        }
    }



    /// `shows` with `before:`: only replies before the first one showing an `anchor` behaviour
    /// count; with `said_before:` (`inReply`), also that reply when the behaviour's words come
    /// before the anchor's in it.
    private func showsBefore(_ behaviors: [Behavior], _ anchor: [Behavior], inReply: Bool, _ replies: [GradedReply],
                             summary: String) -> CheckResult {
        let anchorReply = firstShowing(anchor, replies)
        let window = anchorReply.map { anchored in replies.filter { $0.turn < anchored.0.turn } } ?? replies
        if let (reply, behavior) = firstShowing(behaviors, window) {
            return CheckResult(summary: summary, met: true, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id))
        }
        if inReply, let (anchored, _) = anchorReply,
           let said = Self.firstWords(of: behaviors, in: anchored.analysis),
           let fix = Self.firstWords(of: anchor, in: anchored.analysis), said.offset < fix.offset {
            return CheckResult(summary: summary, met: true, turn: anchored.turn, quote: said.quote)
        }
        guard let (anchored, anchorBehavior) = anchorReply else {
            return CheckResult(summary: summary, met: false, reason: "never shown")
        }
        if let (reply, behavior) = firstShowing(behaviors, replies) {
            let when = reply.turn != anchored.turn ? "after \(anchorBehavior.id) at reply \(anchored.turn)"
                : inReply ? "after \(anchorBehavior.id) in the same reply" : "in the same reply as \(anchorBehavior.id) at reply \(anchored.turn)"
            return CheckResult(summary: summary, met: false, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id),
                               reason: "too late: \(behavior.id) at reply \(reply.turn), \(when); \(Self.tooLate)")
        }
        return CheckResult(summary: summary, met: false, turn: anchored.turn, quote: anchored.analysis.quote(for: anchorBehavior.id),
                           reason: "never shown before \(anchorBehavior.id) at reply \(anchored.turn); \(Self.tooLate)")
    }

    /// Of the evidence for `behaviors` in `analysis`, the item said first.
    private static func firstWords(of behaviors: [Behavior], in analysis: ReplyAnalysis) -> Evidence? {
        behaviors.compactMap { analysis.evidence(for: $0.id) }.min { $0.offset < $1.offset }
    }

    /// `shows` with `after:`: only replies after the first one showing an `anchor` behaviour count.
    private func showsAfter(_ behaviors: [Behavior], _ anchor: [Behavior], _ replies: [GradedReply], summary: String) -> CheckResult {
        guard let (anchored, anchorBehavior) = firstShowing(anchor, replies) else {
            return CheckResult(summary: summary, met: false, reason: "\(Self.notYet): no \(anchor.map(\.id).joined(separator: "/")) yet")
        }
        if let (reply, behavior) = firstShowing(behaviors, replies.filter { $0.turn > anchored.turn }) {
            return CheckResult(summary: summary, met: true, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id))
        }
        if let (reply, behavior) = firstShowing(behaviors, replies) {
            let when = reply.turn == anchored.turn ? "in the same reply as" : "before"
            return CheckResult(summary: summary, met: false, turn: reply.turn, quote: reply.analysis.quote(for: behavior.id),
                               reason: "too early: \(behavior.id) at reply \(reply.turn), \(when) \(anchorBehavior.id) at reply \(anchored.turn)")
        }
        return CheckResult(summary: summary, met: false, reason: "never shown after \(anchorBehavior.id) at reply \(anchored.turn)")
    }

    /// The reason a check cannot be met yet (its moment has not come) starts with this.
    package static let notYet = "not yet"
}
