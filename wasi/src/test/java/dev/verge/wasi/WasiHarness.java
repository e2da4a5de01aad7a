package dev.verge.wasi;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Memory;
import dev.verge.core.runtime.WasmFunction;
import dev.verge.text.Wat;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A guest for testing the host functions one call at a time: a module that imports every WASI
 * function and exports a wrapper of the same name that calls it, so the calls come from a guest
 * with a memory, as they do in real programs. Strings and records are placed in that memory by
 * a bump allocator.
 */
final class WasiHarness implements AutoCloseable {
    static final List<String> FUNCTIONS = List.of(
            "args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get",
            "clock_time_get", "random_get", "fd_advise", "fd_allocate", "fd_close", "fd_datasync",
            "fd_fdstat_get", "fd_fdstat_set_flags", "fd_fdstat_set_rights", "fd_filestat_get",
            "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread", "fd_prestat_get",
            "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek",
            "fd_sync", "fd_tell", "fd_write", "path_create_directory", "path_filestat_get",
            "path_filestat_set_times", "path_link", "path_open", "path_readlink",
            "path_remove_directory", "path_rename", "path_symlink", "path_unlink_file",
            "poll_oneoff", "proc_raise", "sched_yield", "sock_accept", "sock_recv", "sock_send",
            "sock_shutdown");

    static final long ALL_RIGHTS = -1L;
    /** Every right but those that write file data: what opening a directory may ask for. */
    static final long DIR_RIGHTS = ~((1L << 6) | (1L << 8) | (1L << 22));
    static final int O_CREAT = 1;
    static final int O_DIRECTORY = 2;
    static final int O_EXCL = 4;
    static final int O_TRUNC = 8;
    static final int FOLLOW = 1;

    private final Wasi wasi;
    private final Instance instance;
    final Memory memory;
    private long next = 1024;

    WasiHarness(WasiConfig config) {
        Linker linker = new Linker();
        wasi = Wasi.addTo(linker, config);
        StringBuilder wat = new StringBuilder("(module\n");
        for (String name : FUNCTIONS) {
            FuncType t = ((WasmFunction) linker.get(Wasi.MODULE, name)).type();
            wat.append("  (import \"").append(Wasi.MODULE).append("\" \"").append(name).append("\" (func $").append(name)
                    .append(signature(t)).append("))\n");
        }
        wat.append("  (import \"").append(Wasi.MODULE).append("\" \"proc_exit\" (func $proc_exit (param i32)))\n");
        wat.append("  (memory (export \"memory\") 64)\n");
        for (String name : FUNCTIONS) {
            FuncType t = ((WasmFunction) linker.get(Wasi.MODULE, name)).type();
            wat.append("  (func (export \"").append(name).append("\")").append(signature(t));
            for (int i = 0; i < t.params().size(); i++) {
                wat.append(" local.get ").append(i);
            }
            wat.append(" call $").append(name).append(")\n");
        }
        wat.append("  (func (export \"proc_exit\") (param i32) local.get 0 call $proc_exit))\n");
        instance = linker.instantiate(new Engine().compile(Wat.parse(wat.toString())));
        memory = instance.memory("memory");
    }

    private static String signature(FuncType t) {
        StringBuilder s = new StringBuilder();
        for (ValType p : t.params()) {
            s.append(" (param ").append(p).append(")");
        }
        for (ValType r : t.results()) {
            s.append(" (result ").append(r).append(")");
        }
        return s.toString();
    }

    /** Calls a WASI function from the guest; returns the errno. */
    int call(String name, Object... args) {
        WasmFunction f = instance.function(name);
        Object[] boxed = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            boxed[i] = f.type().params().get(i) == NumType.I64 ? Long.valueOf(((Number) args[i]).longValue()) : args[i];
        }
        return (Integer) f.call(boxed)[0];
    }

    Errno errno(String name, Object... args) {
        return Errno.values()[call(name, args)];
    }

    /** The guest's instance: what a test interrupts. */
    Instance instance() {
        return instance;
    }

    WasmFunction function(String name) {
        return instance.function(name);
    }

    /** Room for {@code size} bytes in guest memory. */
    int alloc(int size) {
        long at = next;
        next = (next + size + 7) & ~7L;
        return (int) at;
    }

    /** A copy of {@code s} in guest memory; its address. */
    int put(String s) {
        return put(s.getBytes(StandardCharsets.UTF_8));
    }

    int put(byte[] bytes) {
        int at = alloc(bytes.length);
        memory.writeBytes(at, bytes);
        return at;
    }

    static int len(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One I/O vector over {@code len} bytes at {@code buf}; its address. */
    int iovec(int buf, int len) {
        int at = alloc(8);
        memory.writeI32(at, buf);
        memory.writeI32(at + 4, len);
        return at;
    }

    /** {@code path_open} from {@code dir}: the errno, and the new fd in {@link #lastFd}. */
    Errno open(int dir, int lookup, String path, int oflags, long rights, int fdflags) {
        int out = alloc(4);
        Errno e = errno("path_open", dir, lookup, put(path), len(path), oflags, rights, rights, fdflags, out);
        lastFd = memory.readI32(out);
        return e;
    }

    int lastFd;

    Errno open(String path, int oflags, long rights) {
        return open(3, FOLLOW, path, oflags, rights, 0);
    }

    /** Opens and fails the test unless it worked; the fd. */
    int openOk(String path, int oflags, long rights) {
        Errno e = open(path, oflags, rights);
        if (e != Errno.SUCCESS) {
            throw new AssertionError("path_open " + path + ": " + e);
        }
        return lastFd;
    }

    /** Writes {@code text} to {@code fd}; the errno. */
    Errno write(int fd, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return errno("fd_write", fd, iovec(put(b), b.length), 1, alloc(4));
    }

    /** Reads up to {@code max} bytes from {@code fd} as text, or fails the test. */
    String read(int fd, int max) {
        int buf = alloc(max);
        int n = alloc(4);
        Errno e = errno("fd_read", fd, iovec(buf, max), 1, n);
        if (e != Errno.SUCCESS) {
            throw new AssertionError("fd_read: " + e);
        }
        return new String(memory.readBytes(buf, memory.readI32(n)), StandardCharsets.UTF_8);
    }

    /** A path call taking (fd, path, len): the errno. */
    Errno path(String name, int dir, String path) {
        return errno(name, dir, put(path), len(path));
    }

    @Override
    public void close() {
        wasi.close();
    }
}
