/// Case mapping of single scalars for the recognizer's searches.
enum ScalarCase {
    /// The lowercase mapping of the scalars Vietnamese text is made of, when it is one
    /// scalar; nil for any other scalar (whose mapping must be asked of the tables). The
    /// same list as `ScalarText.lowercasedScalars` takes without the tables; the tests
    /// check the two agree.
    @inline(__always)
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return Unicode.Scalar(value + 0x20)
        case 0...0x40, 0x5B...0x7F, 0xDF...0xF6, 0xF8...0xFF: return scalar
        // Latin Extended Additional pairs its letters, capital first: Ạ ạ … Ỹ ỹ.
        case 0x1EA0...0x1EF9: return value & 1 == 1 ? scalar : Unicode.Scalar(value | 1)
        case 0x0102, 0x0110, 0x0128, 0x0168: return Unicode.Scalar(value + 1)
        case 0x0103, 0x0111, 0x0129, 0x0169, 0x01A1, 0x01B0: return scalar
        case 0x01A0: return Unicode.Scalar(0x01A1)
        case 0x01AF: return Unicode.Scalar(0x01B0)
        // General punctuation (dashes, quotes, ellipsis) has no case.
        case 0x2010...0x205E: return scalar
        default: return nil
        }
    }
}
