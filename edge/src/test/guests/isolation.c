// isolation: a test guest that reports what an earlier request left in its memory. In a fresh
// instance per request it always finds nothing: its static state starts zeroed every time.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char remembered[256];
static int calls;

int main(void) {
    const char *query = getenv("QUERY_STRING");
    if (query == NULL) {
        query = "";
    }
    calls++;
    printf("Content-Type: text/plain\n\ncalls=%d previous=[%s] now=[%s]", calls, remembered, query);
    strncpy(remembered, query, sizeof remembered - 1);
    return 0;
}
