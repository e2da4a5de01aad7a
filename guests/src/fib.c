/*
 * fib: the doubly recursive Fibonacci function. Nothing but calls, returns, a compare and adds:
 * it measures the cost of a function call.
 *
 * Usage: fib [N]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define DEFAULT_N 41

/* noinline keeps both compilers from turning the recursion into something else. */
__attribute__((noinline)) static uint32_t fib(uint32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv) {
    uint32_t n = argc > 1 ? (uint32_t) atoi(argv[1]) : DEFAULT_N;
    printf("fib n=%u checksum=%u\n", n, fib(n));
    return 0;
}
