package dev.verge.wasi;

import dev.verge.core.runtime.Memory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code args_get}, {@code args_sizes_get}, {@code environ_get}, {@code environ_sizes_get}. */
final class ArgsEnvFunctions {
    private ArgsEnvFunctions() {}

    static void define(Definer d) {
        d.fn("args_sizes_get", "ii", (ctx, mem, a) -> sizes(mem, args(ctx), a.i32(0), a.i32(1)));
        d.fn("args_get", "ii", (ctx, mem, a) -> strings(mem, args(ctx), a.i32(0), a.i32(1)));
        d.fn("environ_sizes_get", "ii", (ctx, mem, a) -> sizes(mem, env(ctx), a.i32(0), a.i32(1)));
        d.fn("environ_get", "ii", (ctx, mem, a) -> strings(mem, env(ctx), a.i32(0), a.i32(1)));
    }

    /** The arguments in UTF-8, encoded at the first call (a program asks for sizes, then strings). */
    private static List<byte[]> args(WasiContext ctx) {
        List<byte[]> out = ctx.encodedArgs;
        if (out == null) {
            out = new ArrayList<>(ctx.config.args().size());
            for (String s : ctx.config.args()) {
                out.add(s.getBytes(StandardCharsets.UTF_8));
            }
            ctx.encodedArgs = out;
        }
        return out;
    }

    /** The {@code NAME=value} strings in UTF-8, encoded at the first call. */
    private static List<byte[]> env(WasiContext ctx) {
        List<byte[]> out = ctx.encodedEnv;
        if (out == null) {
            out = new ArrayList<>(ctx.config.env().size());
            for (Map.Entry<String, String> e : ctx.config.env().entrySet()) {
                out.add((e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8));
            }
            ctx.encodedEnv = out;
        }
        return out;
    }

    /** Writes the count and the total size of the NUL-terminated strings. */
    private static int sizes(Memory mem, List<byte[]> strings, int countPtr, int sizePtr) {
        int size = 0;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        mem.writeI32(GuestMemory.u32(countPtr), strings.size());
        mem.writeI32(GuestMemory.u32(sizePtr), size);
        return 0;
    }

    /** Writes a pointer to each string at {@code ptrs} and the NUL-terminated strings at {@code buf}. */
    private static int strings(Memory mem, List<byte[]> strings, int ptrs, int buf) {
        long at = GuestMemory.u32(buf);
        for (int i = 0; i < strings.size(); i++) {
            byte[] s = strings.get(i);
            mem.writeI32(GuestMemory.u32(ptrs) + 4L * i, (int) at);
            mem.writeBytes(at, s);
            mem.writeI8(at + s.length, (byte) 0);
            at += s.length + 1;
        }
        return 0;
    }
}
