import Foundation

/// The model's features and weights in an open-addressing table, held in raw memory so that a
/// reply's sum reads rows without copies or bounds checks. A feature's row is its slot: the
/// probe reads 4-byte keys (0: empty) and finds the weights at the same index, one cache line,
/// with no row number to fetch between.
///
/// The look-ups land all over 8 MiB, so on Linux the memory is asked for on 2 MiB pages
/// (transparent huge pages, `madvise`): with 4 KiB pages nearly every look-up also missed the
/// address translation cache, which costs most on a virtual machine.
final class FeatureTable: @unchecked Sendable {
    let keys: [UInt32]
    let weights: [Float]
    private let slots: UnsafeMutableBufferPointer<UInt32>
    /// The weights of the feature in each used slot (the others are never read, nor written).
    private let rowData: UnsafeMutableBufferPointer<SIMD16<Float>>
    private let mask: Int
    /// The memory of `rowData` and `slots`, from `TableMemory.allocate`.
    private let memory: TableMemory

    init(keys: [UInt32], weights: [Float]) {
        self.keys = keys
        self.weights = weights
        var size = 16
        while size < keys.count + keys.count / 2 { size <<= 1 }
        let rowBytes = size * MemoryLayout<SIMD16<Float>>.stride
        memory = TableMemory(byteCount: rowBytes + size * MemoryLayout<UInt32>.stride)
        rowData = UnsafeMutableBufferPointer(start: memory.base.bindMemory(to: SIMD16<Float>.self, capacity: size), count: size)
        slots = UnsafeMutableBufferPointer(start: (memory.base + rowBytes).bindMemory(to: UInt32.self, capacity: size), count: size)
        slots.initialize(repeating: 0)
        mask = size - 1
        for (row, key) in keys.enumerated() {
            var slot = Int(key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = key
            var weightRow = SIMD16<Float>(repeating: 0)
            for s in 0..<16 { weightRow[s] = weights[row * 16 + s] }
            (rowData.baseAddress! + slot).initialize(to: weightRow)
        }
    }

    /// The row of `key`, if present.
    @inline(__always)
    func row(_ key: UInt32) -> Int? {
        var slot = Int(key) & mask
        while true {
            let found = slots[slot]
            // Empty first: key 0 marks an empty slot, so no feature is found under it.
            if found == 0 { return nil }
            if found == key { return slot }
            slot = (slot + 1) & mask
        }
    }

    /// The slot the look-up of `key` reads first: read ahead of `row(_:firstSlot:)`, for
    /// several keys in a row, so that their cache misses are waited for together.
    @inline(__always)
    func firstSlot(_ key: UInt32) -> UInt32 { slots[Int(key) & mask] }

    /// `row(key)`, given `firstSlot(key)`.
    @inline(__always)
    func row(_ key: UInt32, firstSlot: UInt32) -> Int? {
        if firstSlot == 0 { return nil }
        return firstSlot == key ? Int(key) & mask : row(key)
    }

    /// The weights of row `row`, one per behaviour.
    @inline(__always)
    func rowWeights(_ row: Int) -> SIMD16<Float> { rowData[row] }

    /// The weight of row `row` for the behaviour in `slot`.
    @inline(__always)
    func weight(row: Int, slot: Int) -> Float { rowData[row][slot] }

    /// The sum of the weight rows of `features`, noting each feature's row in it (-1: unknown;
    /// a row noted before is not looked up again). In passes, so that the cache misses of
    /// different features are waited for together rather than one after another: each
    /// feature's first slot is read (and kept) before any is tested, each row's first line is
    /// read before the rows are added, in order.
    @inline(__always)
    func sum(_ features: inout [ModelFeature]) -> SIMD16<Float> {
        var sum = SIMD16<Float>(repeating: 0)
        let count = features.count
        features.withUnsafeMutableBufferPointer { features in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { first in
                for k in 0..<count { first[k] = firstSlot(features[k].key) }
                for k in 0..<count where features[k].row == ModelFeature.notLookedUp {
                    features[k].row = row(features[k].key, firstSlot: first[k]).map { Int32($0) } ?? -1
                }
            }
            for k in 0..<count where features[k].row >= 0 { sum += rowData[Int(features[k].row)] }
        }
        return sum
    }
}

/// Raw memory for `FeatureTable`, on huge pages where the system offers them.
private final class TableMemory {
    /// The first byte, aligned to 64 bytes at least.
    let base: UnsafeMutableRawPointer

    init(byteCount: Int) {
        #if os(Linux)
        let alignment = 2 << 20
        #else
        let alignment = 64
        #endif
        let rounded = (max(byteCount, 1) + alignment - 1) / alignment * alignment
        var pointer: UnsafeMutableRawPointer? = nil
        guard posix_memalign(&pointer, alignment, rounded) == 0, let pointer else { fatalError("out of memory") }
        #if os(Linux)
        _ = madvise(pointer, rounded, MADV_HUGEPAGE)  // a hint: ordinary pages without it
        #endif
        base = pointer
    }

    deinit { free(base) }
}
