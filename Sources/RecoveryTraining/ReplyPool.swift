import RecoveryCore
import RecoveryScoring

/// The replies an exploring call draws from: the behaviour examples of the scoring data that must
/// trigger their behaviour (recovery behaviours and failures apart), and each scenario intent
/// phrase in a short sentence. In a fixed order, so draws are reproducible.
public struct ReplyPool: Sendable {
    /// Examples of the recovery behaviours.
    public let good: [String]
    /// Examples of the failures (non-apologies, blame, passing the buck, dismissiveness, vague promises).
    public let bad: [String]
    /// Intent phrases in short sentences.
    public let intents: [String]

    /// Whether there is nothing to draw.
    public var isEmpty: Bool { good.isEmpty && bad.isEmpty && intents.isEmpty }

    /// The pool of `catalog`'s triggering examples and the phrases of `intents`.
    public init(catalog: BehaviorCatalog, intents: [(name: String, phrases: [String])]) {
        let examples = catalog.entries.map { entry in (entry.behavior, entry.examples.filter(\.triggers).map(\.text)) }
        good = examples.filter { !$0.0.isNegative }.flatMap(\.1)
        bad = examples.filter { $0.0.isNegative }.flatMap(\.1)
        let templates = ["About the %@, what can you tell me?", "I understand this is about the %@.",
                         "Let me look at the %@ now.", "Right, the %@."]
        var sentences: [String] = []
        for (name, phrases) in intents {
            for (index, phrase) in phrases.enumerated() {
                sentences.append(templates[(index + name.count) % templates.count].replacingOccurrences(of: "%@", with: phrase))
            }
        }
        self.intents = sentences
    }
}

/// How one exploring call's trainee behaves, drawn at its start: how often a reply part is a
/// failure or an intent phrase, and how often the trainee is slow. Some runs are careful, some careless.
struct ExploringTrainee {
    /// Chance that a reply part is a failure example.
    let badShare: Double
    /// Chance that a reply part is an intent sentence.
    let intentShare: Double
    /// Chance that a reply comes after the customer's patience has run out.
    let slowShare: Double

    init(_ random: inout SeededGenerator) {
        badShare = [0, 0.05, 0.15, 0.35][random.index(below: 4)]
        intentShare = [0.2, 0.35][random.index(below: 2)]
        slowShare = [0, 0.1, 0.25][random.index(below: 3)]
    }

    /// One to three parts joined (40%, 35%, 25%), so branches needing several behaviours at once can fire.
    func reply(from pool: ReplyPool, _ random: inout SeededGenerator) -> String {
        let roll = random.index(below: 20)
        let parts = roll < 8 ? 1 : (roll < 15 ? 2 : 3)
        return (0..<parts).map { _ in part(from: pool, &random) }.joined(separator: " ")
    }

    private func part(from pool: ReplyPool, _ random: inout SeededGenerator) -> String {
        let roll = Double(random.index(below: 1000)) / 1000
        let list: [String]
        if roll < badShare && !pool.bad.isEmpty {
            list = pool.bad
        } else if roll < badShare + intentShare && !pool.intents.isEmpty {
            list = pool.intents
        } else {
            list = pool.good.isEmpty ? pool.bad + pool.intents : pool.good
        }
        return list[random.index(below: list.count)]
    }

    /// Seconds: within the customer's patience (30 s if the scenario gives none), or beyond it by up to a minute more.
    func latency(patience: Double?, _ random: inout SeededGenerator) -> Double {
        let patience = max(2, Int((patience ?? 30).rounded()))
        if Double(random.index(below: 1000)) / 1000 < slowShare {
            return Double(patience + 1 + random.index(below: patience + 60))
        }
        return Double(1 + random.index(below: patience))
    }
}
