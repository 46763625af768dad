#ifndef VARY_CSHA256_H
#define VARY_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions `vary_sha256_compress` needs.
int vary_sha256_hardware_available(void);

/// Runs SHA-256's compression over `blocks` 64-byte blocks at `data`, updating `state` (h0…h7) in place, with the
/// 64 round constants `K` (the caller's table, so that there is one). Call only when
/// `vary_sha256_hardware_available()` returned 1.
void vary_sha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t K[64]);

#endif
