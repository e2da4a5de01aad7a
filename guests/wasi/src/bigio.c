/* The I/O benchmark: writes MB mebibytes to FILE in 64 KiB blocks, reads them back, then writes
   MB mebibytes to stdout; prints a checksum of what it read on stderr.
   Usage: bigio FILE [MB] (default 100). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>

#define BLOCK 65536

static int write_all(int fd, const char *buf, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w <= 0) return -1;
        buf += w;
        n -= (size_t) w;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bigio FILE [MB]\n");
        return 2;
    }
    long mb = argc > 2 ? atol(argv[2]) : 100;
    long blocks = mb * (1024 * 1024 / BLOCK);
    static char buf[BLOCK];
    for (int i = 0; i < BLOCK; i++) buf[i] = (char) ('a' + i % 26);

    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror("open for writing"); return 1; }
    for (long b = 0; b < blocks; b++) {
        if (write_all(fd, buf, BLOCK) != 0) { perror("write"); return 1; }
    }
    close(fd);

    fd = open(argv[1], O_RDONLY);
    if (fd < 0) { perror("open for reading"); return 1; }
    unsigned long long sum = 0, total = 0;
    ssize_t n;
    static char in[BLOCK];
    while ((n = read(fd, in, BLOCK)) > 0) {
        for (ssize_t i = 0; i < n; i += 4096) sum = sum * 31 + (unsigned char) in[i];
        total += (unsigned long long) n;
    }
    close(fd);

    for (long b = 0; b < blocks; b++) {
        if (write_all(1, buf, BLOCK) != 0) { perror("stdout"); return 1; }
    }
    fprintf(stderr, "read %llu bytes, checksum %llu\n", total, sum);
    return 0;
}
