// hostapi: a test guest for the verge host API. PATH_INFO picks the call, QUERY_STRING is its
// argument: /open?STORE, /set?KEY=VALUE, /get?KEY, /del?KEY, /list?PREFIX, /fetch?URL.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "verge.h"

static const char *var(const char *name) {
    const char *v = getenv(name);
    return v ? v : "";
}

static char buf[65536];

int main(void) {
    const char *mode = var("PATH_INFO");
    const char *arg = var("QUERY_STRING");
    printf("Content-Type: text/plain\n\n");
    if (strcmp(mode, "/open") == 0) {
        printf("%d", verge_kv_open(arg, strlen(arg)));
        return 0;
    }
    if (strcmp(mode, "/fetch") == 0) {
        const char *headers = "X-From: guest\n";
        int32_t n = verge_http_request("GET", 3, arg, strlen(arg), headers, strlen(headers), "", 0, buf, sizeof buf);
        if (n < 0) {
            printf("%d", n);
        } else {
            fwrite(buf, 1, n < (int32_t) sizeof buf ? n : (int32_t) sizeof buf, stdout);
        }
        return 0;
    }
    int32_t s = verge_kv_open("default", 7);
    if (s < 0) {
        printf("open %d", s);
        return 0;
    }
    if (strcmp(mode, "/set") == 0) {
        const char *eq = strchr(arg, '=');
        if (!eq) {
            printf("no =");
            return 0;
        }
        printf("%d", verge_kv_set(s, arg, eq - arg, eq + 1, strlen(eq + 1)));
    } else if (strcmp(mode, "/get") == 0) {
        int32_t n = verge_kv_get(s, arg, strlen(arg), buf, sizeof buf);
        if (n < 0) {
            printf("%d", n);
        } else {
            fwrite(buf, 1, n, stdout);
        }
    } else if (strcmp(mode, "/del") == 0) {
        printf("%d", verge_kv_delete(s, arg, strlen(arg)));
    } else if (strcmp(mode, "/list") == 0) {
        int32_t n = verge_kv_list(s, arg, strlen(arg), buf, sizeof buf);
        if (n < 0) {
            printf("%d", n);
        } else {
            fwrite(buf, 1, n, stdout);
        }
    }
    return 0;
}
