/// A problem found while turning bytes into a YAML document.
public struct LoadProblem: Sendable, Hashable {
    /// The diagnostic code.
    public var code: DiagnosticCode
    /// Where the problem is, 1-based.
    public var mark: Mark
    /// What is wrong.
    public var message: Localized
    /// How to fix it.
    public var hint: Localized
}

/// What loading one file produced: the first document (absent when the file could not be read as
/// YAML at all) and every problem found on the way.
public struct LoadResult: Sendable {
    /// The first document, if any could be built.
    public var document: YAMLDocument?
    /// Problems, in the order they were found.
    public var problems: [LoadProblem]
}
