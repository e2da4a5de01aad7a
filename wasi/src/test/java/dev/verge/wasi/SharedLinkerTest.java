package dev.verge.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.InstancePre;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;
import dev.verge.text.Wat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * WASI defined once in one linker serves many instances, each with its own configuration carried
 * as host data: arguments, environment and streams never mix between instances.
 */
class SharedLinkerTest {
    /** Echoes its argument count and its first environment string's length, and copies stdin to stdout. */
    private static final String GUEST = """
            (module
              (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "environ_sizes_get" (func $env_sizes (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "argc") (result i32)
                (drop (call $args_sizes (i32.const 0) (i32.const 4)))
                (i32.load (i32.const 0)))
              (func (export "env_bytes") (result i32)
                (drop (call $env_sizes (i32.const 0) (i32.const 4)))
                (i32.load (i32.const 4)))
              (func (export "echo")
                ;; iovec at 16: buffer 64, length 1024; bytes read at 8
                (i32.store (i32.const 16) (i32.const 64))
                (i32.store (i32.const 20) (i32.const 1024))
                (drop (call $read (i32.const 0) (i32.const 16) (i32.const 1) (i32.const 8)))
                (i32.store (i32.const 20) (i32.load (i32.const 8)))
                (drop (call $write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 8)))))
            """;

    private static InstancePre sharedPre() {
        Linker linker = new Linker();
        Wasi.define(linker);
        return linker.instantiatePre(new Engine().compile(Wat.parse(GUEST)));
    }

    private static WasiConfig config(String input, ByteArrayOutputStream out, String... args) {
        return WasiConfig.builder().args(args).env("NAME", input).stdin(input.getBytes(StandardCharsets.UTF_8)).stdout(out).build();
    }

    @Test
    void twoInstancesOfOnePreSeeOnlyTheirOwnConfiguration() {
        InstancePre pre = sharedPre();
        ByteArrayOutputStream outA = new ByteArrayOutputStream();
        ByteArrayOutputStream outB = new ByteArrayOutputStream();
        try (Wasi a = Wasi.create(config("alpha", outA, "prog"));
                Wasi b = Wasi.create(config("bravo-bravo", outB, "prog", "x", "y"))) {
            Instance ia = pre.instantiate(a);
            Instance ib = pre.instantiate(b);
            assertArrayEquals(new Object[] {1}, ia.function("argc").call());
            assertArrayEquals(new Object[] {3}, ib.function("argc").call());
            assertArrayEquals(new Object[] {"NAME=alpha".length() + 1}, ia.function("env_bytes").call());
            assertArrayEquals(new Object[] {"NAME=bravo-bravo".length() + 1}, ib.function("env_bytes").call());
            ib.function("echo").call();
            ia.function("echo").call();
        }
        assertEquals("alpha", outA.toString(StandardCharsets.UTF_8));
        assertEquals("bravo-bravo", outB.toString(StandardCharsets.UTF_8));
    }

    @Test
    void manyInstancesOnManyThreadsKeepTheirStreamsApart() throws Exception {
        InstancePre pre = sharedPre();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> outputs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String input = "request-" + i;
                outputs.add(pool.submit(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (Wasi wasi = Wasi.create(config(input, out, "prog"))) {
                        pre.instantiate(wasi).function("echo").call();
                    }
                    return out.toString(StandardCharsets.UTF_8);
                }));
            }
            for (int i = 0; i < outputs.size(); i++) {
                assertEquals("request-" + i, outputs.get(i).get());
            }
        }
    }

    /** The embedder's own per-instance state, holding WASI's among other things. */
    record RequestState(String id, Wasi wasi) {}

    @Test
    void hostDataOfTheEmbeddersOwnTypeHoldsTheWasi() {
        Linker linker = new Linker();
        Wasi.define(linker, RequestState.class, RequestState::wasi);
        InstancePre pre = linker.instantiatePre(new Engine().compile(Wat.parse(GUEST)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.create(config("typed", out, "a", "b"))) {
            Instance i = pre.instantiate(new RequestState("r1", wasi));
            assertArrayEquals(new Object[] {2}, i.function("argc").call());
            i.function("echo").call();
        }
        assertEquals("typed", out.toString(StandardCharsets.UTF_8));
        Trap noWasi = assertThrows(Trap.class, () -> pre.instantiate(new RequestState("r2", null)).function("argc").call());
        assertEquals(TrapKind.HOST_ERROR, noWasi.kind());
        assertTrue(noWasi.getCause().getMessage().contains("holds no Wasi"), noWasi.getCause().getMessage());
    }

    @Test
    void anInstanceWithoutWasiHostDataTrapsWithTheReasonNotAnErrno() {
        InstancePre pre = sharedPre();
        Trap t = assertThrows(Trap.class, () -> pre.instantiate().function("argc").call());
        assertEquals(TrapKind.HOST_ERROR, t.kind());
        assertTrue(t.getCause().getMessage().contains("no host data"), t.getCause().getMessage());
    }
}
