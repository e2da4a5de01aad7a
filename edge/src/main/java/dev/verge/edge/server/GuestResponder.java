package dev.verge.edge.server;

import dev.verge.core.runtime.Trap;
import dev.verge.edge.guest.BoundedOutput;
import dev.verge.edge.guest.GuestRunner;
import dev.verge.edge.guest.GuestRunner.Outcome;
import dev.verge.edge.wagi.BadCgiResponseException;
import java.nio.charset.StandardCharsets;

/**
 * Decides how a request ends once its guest has run, logging what the client must not see: the
 * trap and its backtrace, the limit that stopped it, the bad output, the guest's stderr. The client
 * only ever gets a status and a generic reason, or, when the guest's response was already
 * streaming, a cut connection (a status once sent cannot be taken back).
 */
final class GuestResponder {
    private final Metrics metrics;
    private final EdgeLog log;

    GuestResponder(Metrics metrics, EdgeLog log) {
        this.metrics = metrics;
        this.log = log;
    }

    /** How the response ends. */
    sealed interface Ending {
        /** Nothing was sent yet: send this reply whole. */
        record Whole(Replies.Reply reply) implements Ending {}

        /** The guest's response is streaming and complete: send the rest and end it. */
        record Finish() implements Ending {}

        /** The guest's response is streaming but must not end cleanly: cut the connection. */
        record Abort(String why) implements Ending {}
    }

    Ending end(DeployedApp app, String requestId, GuestRunner.Result result, RequestBodyStream body,
            CgiResponseStream stdout, BoundedOutput stderr) {
        String name = app.name();
        if (stderr.size() > 0) {
            log.write("guest-stderr", "app", name, "request_id", requestId,
                    "text", new String(stderr.buffer(), 0, stderr.size(), StandardCharsets.UTF_8));
        }
        if (body.overLimit()) {
            // The guest saw a cut body (an I/O error): whatever it answered is not an answer.
            metrics.limitKill(name, "request_body");
            return failed(stdout, 413, "Content Too Large", "request_body over its limit");
        }
        return switch (result.outcome()) {
            case Outcome.Exited exited -> fromOutput(app, requestId, exited.code(), stdout);
            case Outcome.Trapped trapped -> {
                metrics.trap(name);
                Trap t = trapped.trap();
                log.write("guest-trap", "app", name, "request_id", requestId, "trap", t.kind().message(),
                        "message", t.getMessage(), "backtrace", t.backtrace().stream().map(Object::toString).toList());
                yield failed(stdout, 500, "Internal Server Error", "guest trapped");
            }
            case Outcome.Stopped stopped -> {
                String limit = stopped.reason() == dev.verge.edge.guest.Watchdog.Reason.CPU ? "cpu" : "wall";
                metrics.limitKill(name, limit);
                log.write("guest-limit", "app", name, "request_id", requestId, "limit", limit + "_time");
                yield failed(stdout, 504, "Gateway Timeout", limit + "_time limit");
            }
            case Outcome.OverLimit over -> {
                metrics.limitKill(name, "memory");
                log.write("guest-limit", "app", name, "request_id", requestId, "limit", "memory", "message", over.message());
                yield failed(stdout, 500, "Internal Server Error", "memory limit");
            }
            case Outcome.Failed failed -> {
                log.write("guest-failed", "app", name, "request_id", requestId, "message", failed.message());
                yield failed(stdout, 500, "Internal Server Error", "guest failed");
            }
        };
    }

    private Ending fromOutput(DeployedApp app, String requestId, int exitCode, CgiResponseStream stdout) {
        String name = app.name();
        if (exitCode != 0) {
            log.write("guest-exit", "app", name, "request_id", requestId, "code", exitCode);
        }
        switch (stdout.state()) {
            case OVER_LIMIT -> {
                metrics.limitKill(name, "response_body");
                log.write("guest-limit", "app", name, "request_id", requestId, "limit", "response_body",
                        "after_headers_sent", stdout.committed());
                return failed(stdout, 500, "Internal Server Error", "response_body over its limit");
            }
            case CLIENT_GONE -> {
                return new Ending.Abort("the client stopped taking the response");
            }
            case STREAMING -> {
                return new Ending.Finish();
            }
            default -> {
                try {
                    return new Ending.Whole(stdout.wholeReply());
                } catch (BadCgiResponseException e) {
                    log.write("bad-cgi-response", "app", name, "request_id", requestId, "error", e.getMessage());
                    return new Ending.Whole(Replies.plain(502, "Bad Gateway"));
                }
            }
        }
    }

    /** An error status when nothing was sent yet; a cut connection when the guest's response is under way. */
    private static Ending failed(CgiResponseStream stdout, int status, String reason, String why) {
        return stdout.committed() ? new Ending.Abort(why + " after the response started") : new Ending.Whole(Replies.plain(status, reason));
    }
}
