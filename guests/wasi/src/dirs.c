/* Makes a directory tree, lists it in name order, removes it. Usage: dirs DIR. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int compare(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: dirs DIR\n");
        return 2;
    }
    char top[512], path[600];
    snprintf(top, sizeof top, "%s/tree", argv[1]);
    if (mkdir(top, 0755) != 0) {
        perror("mkdir");
        return 1;
    }
    const char *names[] = {"zeta", "alpha", "mid"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", top, names[i]);
        if (i == 2 ? mkdir(path, 0755) != 0 : fclose(fopen(path, "w")) != 0) {
            perror(path);
            return 1;
        }
    }
    DIR *d = opendir(top);
    if (!d) {
        perror("opendir");
        return 1;
    }
    char *seen[16];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 16) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            seen[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(seen, n, sizeof seen[0], compare);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", top, seen[i]);
        struct stat st;
        stat(path, &st);
        printf("%s %s\n", S_ISDIR(st.st_mode) ? "dir " : "file", seen[i]);
        if (S_ISDIR(st.st_mode) ? rmdir(path) : unlink(path)) {
            perror(path);
            return 1;
        }
        free(seen[i]);
    }
    if (rmdir(top) != 0) {
        perror("rmdir");
        return 1;
    }
    printf("rmdir non-empty parent: %s\n", rmdir(argv[1]) == 0 ? "REMOVED" : "refused");
    return 0;
}
