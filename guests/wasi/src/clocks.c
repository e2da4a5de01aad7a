/* Checks the clocks: realtime after 2020, monotonic never going back, a 10 ms sleep taking at
   least 10 ms of monotonic time. Prints "clocks ok" or what was wrong. */
#include <stdio.h>
#include <time.h>

static long long nanos(clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) return -1;
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
    long long real = nanos(CLOCK_REALTIME);
    if (real < 1577836800LL * 1000000000LL) {
        printf("realtime before 2020: %lld\n", real);
        return 1;
    }
    long long before = nanos(CLOCK_MONOTONIC);
    struct timespec pause = {0, 10 * 1000000};
    nanosleep(&pause, NULL);
    long long after = nanos(CLOCK_MONOTONIC);
    if (after - before < 10 * 1000000LL) {
        printf("slept only %lld ns\n", after - before);
        return 1;
    }
    struct timespec res;
    if (clock_getres(CLOCK_MONOTONIC, &res) != 0 || (res.tv_sec == 0 && res.tv_nsec == 0)) {
        printf("no resolution\n");
        return 1;
    }
    printf("clocks ok\n");
    return 0;
}
