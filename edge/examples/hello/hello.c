// hello: the smallest WAGI handler. The request arrives as CGI environment variables (and the body
// on stdin); the response is written to stdout as CGI: headers, a blank line, the body.
#include <stdio.h>
#include <stdlib.h>

static const char *var(const char *name) {
    const char *v = getenv(name);
    return v ? v : "";
}

int main(void) {
    printf("Content-Type: text/plain; charset=utf-8\n\n");
    printf("Hello from WebAssembly on Verge!\n\n");
    printf("You asked for %s %s", var("REQUEST_METHOD"), var("PATH_INFO")[0] ? var("PATH_INFO") : var("SCRIPT_NAME"));
    if (var("QUERY_STRING")[0]) {
        printf("?%s", var("QUERY_STRING"));
    }
    printf("\nThis answer came from a fresh instance of hello.wasm, made for this request only.\n");
    return 0;
}
