/// Turns one typed word into the normalised words the matcher sees: lowercase, straight
/// apostrophes, contractions expanded ("I'm" -> "i am", "won't" -> "will not"), common
/// misspellings and chat spellings fixed ("sory" -> "sorry", "u" -> "you", "apologise" ->
/// "apologize"), and stretched letters folded ("sooo" -> "so").
enum Normalizer {
    /// The normalised words for `raw` (already lowercased, apostrophes straight), and whether
    /// letters were stretched ("sooo").
    static func expand(_ raw: String) -> (words: [String], stretched: Bool) {
        var word = raw
        while word.hasPrefix("'") && !(word.count > 1 && leadingApostropheWords[word] != nil) {
            word.removeFirst()
        }
        while word.hasSuffix("'") { word.removeLast() }
        guard !word.isEmpty else { return ([], false) }
        let (folded, stretched) = foldStretched(word)
        if let fixed = replacements[folded] { return (fixed, stretched) }
        if let fixed = leadingApostropheWords[folded] { return ([fixed], stretched) }
        if folded.utf8.contains(UInt8(ascii: "'")) { return (expandContraction(folded), stretched) }
        if folded.hasSuffix("ise") || folded.hasSuffix("ised") || folded.hasSuffix("ising") {
            return ([britishToAmerican(folded)], stretched)
        }
        return ([folded], stretched)
    }

    /// Whether `expand(raw)` can differ from `[raw]` or a whole-word fix of `raw` (not
    /// stretched), read from the word's UTF-8 bytes without allocating: an apostrophe,
    /// stretched letters, a British "-ise" / "-ised" / "-ising" ending, or an empty word need
    /// `expand`. Anything else is left alone or fixed by one lookup in `replacements` (which
    /// `WordTable` holds).
    static func needsFullExpansion(utf8 raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0, run = 0
        var tail: UInt64 = 0  // the last eight bytes, the latest lowest
        for byte in raw {
            if byte == UInt8(ascii: "'") { return true }
            if byte == previous, byte >= 0x61 { run += 1; if run >= 2 { return true } } else { run = 0 }
            previous = byte
            tail = tail << 8 | UInt64(byte)
        }
        if previous == 0 { return true }
        // The "-ise" endings, on bytes: an ASCII suffix ends the characters exactly when it
        // ends the bytes. (Missing leading bytes are zero, which no suffix byte is.)
        return tail & 0xFF_FFFF == 0x69_73_65                 // "ise"
            || tail & 0xFFFF_FFFF == 0x69_73_65_64            // "ised"
            || tail & 0xFF_FFFF_FFFF == 0x69_73_69_6E_67      // "ising"
    }

    /// Collapses runs of three or more equal letters ("sooo" -> "so", "sorryyy" -> "sorry").
    static func foldStretched(_ word: String) -> (String, Bool) {
        guard hasTripleLetter(word) else { return (word, false) }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        var run = 0
        var stretched = false
        for scalar in word.unicodeScalars {
            if scalar == previous, scalar.properties.isAlphabetic {
                run += 1
                if run >= 2 { stretched = true; continue }
            } else {
                run = 0
            }
            previous = scalar
            out.append(scalar)
        }
        guard stretched else { return (word, false) }
        var result = String(out)
        // "soo" (two left after folding) reads as "so"; "sorry" keeps its double r.
        if let fixed = replacements[result], fixed.count == 1 { result = fixed[0] }
        return (result, true)
    }

    private static func hasTripleLetter(_ word: String) -> Bool {
        var previous: UInt8 = 0, run = 0
        for byte in word.utf8 {
            if byte == previous, byte >= 0x61 { run += 1; if run >= 2 { return true } } else { run = 0 }
            previous = byte
        }
        return false
    }

    private static func expandContraction(_ word: String) -> [String] {
        if let special = irregularContractions[word] { return special }
        for (suffix, expansion) in contractionSuffixes where word.hasSuffix(suffix) {
            let base = String(word.dropLast(suffix.count))
            guard !base.isEmpty else { break }
            return expand(base).words + [expansion]
        }
        if word.hasSuffix("'s") {
            let base = String(word.dropLast(2))
            if isWithS.contains(base) { return [base, "is"] }
            return expand(base).words + ["'s"]
        }
        return word.split(separator: "'").map(String.init)
    }

    private static func britishToAmerican(_ word: String) -> String {
        let stems = ["apolog", "realis", "recognis", "prioritis", "organis", "emphasis"]
        guard stems.contains(where: word.hasPrefix) else { return word }
        var result = word
        if let range = result.range(of: "is", options: .backwards) {
            result.replaceSubrange(range, with: "iz")
        }
        return result
    }

    private static let contractionSuffixes: [(String, String)] = [
        ("n't", "not"), ("'m", "am"), ("'re", "are"), ("'ll", "will"), ("'ve", "have"), ("'d", "would"),
    ]

    private static let isWithS: Set<String> = [
        "it", "that", "there", "here", "he", "she", "what", "who", "where", "how", "everything",
        "nothing", "something", "this", "which", "when", "why", "someone", "somebody",
    ]

    private static let irregularContractions: [String: [String]] = [
        "won't": ["will", "not"], "can't": ["can", "not"], "shan't": ["shall", "not"],
        "ain't": ["is", "not"], "let's": ["let", "us"], "o'clock": ["oclock"], "y'all": ["you"],
        "gov't": ["government"], "ma'am": ["ma'am"],
    ]

    private static let leadingApostropheWords: [String: String] = [
        "'bout": "bout", "'cause": "because", "'em": "them", "'til": "until", "'round": "around",
    ]

    /// Whole-word fixes: apostrophe-less contractions, misspellings, chat spellings.
    static let replacements: [String: [String]] = [
        "im": ["i", "am"], "ive": ["i", "have"], "ill": ["i", "will"], "youre": ["you", "are"],
        "youll": ["you", "will"], "youve": ["you", "have"], "theyre": ["they", "are"],
        "theyll": ["they", "will"], "thats": ["that", "is"], "whats": ["what", "is"],
        "theres": ["there", "is"], "hes": ["he", "is"], "shes": ["she", "is"], "lets": ["let", "us"],
        "dont": ["do", "not"], "doesnt": ["does", "not"], "didnt": ["did", "not"], "cant": ["can", "not"],
        "cannot": ["can", "not"], "wont": ["will", "not"], "isnt": ["is", "not"], "wasnt": ["was", "not"],
        "arent": ["are", "not"], "werent": ["were", "not"], "shouldnt": ["should", "not"],
        "couldnt": ["could", "not"], "wouldnt": ["would", "not"], "havent": ["have", "not"],
        "hasnt": ["has", "not"], "hadnt": ["had", "not"], "aint": ["is", "not"], "gonna": ["going", "to"],
        "gotta": ["got", "to"], "wanna": ["want", "to"], "sory": ["sorry"], "sorr": ["sorry"],
        "sorrry": ["sorry"], "soory": ["sorry"], "sorey": ["sorry"], "sorri": ["sorry"], "srry": ["sorry"],
        "sry": ["sorry"], "soz": ["sorry"], "sorryy": ["sorry"], "apologies": ["apologies"],
        "appologize": ["apologize"], "appologise": ["apologize"], "apologize": ["apologize"],
        "apologoze": ["apologize"], "appologies": ["apologies"], "apolgize": ["apologize"],
        "apolgise": ["apologize"], "apologie": ["apologies"], "u": ["you"], "ur": ["your"], "r": ["are"],
        "ya": ["you"], "yr": ["your"], "pls": ["please"], "plz": ["please"], "thx": ["thanks"],
        "thanx": ["thanks"], "thnx": ["thanks"], "ty": ["thank", "you"], "tks": ["thanks"],
        "tmrw": ["tomorrow"], "tmr": ["tomorrow"], "tmw": ["tomorrow"], "tomorow": ["tomorrow"],
        "tommorow": ["tomorrow"], "tommorrow": ["tomorrow"], "tomorro": ["tomorrow"], "2moro": ["tomorrow"],
        "2morrow": ["tomorrow"], "2mrw": ["tomorrow"], "2nyt": ["tonight"], "b4": ["before"], "gr8": ["great"],
        "l8": ["late"], "l8r": ["later"], "w8": ["wait"], "m8": ["mate"], "any1": ["anyone"], "some1": ["someone"],
        "every1": ["everyone"], "no1": ["no", "one"], "str8": ["straight"],
        "tonite": ["tonight"], "2nite": ["tonight"], "tday": ["today"], "2day": ["today"], "min": ["minutes"],
        "mins": ["minutes"], "minz": ["minutes"], "hr": ["hours"], "hrs": ["hours"], "sec": ["seconds"],
        "secs": ["seconds"], "wk": ["week"], "wks": ["weeks"], "asap": ["asap"], "eod": ["end", "of", "day"],
        "cob": ["close", "of", "business"], "mon": ["monday"], "tue": ["tuesday"], "tues": ["tuesday"],
        "wed": ["wednesday"], "thu": ["thursday"], "thur": ["thursday"], "thurs": ["thursday"],
        "fri": ["friday"], "recieve": ["receive"],
        "definately": ["definitely"], "responsability": ["responsibility"], "responsibilty": ["responsibility"],
        "frustating": ["frustrating"], "frustated": ["frustrated"], "techician": ["technician"],
        "tecnician": ["technician"], "technition": ["technician"], "realy": ["really"], "terible": ["terrible"],
        "horible": ["horrible"], "horrable": ["horrible"], "awfull": ["awful"], "aweful": ["awful"],
        "dissapointed": ["disappointed"], "dissappointed": ["disappointed"], "disapointed": ["disappointed"],
        "unexceptable": ["unacceptable"], "unacceptible": ["unacceptable"], "inconvinience": ["inconvenience"],
        "inconvienence": ["inconvenience"], "embarassing": ["embarrassing"], "stressfull": ["stressful"],
        "tech": ["technician"], "techs": ["technicians"], "soo": ["so"], "sooo": ["so"], "thankyou": ["thank", "you"],
        "okay": ["ok"], "k": ["ok"], "cuz": ["because"], "coz": ["because"], "bc": ["because"],
        "ok'": ["ok"], "shoulda": ["should", "have"], "coulda": ["could", "have"],
        "woulda": ["would", "have"], "musta": ["must", "have"], "noone": ["no", "one"], "alot": ["a", "lot"], "w/": ["with"],
    ]
}
