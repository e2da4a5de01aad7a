/* A one-connection TCP echo server on a preopened listening socket (verge run --tcplisten):
   finds the socket among the descriptors after stdio, accepts one connection, peeks at what
   came, reads one line, sends it back as "echo: LINE", shuts down writing, reads until the
   client closes, and reports on stdout what it did. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static int find_listener(void) {
    for (int fd = 3; fd < 64; fd++) {
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode)) return fd;
    }
    return -1;
}

static int send_all(int fd, const char *buf, size_t n) {
    while (n > 0) {
        ssize_t w = send(fd, buf, n, 0);
        if (w <= 0) return -1;
        buf += w;
        n -= (size_t) w;
    }
    return 0;
}

int main(void) {
    int listener = find_listener();
    if (listener < 0) { fprintf(stderr, "no listening socket\n"); return 1; }
    struct sockaddr_storage peer;
    socklen_t len = sizeof peer;
    int conn = accept(listener, (struct sockaddr *) &peer, &len);
    if (conn < 0) { perror("accept"); return 1; }

    char line[256];
    ssize_t peeked = recv(conn, line, sizeof line - 1, MSG_PEEK);
    if (peeked <= 0) { perror("recv peek"); return 1; }

    size_t used = 0;
    while (used < sizeof line - 1 && (used == 0 || line[used - 1] != '\n')) {
        ssize_t n = recv(conn, line + used, 1, 0);
        if (n < 0) { perror("recv"); return 1; }
        if (n == 0) break;
        used += (size_t) n;
    }
    line[used] = '\0';
    if (used > 0 && line[used - 1] == '\n') line[--used] = '\0';

    char reply[300];
    int r = snprintf(reply, sizeof reply, "echo: %s\n", line);
    if (send_all(conn, reply, (size_t) r) != 0) { perror("send"); return 1; }
    if (shutdown(conn, SHUT_WR) != 0) { perror("shutdown"); return 1; }
    if (send(conn, "x", 1, 0) >= 0 || errno != EPIPE) { fprintf(stderr, "send after shutdown did not fail with EPIPE\n"); return 1; }

    char rest[64];
    ssize_t n;
    size_t after = 0;
    while ((n = read(conn, rest, sizeof rest)) > 0) after += (size_t) n;
    if (n < 0) { perror("read"); return 1; }
    close(conn);
    printf("listener fd %d, peeked %s, line '%s', %zu bytes after\n", listener, peeked > 0 ? "yes" : "no", line, after);
    return 0;
}
