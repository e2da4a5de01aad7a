package dev.verge.edge.hostapi;

/** The negative results of {@code verge} host calls; {@code include/verge.h} has the same numbers. */
public final class HostErrors {
    /** The key is absent. */
    public static final int NOT_FOUND = -1;
    /** Not granted by the manifest (store, host), or a bad handle. */
    public static final int DENIED = -2;
    /** The store or the network failed. */
    public static final int IO = -3;
    /** A malformed argument: a bad key, URL, method or header. */
    public static final int INVALID = -4;
    /** Over a size limit (key, value, body). */
    public static final int TOO_LARGE = -5;

    private HostErrors() {}
}
