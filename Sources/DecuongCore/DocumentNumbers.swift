/// Public access to the document-number shape (`35-NQ/TW`, `30/2020/NĐ-CP`) that the search
/// tokenizer also uses, so that citations and search agree on what a number is.
public enum DocumentNumbers {
    /// The end (exclusive) of the document number starting at `start`, or nil.
    public static func match(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        DocumentNumberMatcher.match(scalars, from: start)
    }
}
