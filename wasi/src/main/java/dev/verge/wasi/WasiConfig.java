package dev.verge.wasi;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * What a WASI guest is given: arguments, environment, preopened directories, standard streams,
 * clocks, randomness and limits. Immutable; build one with {@link #builder()}.
 *
 * <p>Deny by default: with nothing set, a guest has no arguments, no environment, no directories,
 * an empty stdin, and its output is discarded.
 *
 * @param args the arguments, {@code argv[0]} (the program name) first
 * @param env the environment variables, in order
 * @param preopens the directories the guest may reach, as file descriptors 3, 4, ... in order
 * @param stdin what fd 0 reads
 * @param stdout where fd 1 writes
 * @param stderr where fd 2 writes
 * @param clock the time source of {@code clock_time_get} and {@code poll_oneoff}
 * @param random the source of {@code random_get} (default: a {@link SecureRandom}, made when the
 *     guest first calls {@code random_get})
 * @param maxOpenFds the most file descriptors open at once, stdio and preopens included (default
 *     1024); past it {@code path_open} fails with {@code EMFILE}
 * @param maxIoSize the most bytes one read or write moves (default 16 MiB); a larger request is
 *     a short read or write, as POSIX allows, so the host never allocates more than this per call
 * @param listeners listening TCP sockets the guest may accept connections on, as the file
 *     descriptors after the preopened directories, in order (see {@link Builder#tcpListen})
 */
public record WasiConfig(
        List<String> args,
        Map<String, String> env,
        List<Preopen> preopens,
        InputStream stdin,
        OutputStream stdout,
        OutputStream stderr,
        WasiClock clock,
        Random random,
        int maxOpenFds,
        int maxIoSize,
        List<ServerSocketChannel> listeners) {

    /**
     * A host directory the guest sees under {@code guestPath}.
     *
     * @param readOnly when true, nothing under it can be created, written, truncated, renamed,
     *     linked or removed (those calls fail with {@code EROFS} or {@code ENOTCAPABLE})
     */
    public record Preopen(Path hostPath, String guestPath, boolean readOnly) {
        public Preopen {
            Objects.requireNonNull(hostPath);
            Objects.requireNonNull(guestPath);
        }
    }

    public WasiConfig {
        args = List.copyOf(args);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        preopens = List.copyOf(preopens);
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(stdin);
        Objects.requireNonNull(stdout);
        Objects.requireNonNull(stderr);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(random);
        if (maxOpenFds < 3 + preopens.size() + listeners.size()) {
            throw new IllegalArgumentException("maxOpenFds must leave room for stdio, the preopens and the listeners");
        }
        if (maxIoSize < 1) {
            throw new IllegalArgumentException("maxIoSize must be positive");
        }
    }

    /** A configuration without listening sockets (the components before sockets existed). */
    public WasiConfig(List<String> args, Map<String, String> env, List<Preopen> preopens, InputStream stdin,
            OutputStream stdout, OutputStream stderr, WasiClock clock, Random random, int maxOpenFds, int maxIoSize) {
        this(args, env, preopens, stdin, stdout, stderr, clock, random, maxOpenFds, maxIoSize, List.of());
    }

    /** The file descriptor the guest sees listener {@code index} as: after stdio and the preopens. */
    public int listenerFd(int index) {
        java.util.Objects.checkIndex(index, listeners.size());
        return 3 + preopens.size() + index;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.args.addAll(args);
        b.env.putAll(env);
        b.preopens.addAll(preopens);
        b.stdin = stdin;
        b.stdout = stdout;
        b.stderr = stderr;
        b.clock = clock;
        b.random = random;
        b.maxOpenFds = maxOpenFds;
        b.maxIoSize = maxIoSize;
        b.listeners.addAll(listeners);
        return b;
    }

    /** Collects the settings of a {@link WasiConfig}; not thread-safe. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Preopen> preopens = new ArrayList<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private WasiClock clock = WasiClock.SYSTEM;
        private Random random;
        private int maxOpenFds = 1024;
        private int maxIoSize = 16 << 20;
        private final List<ServerSocketChannel> listeners = new ArrayList<>();

        private Builder() {}

        /** Appends arguments; the first one is the program name ({@code argv[0]}). */
        public Builder args(String... values) {
            return args(List.of(values));
        }

        public Builder args(List<String> values) {
            for (String v : values) {
                args.add(Objects.requireNonNull(v));
            }
            return this;
        }

        /** Sets an environment variable; the name must not contain {@code =}. */
        public Builder env(String name, String value) {
            if (name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("environment variable names cannot contain '='");
            }
            env.put(name, Objects.requireNonNull(value));
            return this;
        }

        /** Gives the guest {@code host} as {@code guest}, writable. */
        public Builder preopen(Path host, String guest) {
            return preopen(host, guest, false);
        }

        /** Gives the guest {@code host} as {@code guest}, read-only when asked. */
        public Builder preopen(Path host, String guest, boolean readOnly) {
            preopens.add(new Preopen(host, guest, readOnly));
            return this;
        }

        public Builder stdin(InputStream in) {
            stdin = Objects.requireNonNull(in);
            return this;
        }

        /** Stdin reads these bytes, then end of file. */
        public Builder stdin(byte[] content) {
            return stdin(new ByteArrayInputStream(content.clone()));
        }

        /** Where stdout goes; pass a {@link java.io.ByteArrayOutputStream} to capture it. */
        public Builder stdout(OutputStream out) {
            stdout = Objects.requireNonNull(out);
            return this;
        }

        public Builder stderr(OutputStream err) {
            stderr = Objects.requireNonNull(err);
            return this;
        }

        /**
         * The guest reads and writes the host process's own stdin, stdout and stderr, unbuffered
         * (straight to the file descriptors, not through {@code System.out}).
         */
        public Builder inheritStdio() {
            stdin = new FileInputStream(FileDescriptor.in);
            stdout = new FileOutputStream(FileDescriptor.out);
            stderr = new FileOutputStream(FileDescriptor.err);
            return this;
        }

        public Builder clock(WasiClock c) {
            clock = Objects.requireNonNull(c);
            return this;
        }

        /** The source of {@code random_get}; a seeded {@link Random} makes runs repeatable. */
        public Builder random(Random r) {
            random = Objects.requireNonNull(r);
            return this;
        }

        public Builder maxOpenFds(int n) {
            maxOpenFds = n;
            return this;
        }

        public Builder maxIoSize(int bytes) {
            maxIoSize = bytes;
            return this;
        }

        /**
         * Gives the guest a listening TCP socket, bound by the embedder (who so knows its port):
         * the guest accepts connections on it with {@code sock_accept}. It is the file descriptor
         * after stdio, the preopened directories and the listeners given before it
         * ({@link WasiConfig#listenerFd}); wasi-libc's scan of the preopens stops at it, so the
         * directories keep working. The channel is switched to non-blocking mode (a blocking
         * guest waits in a selector), stays the embedder's (closing the guest's descriptor does
         * not close it) and may serve several guests.
         *
         * @throws IllegalArgumentException when the channel is not open and bound
         */
        public Builder tcpListen(ServerSocketChannel channel) {
            try {
                if (!channel.isOpen() || channel.getLocalAddress() == null) {
                    throw new IllegalArgumentException("the listening channel is not open and bound");
                }
                channel.configureBlocking(false);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
            listeners.add(channel);
            return this;
        }

        /**
         * Binds a listening TCP socket to {@code address} ({@code HOST:PORT}, {@code [IPV6]:PORT};
         * port 0 picks a free one) and gives it to the guest as {@link #tcpListen(ServerSocketChannel)}
         * does. The embedder closes it: {@link WasiConfig#listeners()} has it, with its port.
         *
         * @throws IllegalArgumentException when the address is not HOST:PORT
         * @throws UncheckedIOException when it cannot be bound (in use, not a local address)
         */
        public Builder tcpListen(String address) {
            InetSocketAddress at = parseSocketAddress(address);
            ServerSocketChannel channel = null;
            try {
                channel = ServerSocketChannel.open();
                channel.bind(at);
                return tcpListen(channel);
            } catch (java.io.IOException e) {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (java.io.IOException | RuntimeException ignored) {
                    // the bind failure is the error to report
                }
                throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
            }
        }

        public WasiConfig build() {
            return new WasiConfig(args, env, preopens, stdin, stdout, stderr, clock,
                    random != null ? random : new DefaultRandom(), maxOpenFds, maxIoSize, listeners);
        }
    }

    /**
     * {@code HOST:PORT} or {@code [IPV6]:PORT} as a socket address (the host resolved).
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static InetSocketAddress parseSocketAddress(String address) {
        int colon = address.lastIndexOf(':');
        String host = colon > 0 ? address.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = colon > 0 ? Integer.parseInt(address.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            // reported below
        }
        if (host.isEmpty() || port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid address '" + address + "': expected HOST:PORT");
        }
        InetSocketAddress at = new InetSocketAddress(host, port);
        if (at.isUnresolved()) {
            throw new IllegalArgumentException("invalid address '" + address + "': unknown host " + host);
        }
        return at;
    }
}
