/* Writes a file, appends to it, reads it back, renames and removes it; prints what it saw.
   Usage: files DIR (a preopened directory). Exit 0 when every step worked. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(const char *what, const char *path) {
    fprintf(stderr, "%s %s: %s\n", what, path, strerror(errno));
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: files DIR\n");
        return 2;
    }
    char path[512], moved[512];
    snprintf(path, sizeof path, "%s/note.txt", argv[1]);
    snprintf(moved, sizeof moved, "%s/moved.txt", argv[1]);

    FILE *f = fopen(path, "w");
    if (!f) return fail("create", path);
    fputs("first line\n", f);
    fclose(f);
    f = fopen(path, "a");
    if (!f) return fail("append", path);
    fputs("second line\n", f);
    fclose(f);

    struct stat st;
    if (stat(path, &st) != 0) return fail("stat", path);
    printf("size %lld\n", (long long) st.st_size);

    f = fopen(path, "r");
    if (!f) return fail("open", path);
    char line[128];
    while (fgets(line, sizeof line, f)) {
        printf("read: %s", line);
    }
    fclose(f);

    if (rename(path, moved) != 0) return fail("rename", path);
    if (access(path, F_OK) == 0) {
        fprintf(stderr, "%s still there after rename\n", path);
        return 1;
    }
    if (unlink(moved) != 0) return fail("unlink", moved);
    f = fopen("/etc/passwd", "r");
    printf("outside: %s\n", f ? "OPENED" : strerror(errno));
    puts("done");
    return 0;
}
