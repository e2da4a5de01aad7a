package dev.verge.bench.server;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 core set up the way the edge host sets it up ({@code EdgeServer}): a
 * {@link QueuedThreadPool} of platform threads for accepting and parsing, one
 * {@link ServerConnector}, a core {@link Handler} (no servlets), and a virtual thread per request
 * for the paths that need one. The {@code jetty-vt} variant lets Jetty call the handler on a
 * virtual thread itself (every path then runs on one, with no hop of its own).
 */
final class JettyCeiling {
    private final Server server;
    private final ExecutorService virtualThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("guest-", 0).factory());

    /**
     * @param virtualHandlers whether Jetty itself calls the handler on a virtual thread (its
     *     virtual-threads executor) instead of the handler hopping to one, which saves a dispatch
     */
    JettyCeiling(int port, boolean virtualHandlers) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("jetty-http");
        if (virtualHandlers) {
            threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("jetty-vt-", 0).factory()));
        }
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (request.getHttpURI().getPath().equals("/thread")) {
                    // Which kind of thread Jetty calls the handler on (a check of the set-up, not measured).
                    response.write(true, ByteBuffer.wrap((Thread.currentThread().isVirtual() ? "virtual\n" : "platform\n").getBytes()), callback);
                    return true;
                }
                Work work = Work.of(request.getHttpURI().getPath());
                if (work == null) {
                    return false; // Jetty answers 404
                }
                if (!work.onVirtualThread || Thread.currentThread().isVirtual()) {
                    work.perform();
                    reply(response, callback);
                } else {
                    virtualThreads.execute(() -> {
                        work.perform();
                        reply(response, callback);
                    });
                }
                return true;
            }
        });
        server.start();
    }

    private static void reply(Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Work.BODY.length);
        response.write(true, ByteBuffer.wrap(Work.BODY), callback);
    }

    /** Stops listening (used from a shutdown hook). */
    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            // exiting anyway
        }
        virtualThreads.shutdown();
    }
}
