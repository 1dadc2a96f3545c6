import Foundation

/// The kinds of data file a trainer edits, each checked by `recovery validate`.
public enum DataFileKind: String, Sendable, CaseIterable, Comparable {
    case scenario, tests, rubric, behaviors, model, roster

    /// How the file is named where a person reads it.
    public var label: String {
        switch self {
        case .scenario: "scenario"
        case .tests: "scenario tests"
        case .rubric: "rubric"
        case .behaviors: "behaviors.yaml"
        case .model: "model.bin"
        case .roster: "team.yaml"
        }
    }

    public static func < (a: DataFileKind, b: DataFileKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One entry of the diagnostic registry: a stable code, a message template, a fix-hint
/// template, a severity and the kinds of file that can get it. Every diagnostic a data file
/// gets is made from one of these, so `recovery validate --list-codes` and the trainer guide
/// list every code, and a test checks that each has a fixture.
///
/// Templates use `{1}`, `{2}`, … for the values filled in by `message(_:)` and `hint(_:)`;
/// the values given must be exactly as many as the highest placeholder of either template.
public struct DiagnosticKind: Sendable, Hashable {
    /// The stable code printed in brackets, such as `unknown-node`.
    public let code: String
    /// What is wrong, with `{n}` placeholders.
    public let template: String
    /// What to write instead, with `{n}` placeholders.
    public let hintTemplate: String
    /// Whether the problem stops the file from loading.
    public let severity: Severity
    /// The kinds of file that can get it.
    public let files: [DataFileKind]

    /// A registry entry.
    public init(_ code: String, _ template: String, hint: String, severity: Severity = .error, files: [DataFileKind] = [.scenario]) {
        self.code = code
        self.template = template
        self.hintTemplate = hint
        self.severity = severity
        self.files = files
    }

    /// How many values the templates take: the highest `{n}` in either.
    public var arity: Int {
        max(Self.placeholders(in: template).max() ?? 0, Self.placeholders(in: hintTemplate).max() ?? 0)
    }

    /// The message with `values` filled into the placeholders.
    public func message(_ values: String...) -> String { message(values) }

    /// The hint with `values` filled into the placeholders.
    public func hint(_ values: String...) -> String { hint(values) }

    /// The message with `values` filled in (at least as many as the message's placeholders).
    public func message(_ values: [String]) -> String {
        assert(values.count >= messageArity && values.count <= arity, mismatch(values))
        return Self.fill(template, values)
    }

    /// The hint with `values` filled in (at least as many as the hint's placeholders).
    public func hint(_ values: [String]) -> String {
        assert(values.count >= (Self.placeholders(in: hintTemplate).max() ?? 0) && values.count <= arity, mismatch(values))
        return Self.fill(hintTemplate, values)
    }

    /// A diagnostic of this kind at `position`, its templates filled with `values`: as many as
    /// `arity`, or, when `hint` replaces the hint template, at least the message's placeholders.
    public func diagnostic(at position: SourcePosition, sourceLine: String? = nil, _ values: [String], hint: String? = nil) -> Diagnostic {
        assert(hint == nil ? values.count == arity : values.count >= messageArity && values.count <= arity, mismatch(values))
        return Diagnostic(severity: severity, code: code, message: Self.fill(template, values), position: position,
                          sourceLine: sourceLine, hint: hint ?? Self.fill(hintTemplate, values))
    }

    /// How many values the message template takes.
    var messageArity: Int { Self.placeholders(in: template).max() ?? 0 }

    private func mismatch(_ values: [String]) -> String {
        "[\(code)] takes \(arity) values (\(messageArity) for the message), got \(values.count): \(values)"
    }

    /// `template` with `{n}` replaced by `values[n - 1]`.
    public static func fill(_ template: String, _ values: [String]) -> String {
        var text = template
        for (index, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: value)
        }
        return text
    }

    /// The placeholder numbers in `template`, in order of appearance.
    public static func placeholders(in template: String) -> [Int] {
        var numbers: [Int] = []
        let bytes = Array(template.utf8)
        var i = 0
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "{") else { continue }
            var j = i + 1, number = 0
            while j < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) {
                number = number * 10 + Int(bytes[j] - UInt8(ascii: "0"))
                j += 1
            }
            if j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: "}") { numbers.append(number) }
        }
        return numbers
    }
}
