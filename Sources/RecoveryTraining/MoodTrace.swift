import Foundation

/// The customer's mood turn by turn (0 calm … 10 gone) and the replies that moved it most.
public struct MoodTrace: Codable, Sendable, Equatable {
    /// The mood at the start (turn 0) and after every reply.
    public var points: [MoodPoint]
    /// The moments that shaped the call, in turn order.
    public var turningPoints: [TurningPoint]

    /// The trace of `transcript`'s call.
    public init(_ transcript: Transcript) {
        self.init(opening: transcript.opening.moodAfter,
                  replies: transcript.turns.map { ($0.text, $0.response.moodAfter) })
    }

    /// The trace from the starting mood and each reply with the mood after it.
    public init(opening: Int, replies: [(text: String, moodAfter: Int)]) {
        var points = [MoodPoint(turn: 0, mood: opening, change: 0, reply: nil)]
        for (index, reply) in replies.enumerated() {
            points.append(MoodPoint(turn: index + 1, mood: reply.moodAfter,
                                    change: reply.moodAfter - points[index].mood, reply: reply.text))
        }
        self.points = points
        self.turningPoints = Self.turningPoints(points)
    }

    /// The moods in order, starting with the opening.
    public var moods: [Int] { points.map(\.mood) }

    /// A text sparkline such as `▆▇▅▃▁`: one bar per point, higher is angrier.
    public var sparkline: String {
        let bars = Array("▁▂▃▄▅▆▇█")
        return String(moods.map { bars[Int((Double(min(10, max(0, $0))) * 7 / 10).rounded())] })
    }

    private static func turningPoints(_ points: [MoodPoint]) -> [TurningPoint] {
        let moves = points.dropFirst().filter { $0.change != 0 }
        var kinds: [Int: [TurningPoint.Kind]] = [:]
        if let calmest = moves.filter({ $0.change < 0 }).min(by: { $0.change < $1.change }) {
            kinds[calmest.turn, default: []].append(.biggestCalming)
        }
        if let angriest = moves.filter({ $0.change > 0 }).max(by: { $0.change < $1.change }) {
            kinds[angriest.turn, default: []].append(.biggestUpset)
        }
        var previous: MoodPoint?
        for move in moves {
            if let before = previous, (before.change > 0) != (move.change > 0) {
                kinds[move.turn, default: []].append(move.change < 0 ? .turnedBetter : .turnedWorse)
            }
            previous = move
        }
        return kinds.keys.sorted().map { turn in
            let point = points[turn]
            return TurningPoint(turn: turn, from: point.mood - point.change, to: point.mood,
                                kinds: kinds[turn]!.sorted(), reply: point.reply ?? "")
        }
    }
}

/// The mood at one point of a call.
public struct MoodPoint: Codable, Sendable, Equatable {
    /// 0 for the opening, else the reply's number.
    public var turn: Int
    /// The mood after this point, 0 calm … 10 gone.
    public var mood: Int
    /// How far this reply moved the mood (negative: calmer).
    public var change: Int
    /// The reply that led here; nil for the opening.
    public var reply: String?
}

/// A reply that moved the customer's mood the most, or turned it around.
public struct TurningPoint: Codable, Sendable, Equatable {
    /// What makes a reply a turning point.
    public enum Kind: String, Codable, Sendable, Comparable {
        /// The reply that calmed the customer most.
        case biggestCalming = "biggest-calming"
        /// The reply that upset the customer most.
        case biggestUpset = "biggest-upset"
        /// The mood started falling after rising.
        case turnedBetter = "turned-better"
        /// The mood started rising after falling.
        case turnedWorse = "turned-worse"

        /// How a debrief says it. A turn for the worse may be one step on a call that was won,
        /// so it is not called more than it is: the size is in the turning point's moods, and
        /// the biggest upset is named apart.
        public var description: String {
            switch self {
            case .biggestCalming: "calmed the customer most"
            case .biggestUpset: "upset the customer most"
            case .turnedBetter: "turned the call around"
            case .turnedWorse: "set the call back"
            }
        }

        /// Declaration order.
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { [.biggestCalming, .biggestUpset, .turnedBetter, .turnedWorse].firstIndex(of: self)! }
    }

    /// The reply's number.
    public var turn: Int
    /// The mood before the reply.
    public var from: Int
    /// The mood after it.
    public var to: Int
    /// Why it counts, most telling first.
    public var kinds: [Kind]
    /// The reply that caused it.
    public var reply: String

    /// `calmed the customer most, turned the call around`.
    public var summary: String { kinds.map(\.description).joined(separator: ", ") }
}
