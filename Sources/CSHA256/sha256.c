/*
 * SHA-256 compression with the x86-64 SHA extensions. Only the compression is compiled for the
 * extensions (the target attribute on it), so the rest of the package still runs on any x86-64,
 * and the Swift side calls it only after csha256_available() said yes.
 */
#include "csha256.h"

/* The 64 round constants of FIPS 180-4, for both compressions: this one and the Swift one. */
static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

const uint32_t *csha256_round_constants(void) { return round_constants; }

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

bool csha256_available(void) {
    unsigned int eax, ebx, ecx, edx;
    /* Leaf 1: SSSE3 (the byte shuffle that reads big-endian words) and SSE4.1 (the blend). */
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    if (!(ecx & bit_SSSE3) || !(ecx & bit_SSE4_1)) return false;
    /* Leaf 7, subleaf 0: EBX bit 29 is SHA. __get_cpuid_count fails when leaf 7 does not exist. */
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    return (ebx & (1u << 29)) != 0;
}

__attribute__((target("sha,sse4.1,ssse3")))
void csha256_compress_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    /* The round instruction wants the working variables as A,B,E,F and C,D,G,H with A and C in
       the highest lane (the register names below read that way); the state is A,B,C,D and
       E,F,G,H with A in the lowest (the low_ names list lanes lowest first). Regroup once here
       and back once at the end rather than per block. */
    __m128i low_abcd = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i low_efgh = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i low_badc = _mm_shuffle_epi32(low_abcd, 0xb1);
    __m128i low_hgfe = _mm_shuffle_epi32(low_efgh, 0x1b);
    __m128i abef = _mm_alignr_epi8(low_badc, low_hgfe, 8);   /* F E from the one, B A from the other */
    __m128i cdgh = _mm_blend_epi16(low_hgfe, low_badc, 0xf0); /* H G from the one, D C from the other */

    /* Message words are big-endian; this reverses the bytes of each 32-bit lane. */
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    for (; blocks > 0; blocks--, data += 64) {
        __m128i saved_abef = abef, saved_cdgh = cdgh;
        /* The last sixteen schedule words, four to a register; group g lives in w[g % 4]. */
        __m128i w[4];
        /* Unrolled, w stays in registers and every index is a constant: a fifth faster than the
           loop clang keeps at -O2. */
#pragma GCC unroll 16
        for (int g = 0; g < 16; g++) {
            __m128i words;
            if (g < 4) {
                words = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * g)), byte_swap);
            } else {
                /* W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16] for four t at once: msg1
                   adds the s0 terms to W[t-16], the alignr picks out W[t-7] to W[t-4], and msg2
                   adds the s1 terms, which depend on the words it is producing. */
                __m128i oldest = w[g % 4], older = w[(g + 1) % 4], old = w[(g + 2) % 4], last = w[(g + 3) % 4];
                words = _mm_sha256msg1_epu32(oldest, older);
                words = _mm_add_epi32(words, _mm_alignr_epi8(last, old, 4));
                words = _mm_sha256msg2_epu32(words, last);
            }
            w[g % 4] = words;
            __m128i wk = _mm_add_epi32(words, _mm_load_si128((const __m128i *)&round_constants[4 * g]));
            /* Each rnds2 runs two rounds with the low two lanes of wk and returns the new A,B,E,F;
               the old A,B,E,F are then the new C,D,G,H, so the two registers trade roles and
               trade back after the second call. */
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0e));
        }
        abef = _mm_add_epi32(abef, saved_abef);
        cdgh = _mm_add_epi32(cdgh, saved_cdgh);
    }

    __m128i low_abef = _mm_shuffle_epi32(abef, 0x1b);
    __m128i low_ghcd = _mm_shuffle_epi32(cdgh, 0xb1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(low_abef, low_ghcd, 0xf0)); /* A B C D */
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(low_ghcd, low_abef, 8));   /* E F G H */
}

#else

bool csha256_available(void) { return false; }

/* Never called here, as csha256_available() is false; defined so the Swift side links. */
void csha256_compress_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state;
    (void)data;
    (void)blocks;
    __builtin_trap();
}

#endif
