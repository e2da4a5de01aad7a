/*
 * strings: builds lines of words with memcpy and hand-formatted numbers, splits them again with
 * strchr, counts each token in a chained hash table compared with strcmp, and parses the numbers
 * back. strlen, strcmp, strchr and memcpy dominate, with short, unpredictable lengths: the shape
 * of parsers, templating and log processing.
 *
 * Usage: strings [ROUNDS]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_ROUNDS 400000
#define WORDS 4096
#define WORDS_PER_LINE 24
#define BUCKETS 8192
#define ARENA_SIZE (1 << 20)

struct entry {
    const char *key;
    uint32_t count;
    struct entry *next;
};

static char arena[ARENA_SIZE];
static uint32_t arena_used;
static const char *words[WORDS];
static struct entry *buckets[BUCKETS];
static struct entry entries[WORDS * 2];
static uint32_t entry_count;
static uint32_t rng = 0x9E3779B9u;

static uint32_t next_random(void) {
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static char *copy_to_arena(const char *s) {
    size_t len = strlen(s);
    char *copy = &arena[arena_used];
    memcpy(copy, s, len + 1);
    arena_used += (uint32_t) len + 1;
    return copy;
}

static uint32_t hash(const char *s) {
    uint32_t h = 2166136261u; /* FNV-1a */
    while (*s) {
        h = (h ^ (uint8_t) *s++) * 16777619u;
    }
    return h;
}

static void count_token(const char *token) {
    uint32_t h = hash(token);
    struct entry **slot = &buckets[h % BUCKETS];
    for (struct entry *e = *slot; e; e = e->next) {
        if (strcmp(e->key, token) == 0) {
            e->count++;
            return;
        }
    }
    if (entry_count == WORDS * 2) {
        return;
    }
    struct entry *e = &entries[entry_count++];
    e->key = copy_to_arena(token);
    e->count = 1;
    e->next = *slot;
    *slot = e;
}

/* Writes v in decimal at out, returns the number of characters (no NUL). */
static int format_uint(char *out, uint32_t v) {
    char digits[10];
    int n = 0;
    do {
        digits[n++] = (char) ('0' + v % 10);
        v /= 10;
    } while (v);
    for (int i = 0; i < n; i++) {
        out[i] = digits[n - 1 - i];
    }
    return n;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : DEFAULT_ROUNDS;
    char word[16];
    for (int i = 0; i < WORDS; i++) {
        int len = 3 + (int) (next_random() % 10);
        for (int k = 0; k < len; k++) {
            word[k] = (char) ('a' + next_random() % 26);
        }
        word[len] = '\0';
        words[i] = copy_to_arena(word);
    }
    char line[WORDS_PER_LINE * 24];
    uint64_t numbers = 0;
    uint64_t lengths = 0;
    for (int r = 0; r < rounds; r++) {
        size_t pos = 0;
        for (int k = 0; k < WORDS_PER_LINE; k++) {
            uint32_t pick = next_random();
            if (pick % 5 == 0) {
                line[pos++] = '#';
                pos += (size_t) format_uint(&line[pos], pick >> 8);
            } else {
                const char *w = words[pick % WORDS];
                size_t len = strlen(w);
                memcpy(&line[pos], w, len);
                pos += len;
            }
            line[pos++] = ' ';
        }
        line[pos] = '\0';
        lengths += strlen(line);
        char *p = line;
        char *space;
        while ((space = strchr(p, ' ')) != NULL) {
            *space = '\0';
            if (*p == '#') {
                numbers += (uint64_t) strtoul(p + 1, NULL, 10);
            } else {
                count_token(p);
            }
            p = space + 1;
        }
    }
    uint64_t sum = 0;
    for (uint32_t i = 0; i < entry_count; i++) {
        sum = sum * 131 + entries[i].count * (uint64_t) hash(entries[i].key);
    }
    printf("strings rounds=%d distinct=%u lengths=%llu numbers=%llu checksum=%016llx\n", rounds,
           entry_count, (unsigned long long) lengths, (unsigned long long) numbers,
           (unsigned long long) sum);
    return 0;
}
