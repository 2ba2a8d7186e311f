#ifndef CSHA256_H
#define CSHA256_H
#include <stddef.h>
#include <stdint.h>

/// The 64 round constants of SHA-256 (FIPS 180-4, 4.2.2), shared with the Swift rounds.
const uint32_t *crosscheck_sha256_constants(void);

/// Whether this processor has the SHA extensions (x86-64 SHA-NI) that `crosscheck_sha256_blocks` uses.
int crosscheck_sha256_accelerated(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (a, b, c, d, e, f, g, h) with the SHA instructions.
/// Call only when `crosscheck_sha256_accelerated()` says so.
void crosscheck_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
