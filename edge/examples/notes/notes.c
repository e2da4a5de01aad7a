// notes: a small JSON API over the app's key-value store (granted in verge.toml).
//   GET    /notes          {"notes":["id",...]}
//   GET    /notes/ID       {"id":"ID","text":"..."}            404 when absent
//   PUT    /notes/ID       stores the request body as the text   201
//   DELETE /notes/ID                                             204, 404 when absent
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "verge.h"

static char value[1 << 20];
static char body[1 << 20];

static const char *var(const char *name) {
    const char *v = getenv(name);
    return v ? v : "";
}

static void json_string(const char *s, size_t n) {
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char) s[i];
        if (c == '"' || c == '\\') {
            printf("\\%c", c);
        } else if (c == '\n') {
            printf("\\n");
        } else if (c < 0x20) {
            printf("\\u%04x", c);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

static void reply(int status, const char *json) {
    printf("Status: %d\nContent-Type: application/json\n\n%s\n", status, json);
}

static int valid_id(const char *id) {
    size_t n = strlen(id);
    if (n == 0 || n > 64) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
            return 0;
        }
    }
    return 1;
}

int main(void) {
    const char *method = var("REQUEST_METHOD");
    const char *path = var("PATH_INFO");
    int32_t store = verge_kv_open("notes", 5);
    if (store < 0) {
        reply(500, "{\"error\":\"the notes store is not granted\"}");
        return 0;
    }
    if (path[0] == '\0' || strcmp(path, "/") == 0) {
        int32_t n = verge_kv_list(store, "", 0, value, sizeof value);
        if (n < 0 || n > (int32_t) sizeof value) {
            reply(500, "{\"error\":\"cannot list\"}");
            return 0;
        }
        printf("Content-Type: application/json\n\n{\"notes\":[");
        int first = 1;
        for (char *start = value, *end; start < value + n; start = end + 1) {
            end = memchr(start, '\n', value + n - start);
            if (!end) {
                break;
            }
            if (!first) {
                putchar(',');
            }
            json_string(start, end - start);
            first = 0;
        }
        printf("]}\n");
        return 0;
    }
    const char *id = path + 1;
    if (!valid_id(id)) {
        reply(400, "{\"error\":\"ids are 1-64 letters, digits, - or _\"}");
        return 0;
    }
    if (strcmp(method, "GET") == 0) {
        int32_t n = verge_kv_get(store, id, strlen(id), value, sizeof value);
        if (n == VERGE_ERR_NOT_FOUND) {
            reply(404, "{\"error\":\"no such note\"}");
        } else if (n < 0 || n > (int32_t) sizeof value) {
            reply(500, "{\"error\":\"cannot read\"}");
        } else {
            printf("Content-Type: application/json\n\n{\"id\":");
            json_string(id, strlen(id));
            printf(",\"text\":");
            json_string(value, n);
            printf("}\n");
        }
    } else if (strcmp(method, "PUT") == 0 || strcmp(method, "POST") == 0) {
        size_t n = fread(body, 1, sizeof body, stdin);
        int32_t r = verge_kv_set(store, id, strlen(id), body, (int32_t) n);
        reply(r == 0 ? 201 : 500, r == 0 ? "{\"stored\":true}" : "{\"error\":\"cannot write\"}");
    } else if (strcmp(method, "DELETE") == 0) {
        int32_t r = verge_kv_delete(store, id, strlen(id));
        if (r == 0) {
            printf("Status: 204\n\n");
        } else {
            reply(r == VERGE_ERR_NOT_FOUND ? 404 : 500, "{\"error\":\"no such note\"}");
        }
    } else {
        reply(405, "{\"error\":\"use GET, PUT or DELETE\"}");
    }
    return 0;
}
