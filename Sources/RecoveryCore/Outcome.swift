/// How a call ended, at an ending node of its scenario.
public enum Outcome: String, Codable, Sendable, CaseIterable {
    /// The customer was won back.
    case recovered
    /// The customer stays, but not delighted.
    case retained
    /// The customer is gone.
    case lost
    /// The call was handed up.
    case escalated

    /// Whether the customer was won back (recovered) or at least kept (retained): the only
    /// outcomes a call can pass with.
    public var keepsCustomer: Bool { self == .recovered || self == .retained }
}

/// Where a call stands for grading: still going, stopped before an ending (`/quit`, Ctrl-D,
/// a signal, a restart), or ended at an outcome. Only an ended call that kept the customer can pass.
public enum CallEnding: Sendable, Hashable, Codable {
    /// The call is still going: the grade is provisional.
    case inProgress
    /// The call stopped before reaching an ending: graded for the record, never passed.
    case incomplete
    /// The call reached an ending with this outcome.
    case ended(Outcome)

    /// The outcome, when the call reached an ending.
    public var outcome: Outcome? {
        if case let .ended(outcome) = self { return outcome }
        return nil
    }

    /// How it reads in a debrief: "recovered", "lost", "incomplete", "in progress".
    public var description: String {
        switch self {
        case .inProgress: "in progress"
        case .incomplete: "incomplete"
        case let .ended(outcome): outcome.rawValue
        }
    }

    /// The ending its `description` names, if any.
    public init?(description: String) {
        switch description {
        case "in progress": self = .inProgress
        case "incomplete": self = .incomplete
        default:
            guard let outcome = Outcome(rawValue: description) else { return nil }
            self = .ended(outcome)
        }
    }

    /// Decodes the one string `description` writes.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ending = CallEnding(description: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown call ending '\(text)'"))
        }
        self = ending
    }

    /// Encodes as its `description`, one string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
