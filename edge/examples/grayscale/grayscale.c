// grayscale: POST a binary PPM image (P6, 8-bit) and get it back as a grayscale PGM (P5).
//   curl --data-binary @photo.ppm http://127.0.0.1:8080/grayscale -o gray.pgm
// (convert with e.g. `convert photo.jpg photo.ppm`). The body arrives on stdin; the limits in
// verge.toml bound its size and the time spent.
#include <stdio.h>
#include <stdlib.h>

static int read_number(FILE *in, long *out) {
    int c = fgetc(in);
    while (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '#') {
        if (c == '#') {
            while (c != '\n' && c != EOF) {
                c = fgetc(in);
            }
        }
        c = fgetc(in);
    }
    long n = 0;
    int digits = 0;
    while (c >= '0' && c <= '9' && n < 100000) {
        n = n * 10 + (c - '0');
        digits++;
        c = fgetc(in);
    }
    *out = n;
    return digits > 0;  // the single whitespace after the number has been consumed
}

static void fail(const char *why) {
    printf("Status: 400\nContent-Type: text/plain\n\n%s\n", why);
}

int main(void) {
    long width, height, max;
    if (fgetc(stdin) != 'P' || fgetc(stdin) != '6' || !read_number(stdin, &width) || !read_number(stdin, &height)
            || !read_number(stdin, &max)) {
        fail("expected a binary PPM (P6) image in the body");
        return 0;
    }
    if (width <= 0 || height <= 0 || width > 8192 || height > 8192 || max != 255) {
        fail("only 8-bit PPM images up to 8192x8192 are supported");
        return 0;
    }
    size_t pixels = (size_t) width * (size_t) height;
    unsigned char *rgb = malloc(pixels * 3);
    unsigned char *gray = malloc(pixels);
    if (!rgb || !gray) {
        printf("Status: 413\nContent-Type: text/plain\n\nimage too large for this app's memory\n");
        return 0;
    }
    if (fread(rgb, 1, pixels * 3, stdin) != pixels * 3) {
        fail("the image data is shorter than its header says");
        return 0;
    }
    for (size_t i = 0; i < pixels; i++) {
        // ITU-R BT.601 luma, in integers.
        unsigned r = rgb[3 * i], g = rgb[3 * i + 1], b = rgb[3 * i + 2];
        gray[i] = (unsigned char) ((299 * r + 587 * g + 114 * b + 500) / 1000);
    }
    printf("Content-Type: image/x-portable-graymap\n\nP5\n%ld %ld\n255\n", width, height);
    fwrite(gray, 1, pixels, stdout);
    return 0;
}
