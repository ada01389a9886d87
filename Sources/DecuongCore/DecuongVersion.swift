public enum DecuongVersion {
    public static let current = "0.1.0"
}
