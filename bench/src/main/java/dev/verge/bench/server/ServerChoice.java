package dev.verge.bench.server;

/**
 * Starts one of the two candidate HTTP servers for {@code bench/server-choice.sh}:
 * {@code java -cp bench/target/benchmarks.jar dev.verge.bench.server.ServerChoice jetty|jetty-vt|netty PORT}.
 * Prints {@code ready} once listening, then serves {@link Work}'s paths until killed.
 */
public final class ServerChoice {
    private ServerChoice() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("jetty") || args[0].equals("jetty-vt") || args[0].equals("netty"))) {
            System.err.println("usage: ServerChoice jetty|jetty-vt|netty PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        Runnable stop;
        if (args[0].startsWith("jetty")) {
            stop = new JettyCeiling(port, args[0].equals("jetty-vt"))::stop;
        } else {
            stop = new NettyCeiling(port)::stop;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop));
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
