// probe: a test guest whose behaviour is chosen by PATH_INFO, so one module exercises every
// outcome the edge host must handle.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static const char *var(const char *name) {
    const char *v = getenv(name);
    return v ? v : "";
}

static volatile unsigned long sink;

int main(void) {
    const char *mode = var("PATH_INFO");
    if (strcmp(mode, "/loop") == 0) {
        for (;;) {
            sink++;
        }
    }
    if (strcmp(mode, "/trap") == 0) {
        __builtin_trap();
    }
    if (strcmp(mode, "/raw") == 0) {
        printf("just some text, no headers\n");
        return 0;
    }
    if (strcmp(mode, "/nothing") == 0) {
        return 0;
    }
    if (strcmp(mode, "/status") == 0) {
        printf("Location: /elsewhere\nX-Repeat: one\nStatus: 201 Created\nX-Repeat: two\nContent-Type: text/plain\n\ncreated");
        return 0;
    }
    if (strcmp(mode, "/redirect") == 0) {
        printf("Location: /elsewhere\n\n");
        return 0;
    }
    if (strcmp(mode, "/exit") == 0) {
        printf("Content-Type: text/plain\n\nbye");
        fflush(stdout);
        exit(3);
    }
    if (strcmp(mode, "/stderr") == 0) {
        fprintf(stderr, "a line for the log\n");
        printf("Content-Type: text/plain\n\nok");
        return 0;
    }
    if (strcmp(mode, "/big") == 0) {
        long n = atol(var("QUERY_STRING"));
        printf("Content-Type: application/octet-stream\n\n");
        for (long i = 0; i < n; i++) {
            putchar('x');
        }
        return 0;
    }
    if (strcmp(mode, "/mem") == 0) {
        // Grab memory 1 MiB at a time until the host says no; report how much we got.
        long mib = 0;
        while (mib < 4096) {
            char *p = malloc(1 << 20);
            if (p == NULL) {
                break;
            }
            p[(1 << 20) - 1] = 1;  // use it, so the compiler cannot drop the allocation
            sink += (unsigned long) p;
            mib++;
        }
        printf("Content-Type: text/plain\n\n%ld", mib);
        return 0;
    }
    if (strcmp(mode, "/file") == 0) {
        FILE *f = fopen(var("QUERY_STRING"), "r");
        if (!f) {
            printf("Status: 404\nContent-Type: text/plain\n\nno file");
            return 0;
        }
        printf("Content-Type: text/plain\n\n");
        int c;
        while ((c = fgetc(f)) != EOF) {
            putchar(c);
        }
        return 0;
    }
    // Default: echo the environment, then the body.
    printf("Content-Type: text/plain\n\n");
    for (char **e = environ; *e; e++) {
        printf("%s\n", *e);
    }
    printf("BODY:");
    int c;
    while ((c = getchar()) != EOF) {
        putchar(c);
    }
    return 0;
}
