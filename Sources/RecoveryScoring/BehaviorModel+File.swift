import Foundation
import RecoveryCore


extension BehaviorModel {
    /// The file's bytes: the header as one line of JSON (sorted keys), then the feature keys
    /// (UInt32) and their weight rows (16 Float32 each), little-endian. The same model always
    /// gives the same bytes.
    public func fileData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(header)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        data.reserveCapacity(data.count + keys.count * 68)
        for key in keys { withUnsafeBytes(of: key.littleEndian) { data.append(contentsOf: $0) } }
        for weight in weights { withUnsafeBytes(of: weight.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// Reads a model file; a damaged or foreign file is a positioned `bad-model` error.
    public static func load(path: String) throws(DiagnosticError) -> BehaviorModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError([failure(path, "cannot read the model file")])
        }
        return try parse(data, path: path)
    }

    /// Parses the bytes of a model file, named `path` in errors.
    static func parse(_ data: Data, path: String) throws(DiagnosticError) -> BehaviorModel {
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")) else {
            throw DiagnosticError([failure(path, "no header line: this is not a model written by `recovery train`")])
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline])
        } catch {
            throw DiagnosticError([failure(path, "the header line is not a model header")])
        }
        guard header.format == "recovery-model", header.version == 1 else {
            throw DiagnosticError([failure(path, "format '\(header.format)' version \(header.version) is not recovery-model version 1")])
        }
        guard header.behaviors == Behavior.allIDs, header.bias.count == 16, header.thresholds.count == 16,
              header.vetoes.count == 16 else {
            throw DiagnosticError([failure(path, "the model's behaviours are not the 16 of docs/labelling.md")])
        }
        if let combiner = header.combiner, combiner.count != 16 || combiner.contains(where: { $0.count != ModelCombiner.width }) {
            throw DiagnosticError([failure(path, "the combiner needs 16 rows of \(ModelCombiner.width) weights")])
        }
        if let overrules = header.overrules, overrules.count != 16 {
            throw DiagnosticError([failure(path, "the overrules need one certainty for each of the 16 behaviours")])
        }
        let body = data[(newline + 1)...]
        let count = header.features
        guard count >= 0, body.count == count * 4 * 17 else {
            throw DiagnosticError([failure(path, "the file is cut or padded: \(body.count) bytes of weights for \(count) features")])
        }
        // Little-endian on disk, as on every machine Swift runs on here: copied as they are,
        // into arrays that are not zeroed first (3.5 MB of memset on every start).
        var keys: [UInt32] = [], weights: [Float] = []
        body.withUnsafeBytes { raw in
            keys = copy(UnsafeRawBufferPointer(rebasing: raw[0..<count * 4]), count: count)
            weights = copy(UnsafeRawBufferPointer(rebasing: raw[count * 4..<count * 68]), count: count * 16)
        }
        if UInt32(1).littleEndian != UInt32(1) {
            keys = keys.map { UInt32(littleEndian: $0) }
            weights = weights.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) }
        }
        guard zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }), !keys.contains(0) else {
            throw DiagnosticError([failure(path, "the feature keys are out of order")])
        }
        return BehaviorModel(header: header, keys: keys, weights: weights)
    }

    /// `count` values of `T` from the bytes of `raw`, which holds exactly that many.
    private static func copy<T: BitwiseCopyable>(_ raw: UnsafeRawBufferPointer, count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
            initialized = count
        }
    }

    private static func failure(_ path: String, _ message: String) -> Diagnostic {
        ScoringDiagnostic.badModel.diagnostic(at: SourcePosition(file: path, line: 1, column: 1), [message])
    }
}
