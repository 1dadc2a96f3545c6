
extension CoreDiagnostic {
    /// The shared YAML diagnostics as every data file meets them, described with the same code,
    /// a template of the message `YAMLFile` and `YAMLReader` write, and its hint, so the trainer
    /// guide lists every code in one table. `{n}` stands for the part that varies.
    public static let kinds: [DiagnosticKind] = [listInQuotes, listInOneString] + yamlKinds

    /// The shared YAML diagnostics written by `YAMLFile` and `YAMLReader`'s basic readers.
    static let yamlKinds: [DiagnosticKind] = [
        DiagnosticKind(
            CoreDiagnostic.unreadableFile, "cannot read this file",
            hint: "check that the path exists and is readable", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.fileTooLarge, "file is {1} bytes; the limit is {2}",
            hint: "split the file, or check that this is the file you meant", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.notText, "file is not UTF-8 text",
            hint: "save the file as UTF-8 text (a binary file cannot be a scenario or rubric)", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.emptyFile, "file has no content",
            hint: "start from an example file in the same folder", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.yamlSyntax, "YAML syntax: {1}",
            hint: "check indentation, colons and quotes on this line and the one before", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.duplicateKey, "'{1}' is already a key of this mapping, on line {2}",
            hint: "rename this one, or merge it into the one on line {2} and delete this; YAML would silently keep only one", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.unclosedQuote, "this quote is never closed ({1})",
            hint: "end the text with a matching {1} on the same line", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.colonInText, "a colon and a space inside unquoted text make YAML read a key there",
            hint: "quote the whole text: {1}", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.aliasExpansion, "aliases expand this file to more than {1} values",
            hint: "write the values out, or alias smaller pieces (an alias of an alias multiplies)", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.unknownKey, "unknown key '{1}' in {2}",
            hint: "did you mean '{3}'? (or the list of allowed keys)", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.missingKey, "{1} needs {2}",
            hint: "add the key, as the hint shows", files: yamlFiles),
        DiagnosticKind(
            CoreDiagnostic.wrongType, "{1} should be {2}",
            hint: "write the value in the shape the hint shows (text, a number, a list or a mapping)", files: yamlFiles),
    ]

    /// The codes a file in a folder cannot be made to produce by its contents alone (it must be
    /// missing, unreadable or over the size limit); tests check them without a sample file.
    /// A list written inside quotes, `"[a, b]"`: YAML reads it as one text.
    public static let listInQuotes = DiagnosticKind(
        "list-in-quotes", "{1} should be a list, but the quotes make {2} one text",
        hint: "remove the quotes: {2}", files: yamlFiles)
    /// Names separated by commas in one text where a list of names is expected.
    public static let listInOneString = DiagnosticKind(
        "list-in-one-string", "{1} is one text, \"{2}\": the commas do not split it into names",
        hint: "write a list: [{3}]", files: yamlFiles)

    /// A number outside what the key allows (scenarios and rubrics).
    public static let outOfRange = DiagnosticKind(
        "out-of-range", "{1} is {2}; it must be {3}",
        hint: "write a value {3}", files: [.scenario, .tests, .rubric])

    /// The YAML data files: every kind but the model.
    static let yamlFiles: [DataFileKind] = [.scenario, .tests, .rubric, .behaviors, .roster]

    public static let fileLevelCodes: Set<String> = [CoreDiagnostic.unreadableFile, CoreDiagnostic.fileTooLarge]
}
