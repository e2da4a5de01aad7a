/*
 * verge.h: the Verge edge host API for guests written in C (clang --target=wasm32-wasi).
 *
 * Every function returns an int32: 0 or more is a result (a handle, a length), a negative value is
 * one of the VERGE_ERR_* codes. Nothing is reachable unless the app's manifest grants it:
 * key_value_stores for verge_kv_open, allowed_outbound_hosts for verge_http_request.
 *
 * Functions that return data copy it into (buf, cap) only when it fits, and always return its
 * full length: call again with a larger buffer when the result is larger than cap.
 */
#ifndef VERGE_H
#define VERGE_H

#include <stdint.h>

#define VERGE_ERR_NOT_FOUND (-1) /* the key is absent */
#define VERGE_ERR_DENIED (-2)    /* not granted by the manifest, or a bad handle */
#define VERGE_ERR_IO (-3)        /* the store or the network failed */
#define VERGE_ERR_INVALID (-4)   /* a malformed key, URL, method or header */
#define VERGE_ERR_TOO_LARGE (-5) /* over a size limit */

#define VERGE_IMPORT(name) __attribute__((import_module("verge"), import_name(name)))

/* Opens a key-value store the manifest grants; returns a handle. */
VERGE_IMPORT("kv_open") int32_t verge_kv_open(const char *name, int32_t name_len);

/* Reads a value (keys: 1-127 bytes, no NUL or newline); returns its length or VERGE_ERR_NOT_FOUND. */
VERGE_IMPORT("kv_get")
int32_t verge_kv_get(int32_t store, const char *key, int32_t key_len, char *buf, int32_t cap);

/* Writes a value (at most 1 MiB); returns 0. */
VERGE_IMPORT("kv_set")
int32_t verge_kv_set(int32_t store, const char *key, int32_t key_len, const char *value, int32_t value_len);

/* Removes a key; returns 0 or VERGE_ERR_NOT_FOUND. */
VERGE_IMPORT("kv_delete") int32_t verge_kv_delete(int32_t store, const char *key, int32_t key_len);

/* Lists keys starting with prefix (at most 1000), each followed by '\n'; returns the total length. */
VERGE_IMPORT("kv_list")
int32_t verge_kv_list(int32_t store, const char *prefix, int32_t prefix_len, char *buf, int32_t cap);

/*
 * Sends an HTTP request to an allowed host. headers: "Name: value" lines separated by '\n'.
 * The response is written as text: "Status: N\n", header lines, a blank line, the body.
 * Returns the response's full length.
 */
VERGE_IMPORT("http_request")
int32_t verge_http_request(const char *method, int32_t method_len, const char *url, int32_t url_len,
                           const char *headers, int32_t headers_len, const char *body, int32_t body_len,
                           char *out, int32_t out_cap);

#endif
