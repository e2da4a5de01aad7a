/*
 * matmul: dense double-precision matrix multiply, C = A * B, in i-k-j order, repeated.
 * Floating-point multiply-add over f64 loads and stores with a strided and a sequential stream.
 *
 * Usage: matmul [N]   (N x N matrices; the product is computed 4 times)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define DEFAULT_N 720
#define REPEATS 4

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : DEFAULT_N;
    if (n <= 0) {
        n = DEFAULT_N;
    }
    double *a = malloc(sizeof(double) * n * n);
    double *b = malloc(sizeof(double) * n * n);
    double *c = malloc(sizeof(double) * n * n);
    if (!a || !b || !c) {
        fprintf(stderr, "matmul: out of memory\n");
        return 1;
    }
    uint32_t x = 12345u; /* a linear congruential generator, for small exact values */
    for (int i = 0; i < n * n; i++) {
        x = x * 1103515245u + 12345u;
        a[i] = (double) ((x >> 16) % 17) - 8.0;
        x = x * 1103515245u + 12345u;
        b[i] = ((double) ((x >> 16) % 33) - 16.0) * 0.125;
    }
    double total = 0.0;
    for (int r = 0; r < REPEATS; r++) {
        for (int i = 0; i < n * n; i++) {
            c[i] = 0.0;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                double *crow = &c[i * n];
                const double *brow = &b[k * n];
                for (int j = 0; j < n; j++) {
                    crow[j] += aik * brow[j];
                }
            }
        }
        double sum = 0.0;
        for (int i = 0; i < n * n; i++) {
            sum += c[i] * (double) ((i % 7) + 1);
        }
        total += sum;
        /* Feed the result back so repeats are not identical. */
        a[r % (n * n)] += 1.0;
    }
    printf("matmul n=%d checksum=%.6f\n", n, total);
    free(a);
    free(b);
    free(c);
    return 0;
}
