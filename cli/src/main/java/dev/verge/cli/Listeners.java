package dev.verge.cli;

import dev.verge.wasi.WasiConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;

/** {@code verge run --tcplisten}: binding the listening sockets, telling their ports, closing them. */
final class Listeners {
    private Listeners() {}

    /** Binds each {@code HOST:PORT} and gives it to the guest; a bad or busy address is a start-up failure. */
    static void bind(WasiConfig.Builder b, List<String> addresses) {
        for (String address : addresses) {
            try {
                b.tcpListen(address);
            } catch (IllegalArgumentException e) {
                throw new CliFailure("--tcplisten: " + e.getMessage(), VergeCommand.USAGE);
            } catch (UncheckedIOException e) {
                throw new CliFailure("--tcplisten: " + e.getMessage(), RunCommand.START_FAILED);
            }
        }
    }

    /**
     * For each address asked with port 0, prints the port the system picked, and the guest's
     * descriptor: a caller (a test, a script) learns where to connect before the guest runs.
     */
    static void announce(WasiConfig config, List<String> addresses, PrintWriter err) {
        for (int i = 0; i < addresses.size(); i++) {
            if (!addresses.get(i).endsWith(":0")) {
                continue;
            }
            try {
                InetSocketAddress at = (InetSocketAddress) config.listeners().get(i).getLocalAddress();
                String host = at.getAddress().getHostAddress();
                if (host.indexOf(':') >= 0) {
                    host = "[" + host + "]";
                }
                err.println("verge run: listening on " + host + ":" + at.getPort() + " (fd " + config.listenerFd(i) + ")");
            } catch (IOException e) {
                throw new CliFailure("--tcplisten " + addresses.get(i) + ": " + e.getMessage(), RunCommand.START_FAILED);
            }
        }
        err.flush();
    }

    /** Closes the sockets bound for the run. */
    static void close(WasiConfig config) {
        for (ServerSocketChannel channel : config.listeners()) {
            try {
                channel.close();
            } catch (IOException e) {
                // the run is over; nothing to tell
            }
        }
    }
}
