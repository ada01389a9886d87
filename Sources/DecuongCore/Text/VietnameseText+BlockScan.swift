import CTextScan

extension VietnameseText {
    /// `pairwiseScan` sixteen bytes at a time (`decuong_nfc_scan`, SSE2): a block is passed
    /// over when none of its lead bytes could answer, which is nearly every block of NFC
    /// Vietnamese, where `pairwiseScan` still looked at each lead (one byte in three) on its
    /// own. Leads that could answer are taken in order, each as `pairwiseScan` takes it, so
    /// the answer is the same, look-alikes found before a scalar needing composition
    /// included.
    static func blockScan(_ s: String) -> (compose: Bool, lookalike: Bool) {
        s.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return (false, false) }
            let n = bytes.count
            var lookalike = false
            var i = 0
            while true {
                var found = false
                let p = decuong_nfc_scan(base, n, i, &found)
                guard found else {
                    i = p
                    break
                }
                // A candidate's next byte is inside the text (the scan's blocks stop short).
                let byte = base[p]
                i = p &+ 1
                // Below CC a candidate is a look-alike of Đ/đ.
                if byte < 0xCC {
                    lookalike = true
                    continue
                }
                guard let value = scalarValue(base, at: p, count: n) else { return (false, lookalike) }
                if needsComposition(value) { return (true, lookalike) }
            }
            // The rest of a scalar begun before the scan stopped was answered with its lead.
            while i < n, base[i] & 0xC0 == 0x80 { i &+= 1 }
            return scalarScan(bytes, from: i, wordwise: false, lookalike: lookalike)
        }
    }
}
