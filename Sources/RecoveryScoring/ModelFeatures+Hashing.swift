/// The hashes the learned reader's features are named by: FNV-1a over a word's bytes, mixed
/// with the feature's kind and its neighbours' hashes, folded to the 32-bit keys the model's
/// table holds.
extension ModelFeatures {
    /// FNV-1a over the UTF-8 bytes of `text`.
    @inline(__always)
    static func hash(_ text: String) -> UInt64 {
        // Over the bytes in place where the string has them so (native and small strings).
        text.utf8.withContiguousStorageIfAvailable(fnv1a) ?? fnv1a(text.utf8)
    }

    /// FNV-1a over `bytes`.
    @inline(__always)
    private static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        return value
    }

    /// A strong mix of a kind and up to three hashes (splitmix64 steps).
    @inline(__always)
    static func mix(_ kind: UInt8, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        @inline(__always) func step(_ value: UInt64, _ part: UInt64) -> UInt64 {
            var value = (value ^ part) &* 0xbf58_476d_1ce4_e5b9
            value ^= value >> 31
            value = value &* 0x94d0_49bb_1331_11eb
            return value ^ (value >> 29)
        }
        return step(step(step(UInt64(kind) &* 0x9e37_79b9_7f4a_7c15, a), b), c)
    }

    /// 32 bits of `value`, never 0 (the model's table marks empty slots with 0).
    @inline(__always)
    static func fold(_ value: UInt64) -> UInt32 {
        let folded = UInt32(truncatingIfNeeded: value ^ (value >> 32))
        return folded == 0 ? 1 : folded
    }

    /// What a sentence's first pair starts from.
    static let sentenceOpening: UInt64 = hash("<s>")
    /// Every number reads as one word: "20 minutes" and "45 minutes" are the same to the model.
    static let numberHash: UInt64 = hash("<number>")
}
