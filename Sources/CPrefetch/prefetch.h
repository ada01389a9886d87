// A hint that memory will be read soon, which Swift has no spelling for. Header-only and
// static inline, so that the optimizer inlines it into the Swift loops that use it: a
// table lookup that misses the cache can overlap the misses of the lookups after it.
#ifndef DECUONG_PREFETCH_H
#define DECUONG_PREFETCH_H

static inline void decuong_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

static inline void decuong_prefetch_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
