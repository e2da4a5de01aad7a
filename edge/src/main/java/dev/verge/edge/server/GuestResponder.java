package dev.verge.edge.server;

import dev.verge.core.runtime.Trap;
import dev.verge.edge.guest.BoundedOutput;
import dev.verge.edge.guest.GuestRunner;
import dev.verge.edge.guest.GuestRunner.Outcome;
import dev.verge.edge.wagi.BadCgiResponseException;
import dev.verge.edge.wagi.CgiRequest;
import dev.verge.edge.wagi.CgiResponse;
import dev.verge.edge.wagi.CgiResponseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns how a guest run ended into the HTTP reply, logging what the client must not see: the trap
 * and its backtrace, the limit that stopped it, the bad output, the guest's stderr. The client
 * only ever gets a status and a generic reason.
 */
final class GuestResponder {
    private final Metrics metrics;
    private final EdgeLog log;

    GuestResponder(Metrics metrics, EdgeLog log) {
        this.metrics = metrics;
        this.log = log;
    }

    Replies.Reply reply(DeployedApp app, String requestId, GuestRunner.Result result, BoundedOutput stdout, BoundedOutput stderr) {
        String name = app.name();
        if (stderr.size() > 0) {
            log.write("guest-stderr", "app", name, "request_id", requestId,
                    "text", new String(stderr.buffer(), 0, stderr.size(), StandardCharsets.UTF_8));
        }
        return switch (result.outcome()) {
            case Outcome.Exited exited -> fromOutput(app, requestId, exited.code(), stdout);
            case Outcome.Trapped trapped -> {
                metrics.trap(name);
                Trap t = trapped.trap();
                log.write("guest-trap", "app", name, "request_id", requestId, "trap", t.kind().message(),
                        "message", t.getMessage(), "backtrace", t.backtrace().stream().map(Object::toString).toList());
                yield Replies.plain(500, "Internal Server Error");
            }
            case Outcome.Stopped stopped -> {
                String limit = stopped.reason() == dev.verge.edge.guest.Watchdog.Reason.CPU ? "cpu" : "wall";
                metrics.limitKill(name, limit);
                log.write("guest-limit", "app", name, "request_id", requestId, "limit", limit + "_time");
                yield Replies.plain(504, "Gateway Timeout");
            }
            case Outcome.OverLimit over -> {
                metrics.limitKill(name, "memory");
                log.write("guest-limit", "app", name, "request_id", requestId, "limit", "memory", "message", over.message());
                yield Replies.plain(500, "Internal Server Error");
            }
            case Outcome.Failed failed -> {
                log.write("guest-failed", "app", name, "request_id", requestId, "message", failed.message());
                yield Replies.plain(500, "Internal Server Error");
            }
        };
    }

    private Replies.Reply fromOutput(DeployedApp app, String requestId, int exitCode, BoundedOutput stdout) {
        String name = app.name();
        if (exitCode != 0) {
            log.write("guest-exit", "app", name, "request_id", requestId, "code", exitCode);
        }
        if (stdout.overflowed()) {
            metrics.limitKill(name, "response_body");
            log.write("guest-limit", "app", name, "request_id", requestId, "limit", "response_body");
            return Replies.plain(500, "Internal Server Error");
        }
        CgiResponse cgi;
        try {
            cgi = CgiResponseParser.parse(stdout.buffer(), stdout.size());
        } catch (BadCgiResponseException e) {
            log.write("bad-cgi-response", "app", name, "request_id", requestId, "error", e.getMessage());
            return Replies.plain(502, "Bad Gateway");
        }
        if (cgi.body().length > app.manifest().limits().responseBodyBytes()) {
            metrics.limitKill(name, "response_body");
            log.write("guest-limit", "app", name, "request_id", requestId, "limit", "response_body");
            return Replies.plain(500, "Internal Server Error");
        }
        List<Replies.Header> headers = new ArrayList<>();
        for (CgiRequest.Header h : cgi.headers()) {
            headers.add(new Replies.Header(h.name(), h.value()));
        }
        return new Replies.Reply(cgi.status(), headers, cgi.body());
    }
}
