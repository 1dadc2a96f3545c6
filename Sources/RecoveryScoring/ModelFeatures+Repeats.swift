/// A reply's word features weigh their counts over the length of that count vector (with the
/// standard length power, ½) and the rules' findings weigh in full, so a reply that repeats
/// itself word for word reads as it does said once: "I am so sorry" said forty times cannot
/// push the learned reader to certainty of anything (docs/scoring-data.md, "How the two
/// readers combine").
extension ModelFeatures {
    /// Numbers each feature's occurrences: `occurrence` counts the earlier features of its key
    /// in the reply, plus one, and `sentenceOccurrence` those in its sentence. A key that comes
    /// `m` times adds 1 + 3 + … + (2m − 1) = m² to the sum of the squares, so each reading's
    /// squared length is the sum of `2k − 1` over its features. `features` must be in sentence
    /// order, as `extract` makes them.
    static func numberOccurrences(_ features: inout [ModelFeature], tokens: [Token]) {
        let count = features.count
        guard count > 1 else { return }
        var capacity = 32
        while capacity < count + count / 2 { capacity <<= 1 }
        let mask = capacity - 1
        withUnsafeTemporaryAllocation(of: OccurrenceSlot.self, capacity: capacity) { slots in
            // Zeroed in one go: key 0 marks an empty slot (keys never are 0).
            UnsafeMutableRawPointer(slots.baseAddress!)
                .initializeMemory(as: UInt8.self, repeating: 0, count: capacity * MemoryLayout<OccurrenceSlot>.stride)
            tokens.withUnsafeBufferPointer { tokens in
            features.withUnsafeMutableBufferPointer { features in
                for k in 0..<count {
                    let key = features[k].key
                    let sentence = features[k].coversWords ? Int32(tokens[Int(features[k].start)].sentence) : -1
                    var slot = Int(key &* 0x9e37_79b1) & mask
                    while slots[slot].key != key && slots[slot].key != 0 { slot = (slot + 1) & mask }
                    if slots[slot].key == key {
                        slots[slot].count &+= slots[slot].count == .max ? 0 : 1
                        let again = slots[slot].sentence == sentence && slots[slot].inSentence < .max
                        slots[slot].inSentence = again ? slots[slot].inSentence + 1 : 1
                        slots[slot].sentence = sentence
                    } else {
                        slots[slot] = OccurrenceSlot(key: key, count: 1, inSentence: 1, sentence: sentence)
                    }
                    features[k].occurrence = slots[slot].count
                    features[k].sentenceOccurrence = slots[slot].inSentence
                }
            }
            }
        }
    }

    /// The squared length of the count vector of `features`' words (the rules' findings left
    /// out), which a reply's word weights are divided by (to the length power).
    static func squaredWordLength(_ features: [ModelFeature]) -> Int {
        var squares = 0
        for feature in features where feature.coversWords { squares += feature.squareInReply }
        return squares
    }

    /// A key's count so far in `numberOccurrences`, the last sentence it came in and its count there.
    private struct OccurrenceSlot {
        var key: UInt32
        var count: UInt16
        var inSentence: UInt16
        var sentence: Int32
    }
}

extension ModelFeature {
    /// Whether the feature stands on words of the reply; false for a whole-reply feature (what
    /// the rules found), which weighs in full rather than scaled with the words.
    @inline(__always)
    var coversWords: Bool { end > start }
    /// What the feature adds to its reply's squared length: the `m`th of a key adds 2m − 1.
    @inline(__always)
    var squareInReply: Int { Int(occurrence) * 2 - 1 }
    /// What the feature adds to its sentence's squared length.
    @inline(__always)
    var squareInSentence: Int { Int(sentenceOccurrence) * 2 - 1 }
}
