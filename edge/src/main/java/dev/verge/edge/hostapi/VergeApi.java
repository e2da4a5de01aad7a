package dev.verge.edge.hostapi;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import dev.verge.core.runtime.Caller;
import dev.verge.core.runtime.HostFunction;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Memory;
import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;
import dev.verge.edge.guest.GuestContext;
import dev.verge.edge.guest.GuestRunner;
import dev.verge.edge.kv.KeyValueStore;
import dev.verge.edge.kv.KvException;
import dev.verge.edge.manifest.AppManifest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The {@code verge} host API (C declarations in {@code include/verge.h}). Every call returns an
 * i32: a length or handle (0 or more) or a {@link HostErrors} code. The functions are defined once
 * per app version ({@link #define}); each request gets its own {@code VergeApi} ({@link #forRequest}),
 * which the functions find through the calling instance's {@link GuestContext}. Nothing the
 * manifest did not grant is reachable: a store not listed in {@code key_value_stores} cannot be
 * opened, a host not in {@code allowed_outbound_hosts} cannot be contacted. A run without a
 * {@code VergeApi} (the warm-up) gets every call refused.
 */
public final class VergeApi {
    public static final String MODULE = "verge";
    private static final int MAX_URL = 8 * 1024;
    private static final int MAX_HEADERS = 64 * 1024;
    private static final int MAX_OUT_BODY = 8 << 20;
    private static final int MAX_LIST = 1000;

    private final AppManifest manifest;
    private final Function<String, KeyValueStore> stores;
    private final GuestRunner.BudgetRef budget;
    private final List<KeyValueStore> handles = new ArrayList<>(0);
    /** The caller of the host call in progress: set at each call, on the guest's own thread. */
    private Caller caller;

    private VergeApi(AppManifest manifest, Function<String, KeyValueStore> stores, GuestRunner.BudgetRef budget) {
        this.manifest = manifest;
        this.stores = stores;
        this.budget = budget;
    }

    /**
     * The API state of one request: the stores it opens, its budget.
     *
     * @param stores opens the app's store of a granted name (already namespaced to the app)
     */
    public static VergeApi forRequest(AppManifest manifest, Function<String, KeyValueStore> stores, GuestRunner.BudgetRef budget) {
        return new VergeApi(manifest, stores, budget);
    }

    /** Defines the API in an app version's {@code linker}, once for all its requests. */
    public static void define(Linker linker) {
        fn(linker, "kv_open", 2, VergeApi::kvOpen);
        fn(linker, "kv_get", 5, VergeApi::kvGet);
        fn(linker, "kv_set", 5, VergeApi::kvSet);
        fn(linker, "kv_delete", 3, VergeApi::kvDelete);
        fn(linker, "kv_list", 5, VergeApi::kvList);
        fn(linker, "http_request", 10, VergeApi::httpRequest);
    }

    private static void fn(Linker linker, String name, int params, BiFunction<VergeApi, Object[], Integer> body) {
        List<ValType> types = Collections.nCopies(params, NumType.I32);
        HostFunction f = (caller, args) -> {
            VergeApi api = caller.data(GuestContext.class).hostApi(VergeApi.class);
            if (api == null) {
                return new Object[] {HostErrors.DENIED};
            }
            api.caller = caller;
            try {
                return new Object[] {body.apply(api, args)};
            } finally {
                api.caller = null;
            }
        };
        linker.defineFunction(MODULE, name, new FuncType(types, List.of(NumType.I32)), f);
    }

    private int kvOpen(Object[] a) {
        String name = string(a[0], a[1], 64);
        if (name == null) {
            return HostErrors.INVALID;
        }
        if (!manifest.kvStores().contains(name)) {
            return HostErrors.DENIED;
        }
        handles.add(stores.apply(name));
        return handles.size() - 1;
    }

    private int kvGet(Object[] a) {
        KeyValueStore s = store(a[0]);
        String key = string(a[1], a[2], KeyValueStore.MAX_KEY_BYTES);
        if (s == null) {
            return HostErrors.DENIED;
        }
        if (key == null || !KeyValueStore.validKey(key)) {
            return HostErrors.INVALID;
        }
        byte[] v;
        try {
            v = budget.blocking(() -> s.get(key));
        } catch (KvException e) {
            return HostErrors.IO;
        }
        return v == null ? HostErrors.NOT_FOUND : copyOut(v, a[3], a[4]);
    }

    private int kvSet(Object[] a) {
        KeyValueStore s = store(a[0]);
        String key = string(a[1], a[2], KeyValueStore.MAX_KEY_BYTES);
        if (s == null) {
            return HostErrors.DENIED;
        }
        if (key == null || !KeyValueStore.validKey(key)) {
            return HostErrors.INVALID;
        }
        int len = (Integer) a[4];
        if (len < 0 || len > KeyValueStore.MAX_VALUE_BYTES) {
            return HostErrors.TOO_LARGE;
        }
        byte[] value = memory().readBytes(u(a[3]), len);
        try {
            budget.blocking(() -> {
                s.set(key, value);
                return null;
            });
        } catch (KvException e) {
            return HostErrors.IO;
        }
        return 0;
    }

    private int kvDelete(Object[] a) {
        KeyValueStore s = store(a[0]);
        String key = string(a[1], a[2], KeyValueStore.MAX_KEY_BYTES);
        if (s == null) {
            return HostErrors.DENIED;
        }
        if (key == null || !KeyValueStore.validKey(key)) {
            return HostErrors.INVALID;
        }
        try {
            return budget.blocking(() -> s.delete(key)) ? 0 : HostErrors.NOT_FOUND;
        } catch (KvException e) {
            return HostErrors.IO;
        }
    }

    /** Keys with the prefix, each followed by a newline; returns the full length (copies only if it fits). */
    private int kvList(Object[] a) {
        KeyValueStore s = store(a[0]);
        String prefix = (Integer) a[2] == 0 ? "" : string(a[1], a[2], KeyValueStore.MAX_KEY_BYTES);
        if (s == null) {
            return HostErrors.DENIED;
        }
        if (prefix == null) {
            return HostErrors.INVALID;
        }
        List<String> keys;
        try {
            keys = budget.blocking(() -> s.list(prefix, MAX_LIST));
        } catch (KvException e) {
            return HostErrors.IO;
        }
        StringBuilder b = new StringBuilder();
        keys.forEach(k -> b.append(k).append('\n'));
        return copyOut(b.toString().getBytes(StandardCharsets.UTF_8), a[3], a[4]);
    }

    /**
     * {@code http_request(method, method_len, url, url_len, headers, headers_len, body, body_len,
     * out, out_cap)}: headers are "Name: value" lines; the response is written to {@code out} as
     * a CGI-style text ("Status: N", header lines, a blank line, the body) and its full length is
     * returned (only what fits is copied).
     */
    private int httpRequest(Object[] a) {
        String method = string(a[0], a[1], 16);
        String url = string(a[2], a[3], MAX_URL);
        String headerText = (Integer) a[5] == 0 ? "" : string(a[4], a[5], MAX_HEADERS);
        int bodyLen = (Integer) a[7];
        if (method == null || url == null || headerText == null || bodyLen < 0) {
            return HostErrors.INVALID;
        }
        if (bodyLen > MAX_OUT_BODY) {
            return HostErrors.TOO_LARGE;
        }
        List<String[]> headers = new ArrayList<>();
        for (String line : headerText.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return HostErrors.INVALID;
            }
            headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
        byte[] body = bodyLen == 0 ? new byte[0] : memory().readBytes(u(a[6]), bodyLen);
        OutboundHttp.Reply reply;
        try {
            OutboundHttp.check(manifest, url);
            reply = budget.blocking(() -> {
                try {
                    java.time.Duration left = budget.wallLeft(manifest.limits().wallTime());
                    if (left.isZero()) {
                        throw new OutboundHttp.Refused(HostErrors.IO, "no wall time left");
                    }
                    return OutboundHttp.send(manifest, method, url, headers, body, left, manifest.limits().responseBodyBytes());
                } catch (OutboundHttp.Refused e) {
                    throw new RefusedAtRuntime(e);
                }
            });
        } catch (OutboundHttp.Refused e) {
            return e.code;
        } catch (RefusedAtRuntime e) {
            return e.refused.code;
        }
        StringBuilder head = new StringBuilder("Status: ").append(reply.status()).append('\n');
        for (String[] h : reply.headers()) {
            if (!h[0].startsWith(":")) {
                head.append(h[0]).append(": ").append(h[1]).append('\n');
            }
        }
        head.append('\n');
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + reply.body().length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(reply.body(), 0, all, headBytes.length, reply.body().length);
        return copyOut(all, a[8], a[9]);
    }

    /** Carries a refusal out of the blocking section. */
    private static final class RefusedAtRuntime extends RuntimeException {
        final OutboundHttp.Refused refused;

        RefusedAtRuntime(OutboundHttp.Refused refused) {
            super(null, null, false, false);
            this.refused = refused;
        }
    }

    private KeyValueStore store(Object handle) {
        int h = (Integer) handle;
        return h >= 0 && h < handles.size() ? handles.get(h) : null;
    }

    /** Copies {@code data} when it fits in {@code cap} bytes; returns its full length either way. */
    private int copyOut(byte[] data, Object ptr, Object cap) {
        int c = (Integer) cap;
        if (c >= data.length) {
            memory().writeBytes(u(ptr), data);
        } else if (c > 0) {
            memory().writeBytes(u(ptr), data, 0, c);
        }
        return data.length;
    }

    /** A UTF-8 string from guest memory, or null when longer than {@code max} or negative. */
    private String string(Object ptr, Object len, int max) {
        int n = (Integer) len;
        if (n < 0 || n > max) {
            return null;
        }
        return new String(memory().readBytes(u(ptr), n), StandardCharsets.UTF_8);
    }

    private Memory memory() {
        Caller c = caller;
        Memory m = c == null ? null : c.memory("memory");
        if (m == null) {
            throw new Trap(TrapKind.HOST_ERROR, "the module exports no memory");
        }
        return m;
    }

    private static long u(Object i32) {
        return Integer.toUnsignedLong((Integer) i32);
    }

}
