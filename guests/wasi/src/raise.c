/* Raises the signal numbered argv[1] with WASI's proc_raise and reports what came back, if
   anything. wasi-libc's raise() handles signals inside the guest and never asks the host, and its
   headers no longer declare proc_raise, so the import is declared here. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_raise")))
int32_t wasi_proc_raise(int32_t sig);

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: raise SIGNAL\n"); return 2; }
    int sig = atoi(argv[1]);
    int e = wasi_proc_raise(sig);
    printf("proc_raise(%d) returned %d\n", sig, e);
    return 0;
}
