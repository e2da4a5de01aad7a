package dev.verge.cli;

import dev.verge.core.VergeException;
import dev.verge.core.model.ValType;
import dev.verge.core.runtime.CompiledModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.EngineConfig;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;
import dev.verge.core.runtime.WasmFunction;
import dev.verge.core.model.MemoryType;
import dev.verge.wasi.Wasi;
import dev.verge.wasi.WasiConfig;
import dev.verge.wasi.WasiExit;
import dev.verge.wasi.WasiSignal;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verge run}: runs a WASI command (its {@code _start}) or one exported function, with the
 * flags of {@code wasmtime run}. Options go before MODULE; everything after it is the guest's.
 */
@Command(
        name = "run",
        header = "Runs a WebAssembly module as a WASI program.",
        description = {
            "Instantiates MODULE (.wasm, .wat, or .cwasm from 'verge compile') with WASI "
                    + "preview1 and calls its _start, or the function named by --invoke. The guest "
                    + "sees only the directories given with --dir, the variables given with --env, "
                    + "and ARGS (with MODULE as argv[0]).",
            "Compiled modules are cached in $XDG_CACHE_HOME/verge (or ~/.cache/verge), keyed by "
                    + "the module's SHA-256 and this Verge build, so a module is compiled once; "
                    + "--no-cache or VERGE_CACHE=off compiles every time.",
            "Read-only directories: --dir HOST::GUEST::ro (or --dir-ro HOST[::GUEST]); the guest "
                    + "can read them but not create, write, truncate, rename, link or remove anything.",
            "Sockets: --tcplisten HOST:PORT binds a listening TCP socket the guest accepts "
                    + "connections on (sock_accept); it is the file descriptor after stdio and the "
                    + "--dir directories. With port 0 a free port is picked and "
                    + "'verge run: listening on HOST:PORT (fd N)' is printed on stderr before the guest starts.",
        },
        footer = {
            "",
            "Exit status: the guest's proc_exit code (0 when _start returns); 134 when the guest "
                    + "traps (as wasmtime: 128 + SIGABRT), after the trap message and Wasm backtrace "
                    + "on stderr; 1 when the module cannot start (invalid, missing import); 2 wrong "
                    + "usage or unreadable module; 128 + N when the guest raises a "
                    + "terminating signal N (proc_raise), after a line naming it on stderr.",
        })
public final class RunCommand implements Callable<Integer> {
    /** The exit status of a guest that trapped, as wasmtime's on Unix (128 + SIGABRT). */
    public static final int TRAP = 134;
    /** The exit status when the module cannot be started. */
    public static final int START_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "HOST[::GUEST[::ro]]",
            description = "Gives the guest the host directory HOST, as GUEST (default: HOST as written); ::ro makes it read-only.")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--dir-ro", paramLabel = "HOST[::GUEST]", description = "Like --dir, read-only.")
    List<String> readOnlyDirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME[=VALUE]",
            description = "Sets an environment variable of the guest; NAME alone passes the host's value.")
    List<String> env = new ArrayList<>();

    @Option(names = "--invoke", paramLabel = "FUNC",
            description = "Calls the exported function FUNC with ARGS (converted to its parameter types) and prints its results, one per line.")
    String invoke;

    @Option(names = "--fuel", paramLabel = "N", description = "Stops the guest (a trap) after N units of fuel: one per call and loop iteration.")
    Long fuel;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Stops the guest (a trap) after DURATION, e.g. 500ms, 10s, 2m.")
    String timeout;

    @Option(names = "--max-memory", paramLabel = "SIZE", description = "The most linear memory the guest may have, e.g. 64M (default and ceiling: 4G, the most a 32-bit memory can address).")
    String maxMemory;

    @Option(names = "--tcplisten", paramLabel = "HOST:PORT",
            description = "Gives the guest a TCP socket listening on HOST:PORT (port 0: any free port, printed on stderr).")
    List<String> tcpListen = new ArrayList<>();

    @Option(names = "--cache", negatable = true,
            description = "Whether compiled modules are cached in $XDG_CACHE_HOME/verge (or ~/.cache/verge); on unless VERGE_CACHE=off. --no-cache compiles every time.")
    Boolean cache;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The .wasm, .wat or .cwasm (verge compile) file to run.")
    String module;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The guest's arguments (or --invoke's).")
    List<String> args = new ArrayList<>();

    /** The guest's standard streams; the process's own unless a test replaces them. */
    InputStream stdin = new FileInputStream(FileDescriptor.in);
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    OutputStream stderr = new FileOutputStream(FileDescriptor.err);

    /** The command's own output (--invoke results, trap reports) when run without picocli, by {@link QuickRun}. */
    PrintWriter quickOut;
    PrintWriter quickErr;

    private PrintWriter out() {
        return spec != null ? spec.commandLine().getOut() : quickOut;
    }

    private PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : quickErr;
    }

    /** Runs the module on a thread with a deep stack (see {@link GuestThread}). */
    @Override
    public Integer call() {
        // An anonymous class, not this::runHere: see GuestThread.
        return GuestThread.run(new Callable<Integer>() {
            @Override
            public Integer call() {
                return runHere();
            }
        });
    }

    private Integer runHere() {
        byte[] bytes;
        try {
            bytes = ModuleFiles.read(module);
        } catch (ModuleFiles.Unreadable e) {
            throw new CliFailure("cannot read " + module + ": " + e.getMessage(), VergeCommand.USAGE);
        }
        Engine engine = new Engine(engineConfig());
        CompiledModule compiled;
        try {
            compiled = ModuleCache.load(engine, module, bytes, ModuleCache.forRun(cache, System.getenv()));
        } catch (VergeException e) {
            throw new CliFailure(module + ": " + e.getMessage(), START_FAILED);
        }
        if (AotTraining.recording()) {
            AotTraining.loadOnce(engine, compiled);
        }
        Linker linker = new Linker();
        WasiConfig config = wasiConfig();
        Wasi wasi = Wasi.addTo(linker, config);
        try {
            Instance instance;
            try {
                instance = linker.instantiate(compiled);
            } catch (Trap t) {
                return exitOrTrap(t);
            } catch (VergeException e) {
                throw new CliFailure(module + ": " + e.getMessage(), START_FAILED);
            }
            if (fuel != null) {
                instance.setFuel(fuel);
            }
            Instance.Deadline deadline = timeout == null ? null : instance.interruptAfter(RunOptions.duration(timeout));
            try {
                return invoke == null ? runStart(instance) : runInvoke(instance);
            } catch (Trap t) {
                return exitOrTrap(t);
            } finally {
                if (deadline != null) {
                    deadline.close();
                }
            }
        } finally {
            wasi.close();
            Listeners.close(config);
        }
    }

    private EngineConfig engineConfig() {
        EngineConfig config = EngineConfig.DEFAULT.withFuel(fuel != null);
        if (maxMemory != null) {
            long pages = RunOptions.size(maxMemory) / MemoryType.PAGE_SIZE;
            config = config.withMaxMemoryPages(Math.min(pages, EngineConfig.MAX_MEMORY_PAGES));
        }
        return config;
    }

    private WasiConfig wasiConfig() {
        WasiConfig.Builder b = WasiConfig.builder().stdin(stdin).stdout(stdout).stderr(stderr);
        b.args(module).args(invoke == null ? args : List.of());
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq == 0) {
                throw new CliFailure("invalid --env '" + e + "': expected NAME=VALUE", VergeCommand.USAGE);
            }
            if (eq < 0) {
                String host = System.getenv(e);
                if (host != null) {
                    b.env(e, host);
                }
            } else {
                b.env(e.substring(0, eq), e.substring(eq + 1));
            }
        }
        for (String d : dirs) {
            preopen(b, RunOptions.Dir.parse(d, false));
        }
        for (String d : readOnlyDirs) {
            preopen(b, RunOptions.Dir.parse(d, true));
        }
        Listeners.bind(b, tcpListen);
        WasiConfig config = b.build();
        Listeners.announce(config, tcpListen, err());
        return config;
    }

    private static void preopen(WasiConfig.Builder b, RunOptions.Dir dir) {
        Path host = Path.of(dir.host());
        if (!Files.isDirectory(host)) {
            throw new CliFailure("--dir " + dir.host() + ": not a directory", VergeCommand.USAGE);
        }
        b.preopen(host, dir.guest(), dir.readOnly());
    }

    private int runStart(Instance instance) {
        WasmFunction start = instance.function("_start");
        if (start == null) {
            throw new CliFailure(module + ": exports no _start function (use --invoke FUNC)", START_FAILED);
        }
        start.call();
        return 0;
    }

    /** Calls the --invoke function (after {@code _initialize}, for reactors) and prints its results. */
    private int runInvoke(Instance instance) {
        WasmFunction f = instance.function(invoke);
        if (f == null) {
            throw new CliFailure(module + ": exports no function '" + invoke + "'", START_FAILED);
        }
        List<ValType> params = f.type().params();
        if (params.size() != args.size()) {
            throw new CliFailure(invoke + " takes " + params.size() + " arguments, got " + args.size(), VergeCommand.USAGE);
        }
        Object[] values = new Object[params.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = RunOptions.value(params.get(i), args.get(i));
        }
        WasmFunction init = instance.function("_initialize");
        if (init != null && init.type().params().isEmpty()) {
            init.call();
        }
        Object[] results = f.call(values);
        PrintWriter out = out();
        for (int i = 0; i < results.length; i++) {
            out.println(ResultFormat.format(f.type().results().get(i), results[i]));
        }
        out.flush();
        return 0;
    }

    /** A proc_exit's status, or the trap reported on stderr and {@link #TRAP}. */
    private int exitOrTrap(Trap t) {
        WasiExit exit = WasiExit.find(t);
        if (exit != null) {
            return exit.code();
        }
        PrintWriter err = err();
        WasiSignal signal = WasiSignal.find(t);
        if (signal != null) {
            err.println("verge run: " + module + ": terminated by " + signal.signalName() + " (proc_raise)");
            err.flush();
            return signal.exitStatus();
        }
        String message = t.getMessage();
        if (t.kind() == TrapKind.HOST_ERROR && t.getCause() != null) {
            message += ": " + t.getCause();
        }
        err.println("verge run: " + module + ": trap: " + message);
        if (!t.backtrace().isEmpty()) {
            err.println("wasm backtrace:");
            for (int i = 0; i < t.backtrace().size(); i++) {
                err.println("  " + i + ": " + t.backtrace().get(i));
            }
        }
        err.flush();
        return TRAP;
    }
}
