// Scans of UTF-8 text sixteen bytes at a time, for the loops that read every byte of every
// file. Swift's SIMD types compiled to loops over their lanes here; SSE2 (which every x86-64
// processor has) does each step for sixteen bytes in one instruction. Header-only and static
// inline, so the functions are inlined into the Swift that calls them; other processors get
// the same answers a byte at a time.
#ifndef DECUONG_TEXT_SCAN_H
#define DECUONG_TEXT_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Whether the lead byte `byte`, followed by `next`, may need a closer look from the
// normalization scan: a scalar from U+0300 up (lead CC or above) that is not a letter of
// Latin Extended Additional (E1 B8 … E1 BB), or a look-alike of Đ/đ (C3 90, C3 B0, C6 89,
// C9 96). Every other scalar is NFC on its own and no look-alike.
static inline bool decuong_nfc_candidate(uint8_t byte, uint8_t next) {
    if (byte >= 0xCC) return !(byte == 0xE1 && (next & 0xFC) == 0xB8);
    return (byte == 0xC3 && (next == 0x90 || next == 0xB0)) || (byte == 0xC6 && next == 0x89)
        || (byte == 0xC9 && next == 0x96);
}

// The offset of the first byte in `bytes[from...]` for which `decuong_nfc_candidate` holds
// (with the byte after it), looking only at offsets whose next byte lies inside `count`
// and stopping sixteen bytes or fewer before the end: the offset is the first candidate,
// or, when `*found` is false, where the scan stopped (every byte before it looked at).
// Continuation bytes (80 … BF) are never candidates, so a candidate is a lead byte.
static inline size_t decuong_nfc_scan(const uint8_t *bytes, size_t count, size_t from, bool *found) {
    size_t i = from;
#if defined(__SSE2__)
    const __m128i flip = _mm_set1_epi8((char)0x80);
    const __m128i aboveCB = _mm_set1_epi8((char)(0xCB ^ 0x80));
    const __m128i e1 = _mm_set1_epi8((char)0xE1);
    const __m128i fc = _mm_set1_epi8((char)0xFC);
    const __m128i b8 = _mm_set1_epi8((char)0xB8);
    const __m128i c3 = _mm_set1_epi8((char)0xC3);
    const __m128i c6 = _mm_set1_epi8((char)0xC6);
    const __m128i c9 = _mm_set1_epi8((char)0xC9);
    const __m128i x90 = _mm_set1_epi8((char)0x90);
    const __m128i xb0 = _mm_set1_epi8((char)0xB0);
    const __m128i x89 = _mm_set1_epi8((char)0x89);
    const __m128i x96 = _mm_set1_epi8((char)0x96);
    // Each block reads the byte after its last one, so the last block ends a byte early.
    while (i < count && count - i >= 17) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(bytes + i));
        const __m128i w = _mm_loadu_si128((const __m128i *)(bytes + i + 1));
        // Unsigned `v > CB` as a signed compare of both sides with the top bit flipped.
        const __m128i high = _mm_cmpgt_epi8(_mm_xor_si128(v, flip), aboveCB);
        const __m128i letter = _mm_and_si128(_mm_cmpeq_epi8(v, e1), _mm_cmpeq_epi8(_mm_and_si128(w, fc), b8));
        const __m128i c3pair = _mm_and_si128(_mm_cmpeq_epi8(v, c3), _mm_or_si128(_mm_cmpeq_epi8(w, x90), _mm_cmpeq_epi8(w, xb0)));
        const __m128i c6pair = _mm_and_si128(_mm_cmpeq_epi8(v, c6), _mm_cmpeq_epi8(w, x89));
        const __m128i c9pair = _mm_and_si128(_mm_cmpeq_epi8(v, c9), _mm_cmpeq_epi8(w, x96));
        const __m128i candidates = _mm_or_si128(_mm_andnot_si128(letter, high), _mm_or_si128(c3pair, _mm_or_si128(c6pair, c9pair)));
        const int mask = _mm_movemask_epi8(candidates);
        if (mask != 0) {
            *found = true;
            return i + (size_t)__builtin_ctz((unsigned)mask);
        }
        i += 16;
    }
#else
    while (i < count && count - i >= 17) {
        for (size_t k = i; k < i + 16; k++) {
            if (decuong_nfc_candidate(bytes[k], bytes[k + 1])) {
                *found = true;
                return k;
            }
        }
        i += 16;
    }
#endif
    *found = false;
    return i;
}

#endif
