package dev.verge.edge.guest;

import dev.verge.core.model.ExternKind;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.Import;
import dev.verge.core.model.NumType;
import dev.verge.core.model.ValType;
import dev.verge.core.runtime.Caller;
import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.HostFunction;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Memory;
import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The smallest WASI a WAGI handler needs: arguments, environment, stdin/stdout/stderr, clocks,
 * randomness and exit. Every other {@code wasi_snapshot_preview1} import the module asks for
 * answers ENOSYS, so nothing else (files, sockets) is reachable. Used when the project's full
 * WASI module is not on the class path; it grants strictly less.
 */
public final class FallbackWasi implements WasiProvider {
    static final String MODULE = "wasi_snapshot_preview1";
    private static final int ESUCCESS = 0;
    private static final int EBADF = 8;
    private static final int EINVAL = 28;
    private static final int EIO = 29;
    private static final int ENOSYS = 52;
    private static final int ESPIPE = 70;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void define(Linker linker, CompiledModule module, GuestIo io) {
        Run run = new Run(io);
        for (Import imp : module.module().imports(ExternKind.FUNC)) {
            if (!imp.module().equals(MODULE) || !(imp.type() instanceof FuncImport fi)) {
                continue;
            }
            FuncType type = module.module().funcType(fi.typeIndex());
            HostFunction f = switch (imp.name()) {
                case "args_sizes_get" -> (c, a) -> run.sizes(c, a, run.args);
                case "args_get" -> (c, a) -> run.strings(c, a, run.args);
                case "environ_sizes_get" -> (c, a) -> run.sizes(c, a, run.env);
                case "environ_get" -> (c, a) -> run.strings(c, a, run.env);
                case "fd_write" -> run::fdWrite;
                case "fd_read" -> run::fdRead;
                case "fd_close" -> (c, a) -> ok((Integer) a[0] <= 2 ? ESUCCESS : EBADF);
                case "fd_seek" -> (c, a) -> ok((Integer) a[0] <= 2 ? ESPIPE : EBADF);
                case "fd_fdstat_get" -> run::fdstat;
                case "fd_prestat_get", "fd_prestat_dir_name" -> (c, a) -> ok(EBADF);
                case "clock_time_get" -> run::clock;
                case "random_get" -> run::random;
                case "sched_yield" -> (c, a) -> ok(ESUCCESS);
                case "proc_exit" -> (c, a) -> {
                    throw new GuestExit((Integer) a[0]);
                };
                default -> (c, a) -> ok(ENOSYS);
            };
            if (!isErrnoOnly(type) && !imp.name().equals("proc_exit")) {
                f = (c, a) -> {
                    throw new Trap(TrapKind.HOST_ERROR, "unsupported import " + MODULE + "." + imp.name());
                };
            }
            linker.defineFunction(MODULE, imp.name(), type, f);
        }
    }

    private static boolean isErrnoOnly(FuncType type) {
        return type.results().equals(List.<ValType>of(NumType.I32));
    }

    private static Object[] ok(int errno) {
        return new Object[] {errno};
    }

    /** The state of one run: argv/environ bytes and how much of stdin has been read. */
    private static final class Run {
        final List<byte[]> args = new ArrayList<>();
        final List<byte[]> env = new ArrayList<>();
        final GuestIo io;
        int stdinPos;

        Run(GuestIo io) {
            this.io = io;
            for (String a : io.args()) {
                args.add(cstring(a));
            }
            for (Map.Entry<String, String> e : io.env().entrySet()) {
                env.add(cstring(e.getKey() + "=" + e.getValue()));
            }
        }

        private static byte[] cstring(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[b.length + 1];
            System.arraycopy(b, 0, out, 0, b.length);
            return out;
        }

        Object[] sizes(Caller c, Object[] a, List<byte[]> list) {
            Memory m = memory(c);
            long total = 0;
            for (byte[] b : list) {
                total += b.length;
            }
            m.writeI32(u(a[0]), list.size());
            m.writeI32(u(a[1]), (int) total);
            return ok(ESUCCESS);
        }

        Object[] strings(Caller c, Object[] a, List<byte[]> list) {
            Memory m = memory(c);
            long ptrs = u(a[0]);
            long buf = u(a[1]);
            for (int i = 0; i < list.size(); i++) {
                m.writeI32(ptrs + 4L * i, (int) buf);
                m.writeBytes(buf, list.get(i));
                buf += list.get(i).length;
            }
            return ok(ESUCCESS);
        }

        Object[] fdWrite(Caller c, Object[] a) {
            int fd = (Integer) a[0];
            BoundedOutput out = fd == 1 ? io.stdout() : fd == 2 ? io.stderr() : null;
            if (out == null) {
                return ok(fd == 0 ? EBADF : EBADF);
            }
            Memory m = memory(c);
            long iovs = u(a[1]);
            int count = (Integer) a[2];
            long written = 0;
            for (int i = 0; i < count; i++) {
                long base = u(m.readI32(iovs + 8L * i));
                int len = m.readI32(iovs + 8L * i + 4);
                if (len < 0) {
                    return ok(EINVAL);
                }
                try {
                    out.write(m.readBytes(base, len), 0, len);
                } catch (IOException e) {
                    return ok(EIO);
                }
                written += len;
            }
            m.writeI32(u(a[3]), (int) written);
            return ok(ESUCCESS);
        }

        Object[] fdRead(Caller c, Object[] a) {
            if ((Integer) a[0] != 0) {
                return ok(EBADF);
            }
            Memory m = memory(c);
            long iovs = u(a[1]);
            int count = (Integer) a[2];
            long read = 0;
            byte[] in = io.stdin();
            for (int i = 0; i < count && stdinPos < in.length; i++) {
                long base = u(m.readI32(iovs + 8L * i));
                int len = m.readI32(iovs + 8L * i + 4);
                int n = Math.min(Math.max(len, 0), in.length - stdinPos);
                m.writeBytes(base, in, stdinPos, n);
                stdinPos += n;
                read += n;
            }
            m.writeI32(u(a[3]), (int) read);
            return ok(ESUCCESS);
        }

        Object[] fdstat(Caller c, Object[] a) {
            int fd = (Integer) a[0];
            if (fd < 0 || fd > 2) {
                return ok(EBADF);
            }
            Memory m = memory(c);
            long p = u(a[1]);
            m.writeBytes(p, new byte[24]);
            m.writeI8(p, (byte) 2); // character device
            long rights = fd == 0 ? 0x2L /* fd_read */ : 0x40L /* fd_write */;
            m.writeI64(p + 8, rights);
            return ok(ESUCCESS);
        }

        Object[] clock(Caller c, Object[] a) {
            int id = (Integer) a[0];
            long now = switch (id) {
                case 0 -> {
                    java.time.Instant t = java.time.Instant.now();
                    yield t.getEpochSecond() * 1_000_000_000L + t.getNano();
                }
                case 1, 2, 3 -> System.nanoTime();
                default -> -1;
            };
            if (now == -1) {
                return ok(EINVAL);
            }
            memory(c).writeI64(u(a[2]), now);
            return ok(ESUCCESS);
        }

        Object[] random(Caller c, Object[] a) {
            int len = (Integer) a[1];
            if (len < 0) {
                return ok(EINVAL);
            }
            byte[] b = new byte[len];
            RANDOM.nextBytes(b);
            memory(c).writeBytes(u(a[0]), b);
            return ok(ESUCCESS);
        }

        private static Memory memory(Caller c) {
            Memory m = c.memory("memory");
            if (m == null) {
                throw new Trap(TrapKind.HOST_ERROR, "the module exports no memory");
            }
            return m;
        }

        private static long u(Object i32) {
            return Integer.toUnsignedLong((Integer) i32);
        }
    }
}
