#ifndef CPREFETCH_H
#define CPREFETCH_H

/// Asks the processor to start loading the cache line at `address` (for reading, kept in all cache
/// levels): a lookup walking a large table can have the next lookups' lines on their way while it works
/// on the current one. Swift has no such intrinsic.
static inline void cc_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 0, 3);
#endif
}

/// The same, for a line about to be written.
static inline void cc_prefetch_write(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 1, 3);
#endif
}

#endif
