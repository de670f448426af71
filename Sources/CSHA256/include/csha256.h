/*
 * SHA-256 compression with the x86-64 SHA extensions (SHA-NI), for AuditKit's SHA256, which keeps
 * its own Swift compression for every other CPU. Padding and the final digest stay in Swift.
 */
#ifndef CSHA256_H
#define CSHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether this CPU has the SHA extensions and the SSE4.1 and SSSE3 instructions used with them;
   always false when not built for x86-64. */
bool csha256_available(void);

/* The 64 round constants (K0 to K63, FIPS 180-4), which the Swift compression reads too. */
const uint32_t *csha256_round_constants(void);

/* Compresses `blocks` 64-byte blocks at `data` into `state` (H0 to H7, as in FIPS 180-4). Only
   call it when csha256_available() is true. */
void csha256_compress_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
