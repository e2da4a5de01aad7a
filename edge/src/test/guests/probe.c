// probe: a test guest whose behaviour is chosen by PATH_INFO, so one module exercises every
// outcome the edge host must handle.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static const char *var(const char *name) {
    const char *v = getenv(name);
    return v ? v : "";
}

static volatile unsigned long sink;

static char chunk[64 * 1024];

static int write_all(const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(1, p, n);
        if (w <= 0) {
            return -1;
        }
        p += w;
        n -= (size_t) w;
    }
    return 0;
}

static int write_text(const char *s) {
    return write_all(s, strlen(s));
}

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
    if (strcmp(mode, "/pipe") == 0) {
        // The body back, streamed: read and write in pieces, never holding it whole.
        if (write_text("Content-Type: application/octet-stream\n\n") != 0) {
            return 1;
        }
        ssize_t n;
        while ((n = read(0, chunk, sizeof chunk)) > 0) {
            if (write_all(chunk, (size_t) n) != 0) {
                return 1;
            }
        }
        return n < 0 ? 2 : 0;
    }
    if (strcmp(mode, "/count") == 0) {
        // How many body bytes arrived, or that reading failed.
        long total = 0;
        ssize_t n;
        while ((n = read(0, chunk, sizeof chunk)) > 0) {
            total += n;
        }
        printf("Content-Type: text/plain\n\n%s %ld", n < 0 ? "read-error" : "read", total);
        return 0;
    }
    if (strcmp(mode, "/stream-trap") == 0) {
        // Enough output to start streaming, then a trap: the response is cut, never completed.
        write_text("Content-Type: application/octet-stream\n\n");
        memset(chunk, 'y', sizeof chunk);
        for (int i = 0; i < 4; i++) {
            write_all(chunk, sizeof chunk);
        }
        __builtin_trap();
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
