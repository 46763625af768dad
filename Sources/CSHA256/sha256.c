// SHA-256's compression function on the processor's SHA instructions (x86 SHA-NI), which Swift cannot reach
// directly. The Swift implementation (VaryKit's SHA256) uses it when the processor has them and computes the
// digest itself otherwise; both are checked against the same test vectors.
#include "CSHA256.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

int vary_sha256_hardware_available(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    // SSSE3 (byte shuffles) and SSE4.1 (blends) are used around the SHA instructions.
    if (!(c & (1u << 9)) || !(c & (1u << 19))) return 0;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    return (b & (1u << 29)) ? 1 : 0;
}

__attribute__((target("sha,sse4.1,ssse3")))
void vary_sha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t K[64]) {
    // The instructions keep the state as (A, B, E, F) and (C, D, G, H).
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    while (blocks > 0) {
        const __m128i savedABEF = abef, savedCDGH = cdgh;
        // The last four message vectors, W[t-16…t-13] to W[t-4…t-1], in a ring.
        __m128i w[4];
        for (int group = 0; group < 16; group++) {
            __m128i message;
            if (group < 4) {
                message = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * group)), byteSwap);
            } else {
                const __m128i oldest = w[group & 3], second = w[(group + 1) & 3];
                const __m128i third = w[(group + 2) & 3], newest = w[(group + 3) & 3];
                message = _mm_sha256msg2_epu32(
                    _mm_add_epi32(_mm_sha256msg1_epu32(oldest, second), _mm_alignr_epi8(newest, third, 4)), newest);
            }
            w[group & 3] = message;
            const __m128i sum = _mm_add_epi32(message, _mm_loadu_si128((const __m128i *)&K[4 * group]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sum);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(sum, 0x0E));
        }
        abef = _mm_add_epi32(abef, savedABEF);
        cdgh = _mm_add_epi32(cdgh, savedCDGH);
        data += 64;
        blocks--;
    }

    const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int vary_sha256_hardware_available(void) { return 0; }

void vary_sha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t K[64]) {
    (void)state;
    (void)data;
    (void)blocks;
    (void)K;
}

#endif
