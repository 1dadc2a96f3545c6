/// How soon a reply's times are: Solomon's "fix it, or follow up, within twenty minutes" is
/// graded on the soonest time a reply names relative to now.
extension TimeReader {
    /// The soonest time among the time expressions of `tokens` (as `ends` marks them) that is
    /// relative to now, in minutes: "in 15 minutes" 15, "within twenty minutes" 20, "within the
    /// hour" 60, "half an hour" 30, "a few minutes" 5, "immediately" or "right now" 0. Clock
    /// times and days ("by 7", "tomorrow") are not relative to now and give nil.
    static func soonestMinutes(_ tokens: [Token], ends: [Int]) -> Int? {
        var soonest: Int?
        var i = 0
        while i < tokens.count {
            let end = ends[i]
            guard end > i else { i += 1; continue }
            // "half an hour": the expression starts at "an", after "half".
            let from = i > 0 && tokens[i - 1].key == "half" ? i - 1 : i
            if let minutes = minutes(tokens[from..<end]) { soonest = min(soonest ?? minutes, minutes) }
            i = end
        }
        for k in tokens.indices where tokens[k].key == "now" && k > 0 && ["right", "just"].contains(tokens[k - 1].key) {
            soonest = 0
        }
        return soonest
    }

    /// The minutes of one time expression, when it is a duration from now.
    private static func minutes(_ words: ArraySlice<Token>) -> Int? {
        if words.contains(where: { $0.key == "immediately" }) { return 0 }
        guard let unitIndex = words.firstIndex(where: { $0.flags.contains(.timeUnit) }) else { return nil }
        let perUnit: Double
        switch words[unitIndex].key {
        case "second", "moment": perUnit = 1.0 / 60
        case "minute": perUnit = 1
        case "hour": perUnit = 60
        case "day": perUnit = 60 * 24
        case "week": perUnit = 60 * 24 * 7
        default: return nil
        }
        var count: Double = 1
        for token in words[words.startIndex..<unitIndex].reversed() {
            if let value = value(of: token.key) { count = value; break }
        }
        if words[words.startIndex..<unitIndex].contains(where: { $0.key == "half" }) { count = count == 1 ? 0.5 : count + 0.5 }
        return Int((count * perUnit).rounded(.up))
    }

    /// The number a word or numeral stands for ("twenty" 20, "15" 15, "few" 5, "couple" 2).
    private static func value(of key: String) -> Double? {
        if let number = Double(key) { return number }
        return spelled[key]
    }

    private static let spelled: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
        "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90, "few": 5, "couple": 2,
    ]
}
