/*
 * blur: a 3x3 box blur over a 1024 x 1024 grayscale image, repeated. Separable: a horizontal pass
 * sums three neighbours into 16-bit lanes, a vertical pass sums three rows of those and divides
 * by 9 with a multiply and a shift. Every inner loop is a straight run over contiguous bytes with
 * no branches, the shape the loop vectorizer turns into 128-bit SIMD under -msimd128 (16 pixels
 * per iteration instead of one), so the same source measures an engine with and without SIMD.
 *
 * Usage: blur [ROUNDS]   (each round blurs the whole image once; the border pixels stay as they are)
 * Prints the rounds and an FNV-1a hash of the final image.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define WIDTH 1024
#define HEIGHT 1024
#define DEFAULT_ROUNDS 300

static uint8_t image[2][HEIGHT][WIDTH];
static uint16_t rows[HEIGHT][WIDTH]; /* horizontal sums of three neighbours */

static void horizontal_sums(const uint8_t (*src)[WIDTH]) {
    for (int y = 0; y < HEIGHT; y++) {
        const uint8_t *in = src[y];
        uint16_t *out = rows[y];
        for (int x = 1; x < WIDTH - 1; x++) {
            out[x] = (uint16_t) (in[x - 1] + in[x] + in[x + 1]);
        }
    }
}

static void vertical_average(const uint8_t (*src)[WIDTH], uint8_t (*dst)[WIDTH]) {
    for (int x = 0; x < WIDTH; x++) {
        dst[0][x] = src[0][x];
        dst[HEIGHT - 1][x] = src[HEIGHT - 1][x];
    }
    for (int y = 1; y < HEIGHT - 1; y++) {
        const uint16_t *above = rows[y - 1];
        const uint16_t *here = rows[y];
        const uint16_t *below = rows[y + 1];
        uint8_t *out = dst[y];
        out[0] = src[y][0];
        out[WIDTH - 1] = src[y][WIDTH - 1];
        for (int x = 1; x < WIDTH - 1; x++) {
            uint32_t sum = (uint32_t) above[x] + here[x] + below[x];
            /* sum / 9, exact for sum <= 9 * 255: 7282 / 65536 is 1/9 within 3.1e-6. */
            out[x] = (uint8_t) ((sum * 7282u) >> 16);
        }
    }
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : DEFAULT_ROUNDS;
    uint32_t x = 2463534242u; /* xorshift32 state */
    for (int y = 0; y < HEIGHT; y++) {
        for (int i = 0; i < WIDTH; i++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            image[0][y][i] = (uint8_t) x;
        }
    }
    int current = 0;
    for (int r = 0; r < rounds; r++) {
        horizontal_sums(image[current]);
        vertical_average(image[current], image[1 - current]);
        current = 1 - current;
        /* Perturb one pixel per round so that the image never settles into a fixed point. */
        image[current][(r * 7) % HEIGHT][(r * 13) % WIDTH] ^= (uint8_t) r;
    }
    uint32_t hash = 2166136261u;
    for (int y = 0; y < HEIGHT; y++) {
        for (int i = 0; i < WIDTH; i++) {
            hash = (hash ^ image[current][y][i]) * 16777619u;
        }
    }
    printf("blur %d rounds: hash %08x\n", rounds, (unsigned) hash);
    return 0;
}
