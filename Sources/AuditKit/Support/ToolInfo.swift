/// The tool's own identity, written into machine-readable outputs.
public enum ToolInfo {
    /// The command's name.
    public static let name = "audit"
    /// The tool's version.
    public static let version = "0.1.0"
    /// Where the documentation lives, relative to the repository.
    public static let diagnosticsDoc = "docs/diagnostics.md"
}
