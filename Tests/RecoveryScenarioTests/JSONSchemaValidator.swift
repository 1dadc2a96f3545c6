import Foundation

/// A JSON value, as a YAML or JSON document loads into it.
indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double, whole: Bool)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Converts what `Yams.load` returns (scalars already typed by the YAML resolver).
    init(_ value: Any?) {
        switch value {
        case nil, is NSNull: self = .null
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .number(Double(value), whole: true)
        case let value as Double: self = .number(value, whole: value.rounded() == value)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .array(value.map { JSONValue($0) })
        case let value as [String: Any]: self = .object(value.mapValues { JSONValue($0) })
        case let value as [AnyHashable: Any]:
            self = .object(Dictionary(uniqueKeysWithValues: value.map { ("\($0.key)", JSONValue($0.value)) }))
        default: self = .string("\(value!)")
        }
    }

    /// The JSON Schema type names this value has (`integer` values are also `number`).
    var typeNames: Set<String> {
        switch self {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .number(_, let whole): whole ? ["integer", "number"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }
}

/// A small JSON Schema (draft 2020-12) validator for the keywords the scenario schema uses:
/// `type`, `properties`, `required`, `additionalProperties`, `propertyNames`, `items`, `enum`,
/// `pattern`, `minimum`, `maximum`, `exclusiveMinimum`, `minLength`, `minItems`, `contains`, `minProperties`,
/// `allOf`, `oneOf`, `anyOf` and `$ref` to `#/$defs/...`. Any other keyword is reported as an error, so the
/// schema cannot rely on a keyword this validator silently ignores.
struct JSONSchemaValidator {
    let root: [String: JSONValue]

    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs", "$comment"]

    /// Every place `value` breaks the schema, as `path: problem`; empty when it conforms.
    func errors(of value: JSONValue) -> [String] { errors(of: value, against: .object(root), at: "$") }

    private func errors(of value: JSONValue, against schema: JSONValue, at path: String) -> [String] {
        guard case .object(let schema) = schema else { return ["\(path): schema is not an object"] }
        var found: [String] = []
        for (keyword, argument) in schema.sorted(by: { $0.key < $1.key }) where !Self.annotations.contains(keyword) {
            found += check(keyword, argument, schema, value, path)
        }
        return found
    }

    private func check(
        _ keyword: String, _ argument: JSONValue, _ schema: [String: JSONValue], _ value: JSONValue, _ path: String
    ) -> [String] {
        switch (keyword, argument, value) {
        case ("$ref", .string(let reference), _):
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard case .object(let definitions)? = root["$defs"], let target = definitions[name] else {
                return ["\(path): unresolved $ref \(reference)"]
            }
            return errors(of: value, against: target, at: path)
        case ("type", .string(let name), _):
            return value.typeNames.contains(name) ? [] : ["\(path): expected \(name)"]
        case ("type", .array(let names), _):
            let allowed = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
            return value.typeNames.isDisjoint(with: allowed) ? ["\(path): expected one of \(allowed)"] : []
        case ("enum", .array(let options), _):
            return options.contains(value) ? [] : ["\(path): not one of the allowed values"]
        case ("pattern", .string(let pattern), .string(let text)):
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return ["\(path): bad pattern \(pattern)"] }
            let matched = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            return matched ? [] : ["\(path): '\(text)' does not match \(pattern)"]
        case ("minLength", .number(let limit, _), .string(let text)):
            return Double(text.unicodeScalars.count) >= limit ? [] : ["\(path): shorter than \(limit)"]
        case ("minimum", .number(let limit, _), .number(let number, _)):
            return number >= limit ? [] : ["\(path): below \(limit)"]
        case ("exclusiveMinimum", .number(let limit, _), .number(let number, _)):
            return number > limit ? [] : ["\(path): not above \(limit)"]
        case ("maximum", .number(let limit, _), .number(let number, _)):
            return number <= limit ? [] : ["\(path): above \(limit)"]
        case ("minItems", .number(let limit, _), .array(let items)):
            return Double(items.count) >= limit ? [] : ["\(path): fewer than \(limit) items"]
        case ("items", _, .array(let items)):
            return items.enumerated().flatMap { errors(of: $1, against: argument, at: "\(path)[\($0)]") }
        case ("contains", _, .array(let items)):
            return items.contains { errors(of: $0, against: argument, at: path).isEmpty } ? [] : ["\(path): no item matches `contains`"]
        case ("minProperties", .number(let limit, _), .object(let object)):
            return Double(object.count) >= limit ? [] : ["\(path): fewer than \(limit) keys"]
        case ("required", .array(let keys), .object(let object)):
            return keys.compactMap { key in
                guard case .string(let key) = key, object[key] == nil else { return nil }
                return "\(path): missing '\(key)'"
            }
        case ("properties", .object(let properties), .object(let object)):
            return object.sorted { $0.key < $1.key }.flatMap { key, item in
                properties[key].map { errors(of: item, against: $0, at: "\(path).\(key)") } ?? []
            }
        case ("additionalProperties", _, .object(let object)):
            guard case .object(let known)? = schema["properties"] ?? .object([:]) else { return [] }
            return object.sorted { $0.key < $1.key }.filter { known[$0.key] == nil }.flatMap { key, item -> [String] in
                if case .bool(let allowed) = argument { return allowed ? [] : ["\(path): unknown key '\(key)'"] }
                return errors(of: item, against: argument, at: "\(path).\(key)")
            }
        case ("propertyNames", _, .object(let object)):
            return object.keys.sorted().flatMap { errors(of: .string($0), against: argument, at: "\(path) key '\($0)'") }
        case ("oneOf", .array(let options), _):
            let matching = options.filter { errors(of: value, against: $0, at: path).isEmpty }.count
            return matching == 1 ? [] : ["\(path): matches \(matching) of the oneOf options, not exactly one"]
        case ("allOf", .array(let parts), _):
            return parts.flatMap { errors(of: value, against: $0, at: path) }
        case ("anyOf", .array(let options), _):
            return options.contains { errors(of: value, against: $0, at: path).isEmpty } ? [] : ["\(path): matches none of anyOf"]
        case ("pattern", _, _), ("minLength", _, _), ("minimum", _, _), ("exclusiveMinimum", _, _), ("maximum", _, _),
             ("minItems", _, _), ("items", _, _), ("contains", _, _), ("minProperties", _, _), ("required", _, _), ("properties", _, _),
             ("additionalProperties", _, _), ("propertyNames", _, _):
            return []  // the keyword does not apply to this kind of value
        default:
            return ["\(path): the validator does not know the keyword '\(keyword)'"]
        }
    }
}
