package dev.verge.bench.server;

import dev.verge.edge.server.EdgeConfig;
import dev.verge.edge.server.EdgeServer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Request bodies streamed to a guest's stdin through the edge host: a server on a temporary store
 * with the edge tests' probe app, whose {@code /count} reads stdin to its end; POSTs a body of
 * MB mebibytes N times (after three unmeasured) and prints the median wall time and the median
 * CPU time of the whole process (server and client; the JVM counts it in 10 ms steps) per
 * request. Run from the repository root:
 * {@code java -cp bench/target/benchmarks.jar dev.verge.bench.server.EdgeUpload
 * edge/src/test/resources/guests/probe.wasm 20 9}
 */
public final class EdgeUpload {
    private EdgeUpload() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EdgeUpload PROBE.wasm MB N");
            System.exit(2);
        }
        byte[] probe = Files.readAllBytes(Path.of(args[0]));
        int mb = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        Path store = Files.createTempDirectory("verge-edge-upload");
        EdgeConfig config = EdgeConfig.defaults(store).withListen("127.0.0.1", 0).withAdmin("127.0.0.1", 0)
                .withAdminToken("bench").withSeedExamples(false).withLog(new PrintStream(PrintStream.nullOutputStream()));
        EdgeServer server = EdgeServer.start(config);
        try {
            server.registry().deploy(probe, "name = \"up\"\n[[routes]]\npath = \"/up/...\"\n[limits]\ncpu_time = \"20s\"\n"
                    + "wall_time = \"1m\"\nrequest_body = \"" + (mb + 1) + "MiB\"\n", Map.of());
            HttpClient client = HttpClient.newHttpClient();
            byte[] body = new byte[mb << 20];
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            double[] wall = new double[n];
            double[] cpu = new double[n];
            for (int i = -3; i < n; i++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/up/count"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (!r.body().equals("read " + body.length)) {
                    throw new IllegalStateException("unexpected answer: " + r.statusCode() + " " + r.body());
                }
                if (i >= 0) {
                    wall[i] = (System.nanoTime() - t0) / 1e6;
                    cpu[i] = (os.getProcessCpuTime() - c0) / 1e6;
                }
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf("%d MiB POST x %d: median wall %.1f ms, process CPU %.1f ms%n", mb, n, wall[n / 2], cpu[n / 2]);
        } finally {
            server.close();
            try (var files = Files.walk(store)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.exit(0);
    }
}
