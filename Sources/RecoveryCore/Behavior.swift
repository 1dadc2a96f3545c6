/// One of the sixteen recovery behaviours (docs/labelling.md); the raw value is the public id.
public enum Behavior: String, CaseIterable, Codable, Sendable, Comparable {
    case empathize
    case apologize
    case own
    case explore
    case resolve
    case choice
    case commit
    case atone
    case followUp = "follow_up"
    case verify
    case thank
    case nonApology = "non_apology"
    case blame
    case deflect
    case dismiss
    case vaguePromise = "vague_promise"

    /// The behaviour with this public id, if there is one.
    public init?(id: String) { self.init(rawValue: id) }

    /// The public id, as written in scenarios, rubrics and transcripts.
    public var id: String { rawValue }

    /// Whether this is one of the failures a grader penalises.
    public var isNegative: Bool {
        switch self {
        case .nonApology, .blame, .deflect, .dismiss, .vaguePromise: true
        default: false
        }
    }

    /// Every public id, in the order of docs/labelling.md.
    public static var allIDs: [String] { allCases.map(\.rawValue) }

    /// Declaration order, so sets of behaviours print the same way every time.
    public static func < (lhs: Behavior, rhs: Behavior) -> Bool {
        order[lhs]! < order[rhs]!
    }

    private static let order: [Behavior: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) }
    )
}
