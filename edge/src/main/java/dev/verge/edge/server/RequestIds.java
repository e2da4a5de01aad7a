package dev.verge.edge.server;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids for logs: 16 hex digits, random, so they reveal nothing about traffic volume. */
final class RequestIds {
    private RequestIds() {}

    static String next() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
