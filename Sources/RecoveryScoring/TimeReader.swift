/// Finds time expressions in a token array: clock times ("5pm", "7:30", "by 5"), days
/// ("today", "tonight", "first thing tomorrow", "end of day", "Thursday", "the 14th"),
/// durations ("in 20 mins", "within the hour", "24 hours") and ranges ("3 to 5 business
/// days"). Vague words ("soon", "shortly", "asap") are not times.
struct TimeReader {
    private let tokens: [Token]

    /// A reader over `tokens`.
    init(_ tokens: [Token]) { self.tokens = tokens }

    /// Sets `ends` (reusing its storage) to, for each token, the end (exclusive) of the longest
    /// time expression starting there, or the token's own index when none starts there.
    func ends(into ends: inout [Int]) {
        ends.removeAll(keepingCapacity: true)
        ends.reserveCapacity(tokens.count)
        for start in tokens.indices { ends.append(end(from: start)) }
    }

    /// The end of the longest time expression starting at token `start`, or `start`.
    private func end(from start: Int) -> Int {
        // Most words can begin no time expression: no reading for them.
        guard !tokens[start].flags.isDisjoint(with: Self.canBegin) else { return start }
        // "these two days", "the last 3 hours": a span in the past, not a timeframe.
        if start > 0, has(start - 1, .pastMarker), duration(at: start) != nil { return start }
        if has(start, .pastMarker), tokens[start].key != "last", duration(at: start + 1) != nil { return start }
        // "when I get a minute", "if you have a second": free time, not a timeframe.
        if start > 0, let verb = word(start - 1), Self.freeTimeVerbs.contains(verb), ["a", "an", "one"].contains(tokens[start].key),
           duration(at: start) != nil { return start }
        guard var end = expression(at: start) else { return start }
        while let more = expression(at: end) { end = more }  // "by 7 tonight"
        return end
    }

    private func word(_ i: Int) -> String? {
        i < tokens.count && tokens[i].isWord ? tokens[i].key : nil
    }

    /// Whether token `i` exists, is a word and has `flag` (a word class of its key).
    @inline(__always)
    private func has(_ i: Int, _ flag: Token.Flags) -> Bool {
        i < tokens.count && tokens[i].flags.contains(flag)
    }

    private func expression(at i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        if tokens[i].flags.contains(.timePreposition) {
            if let end = core(at: i + 1, afterPreposition: true) { return end }
            if w == "within" || w == "in" || w == "inside" || w == "under" {
                if word(i + 1) == "the", has(i + 2, .timeUnit) { return i + 3 }
            }
            return nil
        }
        return core(at: i, afterPreposition: false)
    }

    private func core(at i: Int, afterPreposition: Bool) -> Int? {
        guard let w = word(i) else { return nil }
        if w == "the", let end = date(at: i + 1) { return end }
        if w == "the" || w == "this" || w == "next", word(i + 1) == "next" || w != "the",
           let end = duration(at: w == "the" ? i + 2 : i + 1) { return end }
        if let end = duration(at: i) { return end }
        if w == "the", word(i + 1) == "next", let unit = word(i + 2), ["hour", "minute", "moment", "second"].contains(unit) {  // "the next hour"
            return word(i + 3) == "or" && isNumber(i + 4) ? i + 5 : i + 3
        }
        if let end = clock(at: i, afterPreposition: afterPreposition) { return end }
        if let end = date(at: i) { return end }
        if let end = dayPhrase(at: i) { return end }
        return nil
    }

    /// "today", "tomorrow morning", "first thing tomorrow", "end of day", "this afternoon", "Monday".
    private func dayPhrase(at i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        if tokens[i].flags.contains(.day) {
            if has(i + 1, .dayPart) { return i + 2 }
            return i + 1
        }
        if w == "right", word(i + 1) == "now" || word(i + 1) == "away" { return i + 2 }
        if w == "straight", word(i + 1) == "away" { return i + 2 }
        if tokens[i].flags.contains(.timeOfDayWord) { return i + 1 }
        if w == "later", word(i + 1) == "today" || word(i + 1) == "tonight" { return i + 2 }
        if (w == "this" || w == "next" || w == "tomorrow"), let part = word(i + 1),
           tokens[i + 1].flags.contains(.dayPart) || part == "week" || part == "weekend" || tokens[i + 1].flags.contains(.dayName) {
            return i + 2
        }
        if w == "first", word(i + 1) == "thing" {
            if let end = dayPhrase(at: i + 2) { return end }
            if word(i + 2) == "in", word(i + 3) == "the", word(i + 4) == "morning" { return i + 5 }
            return i + 2
        }
        if w == "end" || w == "close", word(i + 1) == "of" {
            let j = word(i + 2) == "the" ? i + 3 : i + 2
            if let unit = word(j), ["day", "business", "week", "play", "shift", "month"].contains(unit) { return j + 1 }
        }
        return nil
    }

    /// "5pm", "7:30", "at 5", "by 7", "5 o'clock", "7 to 9 am", "half past six".
    private func clock(at i: Int, afterPreposition: Bool) -> Int? {
        if let w = word(i), w == "half" || w == "quarter", let link = word(i + 1), link == "past" || link == "to", isNumber(i + 2) {
            return i + 3
        }
        if isNumber(i), let link = word(i + 1), link == "past" || (link == "to" && tokens[i].kind != .number), isNumber(i + 2) {
            return i + 3  // "twenty past four", "ten to six"
        }
        if let end = hourInWords(at: i, afterPreposition: afterPreposition) { return end }
        if afterPreposition, word(i) == "half", let end = hourAfterHalf(at: i + 1) { return end }
        guard i < tokens.count, tokens[i].kind == .number else { return nil }
        let text = tokens[i].text
        // A range of clock times: "7 and 9 am" (after "between"), "8 to 10am", "8-10".
        if let link = word(i + 1), link == "to" || link == "and", i + 2 < tokens.count, tokens[i + 2].kind == .number {
            if let suffix = word(i + 3), ["am", "pm"].contains(suffix) { return i + 4 }
            if afterPreposition || (i > 0 && tokens[i - 1].flags.contains(.day)),
               word(i + 3).map({ !tokens[i + 3].flags.contains(.timeUnit) && $0 != "business" && $0 != "working" }) ?? true {
                return i + 3
            }
        }
        if let suffix = word(i + 1), ["am", "pm", "oclock"].contains(suffix) { return i + 2 }
        if text.contains(":") { return i + 1 }
        if afterPreposition, let value = Int(text), (1...24).contains(value) { return i + 1 }
        return nil
    }

    /// "by three", "at four", "around six", "three o'clock": an hour in words. After a preposition
    /// it must be one that sets a time (not "after three calls", "about six people") and not be
    /// counting something ("by three different people", "at one of our branches").
    private func hourInWords(at i: Int, afterPreposition: Bool) -> Int? {
        guard has(i, .numberWord), Self.hourWords.contains(tokens[i].key) else { return nil }
        if let suffix = word(i + 1), ["am", "pm", "oclock"].contains(suffix) { return i + 2 }
        guard afterPreposition, i > 0, let preposition = word(i - 1), Self.hourPrepositions.contains(preposition) else { return nil }
        if i > 1, word(i - 2) == tokens[i].key { return nil }  // "one by one"
        if let next = word(i + 1), !tokens[i + 1].breakBefore, Self.countedAfterAnHour.contains(next) || countsThings(i + 1) { return nil }
        return i + 1
    }

    /// "half four", "half 2": half past the hour, in British and Irish English, after a
    /// preposition ("by half four", "at half two"); not when it counts ("by half four boxes").
    private func hourAfterHalf(at i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        let isHour = tokens[i].kind == .number ? Int(tokens[i].text).map { (1...12).contains($0) } ?? false
            : has(i, .numberWord) && Self.hourWords.contains(w)
        guard isHour else { return nil }
        if let next = word(i + 1), !tokens[i + 1].breakBefore, Self.countedAfterAnHour.contains(next) || countsThings(i + 1) { return nil }
        if let suffix = word(i + 1), ["am", "pm"].contains(suffix) { return i + 2 }
        return i + 1
    }

    /// Whether token `i` is a plural that is no time word ("by two engineers", "around four
    /// departments", "at three branches"): what a number word before it counts. A plural is a
    /// word whose comparison key folded its "s" away (`comparisonKey`). Days and parts of the day
    /// are kept ("at eight Sundays" is still a time).
    private func countsThings(_ i: Int) -> Bool {
        tokens[i].key != tokens[i].text && tokens[i].flags.isDisjoint(with: [.day, .dayPart, .timeOfDayWord, .timeUnit])
    }

    /// "the 14th", "June 5", "5 June", "14th".
    private func date(at i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        if tokens[i].flags.contains(.month), i + 1 < tokens.count, tokens[i + 1].kind == .number { return i + 2 }
        guard tokens[i].kind == .number else { return nil }
        if has(i + 1, .month) { return i + 2 }
        if word(i + 1) == "of", has(i + 2, .month) { return i + 3 }
        if ["st", "nd", "rd", "th"].contains(where: w.hasSuffix), w.first?.isNumber == true { return i + 1 }
        return nil
    }

    /// "20 minutes", "an hour", "a few minutes", "3 to 5 business days", "24 hours".
    private func duration(at i: Int) -> Int? {
        var j = i
        guard let w = word(j) else { return nil }
        if isNumber(j) {
            j += 1
            if let link = word(j), link == "to" || link == "or", isNumber(j + 1) { j += 2 }
        } else if w == "a" || w == "an" || w == "one" {  // not "the": "the second order" is no time
            j += 1
            if word(j) == "few" || word(j) == "couple" { j += 1; if word(j) == "of" { j += 1 } }
            if word(j) == "half" { j += 1 }
        } else if w == "few" || w == "couple" {
            j += 1
            if word(j) == "of" { j += 1 }
        } else {
            return nil
        }
        if let more = word(j), more == "more" || more == "extra" { j += 1 }
        if let kind = word(j), kind == "business" || kind == "working" || kind == "calendar" { j += 1 }
        guard has(j, .timeUnit) else { return nil }
        // "a second opinion", "a second engineer": the ordinal, not the unit.
        if tokens[j].key == "second", j == i + 1, let next = word(j + 1), !Self.afterASecond.contains(next) { return nil }
        if word(j + 1) == "or", isNumber(j + 2) { return j + 3 }  // "an hour or two"
        return j + 1
    }

    private func isNumber(_ i: Int) -> Bool {
        i < tokens.count && tokens[i].flags.contains(.number)
    }

    /// Whether the token at `i` is a number, in digits or words ("five", "twenty").
    static func isNumber(_ token: Token) -> Bool {
        token.flags.contains(.number)
    }

    /// The word classes of every word a time expression (`expression(at:)`) can begin with:
    /// a token with none of them starts none.
    private static let canBegin: Token.Flags = [.timeOpening, .timePreposition, .number, .month, .day, .timeOfDayWord]

    /// The words `core(at:afterPreposition:)`, `duration`, `clock` and `dayPhrase` compare the
    /// first word with, besides the word classes of `canBegin`. Keep in step with them.
    static let openingWords: Set<String> = [
        "the", "this", "next", "a", "an", "one", "few", "couple", "half", "quarter", "right", "straight",
        "later", "tomorrow", "first", "end", "close",
    ]

    static let prepositions: Set<String> = [
        "by", "at", "before", "until", "till", "til", "around", "on", "from", "within", "in", "inside",
        "under", "for", "after", "about", "between",
    ]
    /// Words before a duration that put it in the past ("these two days", "the past hour").
    static let pastMarkers: Set<String> = ["these", "those", "last", "past", "previous"]
    static let units: Set<String> = ["second", "minute", "hour", "day", "week", "month", "moment"]
    /// Verbs whose object "a minute" is free time ("when I get a minute"), not a timeframe.
    static let freeTimeVerbs: Set<String> = ["get", "gets", "got", "have", "has", "find", "finds", "spare", "grab"]
    /// Words that may follow "a second" meant as a while ("in a second and I'll…", "give me a
    /// second to check"); any other word makes it the ordinal ("a second opinion").
    static let afterASecond: Set<String> = prepositions.union(["and", "or", "but", "so", "then", "while", "please", "to", "ago", "later", "longer", "more", "now", "ok", "okay"])
    static let dayWords: Set<String> = ["today", "tonight", "tomorrow", "overnight"]
    static let dayParts: Set<String> = ["morning", "afternoon", "evening", "night", "lunchtime"]
    static let dayNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
        "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri",
    ]
    /// Single words that name a time of day ("noon", "eod").
    static let timeOfDayWords: Set<String> = ["immediately", "noon", "midday", "midnight", "lunch", "lunchtime", "eod", "cob"]
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]
    /// The hours of a clock in words, "one" to "twelve".
    static let hourWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]
    /// Prepositions before which an hour in words is a time of day ("by three", "at four").
    static let hourPrepositions: Set<String> = ["by", "at", "before", "until", "till", "til", "around"]
    /// Words after "by three", "at one" that show a count, not a time ("by three different
    /// people", "at one point", "until one's fitted"), besides any plural (`countsThings`).
    static let countedAfterAnHour: Set<String> = [
        "of", "different", "other", "more", "separate", "people", "person", "point", "stage", "time", "thing",
        "wear", "hundred", "thousand", "percent", "pound", "dollar", "euro", "quid", "'s", "is", "another",
    ]
    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "fifteen", "twenty", "thirty", "forty", "forty-five", "fifty", "sixty", "ninety",
    ]
}
