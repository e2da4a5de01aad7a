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
 * for the paths that need one.
 */
final class JettyCeiling {
    private final Server server;
    private final ExecutorService virtualThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("guest-", 0).factory());

    JettyCeiling(int port) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("jetty-http");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Work work = Work.of(request.getHttpURI().getPath());
                if (work == null) {
                    return false; // Jetty answers 404
                }
                if (!work.onVirtualThread) {
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
