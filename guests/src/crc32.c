/*
 * crc32: table-driven CRC-32 (the zlib polynomial) over a 1 MiB pseudo-random buffer, repeated.
 * A byte-at-a-time loop of loads, xors, shifts and table lookups: the shape of checksum, hash and
 * codec inner loops.
 *
 * Usage: crc32 [ROUNDS]   (each round is one pass over the buffer)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define BUFFER_SIZE (1u << 20)
#define DEFAULT_ROUNDS 250

static uint32_t table[256];
static uint8_t buffer[BUFFER_SIZE];

static void make_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        table[i] = c;
    }
}

static uint32_t crc32(uint32_t crc, const uint8_t *p, uint32_t n) {
    crc = ~crc;
    while (n--) {
        crc = table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    }
    return ~crc;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : DEFAULT_ROUNDS;
    uint32_t x = 2463534242u; /* xorshift32 state */
    for (uint32_t i = 0; i < BUFFER_SIZE; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        buffer[i] = (uint8_t) x;
    }
    make_table();
    uint32_t crc = 0;
    for (int r = 0; r < rounds; r++) {
        crc = crc32(crc, buffer, BUFFER_SIZE);
        /* Change the input each round so no pass can be skipped. */
        buffer[(uint32_t) r % BUFFER_SIZE] ^= (uint8_t) crc;
    }
    printf("crc32 rounds=%d checksum=%08x\n", rounds, crc);
    return 0;
}
