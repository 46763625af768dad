/// Vary itself.
public enum Vary {
    /// The release, printed by `vary --version`. A constant, so that builds stay byte-identical.
    public static let version = "0.1.0"
}
