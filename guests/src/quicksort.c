/*
 * quicksort: sorts pseudo-random 32-bit integers with a hand-written quicksort (median of three,
 * insertion sort for short ranges), so native and Wasm run the same algorithm rather than two
 * different libc qsort implementations. Branchy compares and swaps over an i32 array.
 *
 * Usage: quicksort [COUNT]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define DEFAULT_COUNT 6000000

static void insertion_sort(int32_t *v, int32_t lo, int32_t hi) {
    for (int32_t i = lo + 1; i <= hi; i++) {
        int32_t key = v[i];
        int32_t j = i - 1;
        while (j >= lo && v[j] > key) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = key;
    }
}

static void swap(int32_t *v, int32_t i, int32_t j) {
    int32_t t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static void quicksort(int32_t *v, int32_t lo, int32_t hi) {
    while (hi - lo > 16) {
        int32_t mid = lo + (hi - lo) / 2;
        if (v[mid] < v[lo]) swap(v, mid, lo);
        if (v[hi] < v[lo]) swap(v, hi, lo);
        if (v[hi] < v[mid]) swap(v, hi, mid);
        int32_t pivot = v[mid];
        int32_t i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                swap(v, i, j);
                i++;
                j--;
            }
        }
        /* Recurse into the smaller side, loop on the larger: stack depth stays logarithmic. */
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
    insertion_sort(v, lo, hi);
}

int main(int argc, char **argv) {
    int32_t count = argc > 1 ? atoi(argv[1]) : DEFAULT_COUNT;
    if (count <= 0) {
        count = DEFAULT_COUNT;
    }
    int32_t *v = malloc(sizeof(int32_t) * (size_t) count);
    if (!v) {
        fprintf(stderr, "quicksort: out of memory\n");
        return 1;
    }
    uint64_t x = 88172645463325252ull; /* xorshift64 */
    for (int32_t i = 0; i < count; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v[i] = (int32_t) (uint32_t) x;
    }
    quicksort(v, 0, count - 1);
    uint64_t sum = 0;
    int sorted = 1;
    for (int32_t i = 0; i < count; i++) {
        if (i > 0 && v[i - 1] > v[i]) {
            sorted = 0;
        }
        sum = sum * 31 + (uint32_t) v[i];
    }
    printf("quicksort count=%d sorted=%d checksum=%016llx\n", count, sorted, (unsigned long long) sum);
    free(v);
    return sorted ? 0 : 1;
}
