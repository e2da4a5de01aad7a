package dev.verge.bench.jmh;

import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.EngineConfig;
import dev.verge.text.Wat;

/**
 * The small guest modules of the engine benchmarks, written in the text format so that what is
 * measured can be read here.
 */
final class EngineGuests {
    /** Bytes in {@link #instantiationModule}'s data segment. */
    static final int DATA_BYTES = 4096;

    /** Iterations of {@link #loopsModule}'s {@code loop} per call in the benchmarks. */
    static final int LOOP_ITERATIONS = 1_000_000;

    /** The argument of {@link #loopsModule}'s {@code fib} in the benchmarks: 21,891 calls. */
    static final int FIB_ARGUMENT = 20;

    /** Calls of {@code fib(FIB_ARGUMENT)}: fib(n) makes 2 fib(n+1) - 1 calls. */
    static final int FIB_CALLS = 2 * 10_946 - 1;

    private EngineGuests() {}

    /**
     * A module whose instantiation does what a typical C program's does: a 1 MiB memory (16
     * pages) initialised by an active data segment of {@link #DATA_BYTES} bytes, a mutable
     * global for the stack pointer, a function table with an element segment, and exports.
     */
    static CompiledModule instantiationModule(Engine engine) {
        StringBuilder data = new StringBuilder(DATA_BYTES * 3);
        for (int i = 0; i < DATA_BYTES; i++) {
            data.append(String.format("\\%02x", (i * 31 + 7) & 0xFF));
        }
        String wat = """
                (module
                  (memory (export "memory") 16)
                  (global $sp (export "sp") (mut i32) (i32.const 1048576))
                  (table 2 funcref)
                  (elem (i32.const 0) $load $store)
                  (data (i32.const 1024) "%s")
                  (func $load (export "load") (param $address i32) (result i32)
                    (i32.load (local.get $address)))
                  (func $store (export "store") (param $address i32) (param $value i32) (result i32)
                    (i32.store (local.get $address) (local.get $value))
                    (local.get $value)))
                """.formatted(data);
        return engine.compile(Wat.toBinary(wat));
    }

    /**
     * A module with the two shapes the interruption poll sits in: {@code loop(n)}, a loop of n
     * iterations of a linear congruential step (one back-edge per iteration, no calls), and
     * {@code fib(n)}, doubly recursive Fibonacci (one function entry per call, no loops).
     */
    static CompiledModule loopsModule(boolean interruptible) {
        String wat = """
                (module
                  (func (export "loop") (param $n i32) (result i32)
                    (local $i i32) (local $x i32)
                    (loop $next
                      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1103515245))
                                             (i32.const 12345)))
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
                    (local.get $x))
                  (func $fib (export "fib") (param $n i32) (result i32)
                    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
                      (then (local.get $n))
                      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                                     (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
                """;
        Engine engine = new Engine(EngineConfig.DEFAULT.withInterruptible(interruptible));
        return engine.compile(Wat.toBinary(wat));
    }

    /** Bytes {@link #memoryLoopsModule}'s functions walk per call: 1 MiB, 262,144 i32 steps. */
    static final int MEMORY_REGION = 1 << 20;

    /**
     * A module whose loops are all loads and stores, for comparing memory representations in
     * compiled code: {@code sum(base, n)} adds the n/4 i32 values from base, {@code rmw(base, n)}
     * replaces each with {@code x * 3 + 1}, {@code copy(dst, src, n)} is {@code memory.copy}. The
     * memory has 32 pages (2 MiB); {@code pagedMemory} selects the paged representation.
     */
    static CompiledModule memoryLoopsModule(boolean pagedMemory) {
        String wat = """
                (module
                  (memory (export "memory") 32)
                  (func (export "sum") (param $base i32) (param $n i32) (result i32)
                    (local $i i32) (local $end i32) (local $acc i32)
                    (local.set $i (local.get $base))
                    (local.set $end (i32.add (local.get $base) (local.get $n)))
                    (loop $next
                      (local.set $acc (i32.add (local.get $acc) (i32.load offset=16 (local.get $i))))
                      (local.set $i (i32.add (local.get $i) (i32.const 4)))
                      (br_if $next (i32.lt_u (local.get $i) (local.get $end))))
                    (local.get $acc))
                  (func (export "rmw") (param $base i32) (param $n i32)
                    (local $i i32) (local $end i32)
                    (local.set $i (local.get $base))
                    (local.set $end (i32.add (local.get $base) (local.get $n)))
                    (loop $next
                      (i32.store offset=16 (local.get $i)
                        (i32.add (i32.mul (i32.load offset=16 (local.get $i)) (i32.const 3)) (i32.const 1)))
                      (local.set $i (i32.add (local.get $i) (i32.const 4)))
                      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))
                  (func (export "copy") (param $dst i32) (param $src i32) (param $n i32)
                    (memory.copy (local.get $dst) (local.get $src) (local.get $n))))
                """;
        Engine engine = new Engine(EngineConfig.DEFAULT.withPagedMemory(pagedMemory));
        return engine.compile(Wat.toBinary(wat));
    }
}
