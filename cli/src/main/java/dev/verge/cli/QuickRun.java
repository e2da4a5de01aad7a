package dev.verge.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code verge run} without picocli, for the command lines it can read without doubt. Building
 * picocli's model of the command tree (every subcommand's annotations, converters, help) costs
 * about 0.3 CPU-seconds per process, as much as decoding, validating and compiling a 30 KB module;
 * a WASI program run from a shell or a script pays it every time.
 *
 * <p>{@link #parse} accepts only {@code run}, then the options listed in {@link #VALUED} (as
 * {@code --name value} or {@code --name=value}) and {@link #FLAGS}, then MODULE and the guest's arguments (everything
 * after MODULE, options included, as picocli's stop-at-positional). Anything else (help, version,
 * an unknown or repeated option, a value that picocli would convert or refuse, {@code --},
 * {@code @file} arguments) gives {@code null}, and the caller goes through picocli, so errors and
 * help read exactly as before. An option added to {@link RunCommand} and not here still works: it
 * just takes the picocli path.
 */
final class QuickRun {
    private QuickRun() {}

    /** The options of {@link RunCommand} this parser knows; all take one value. */
    static final List<String> VALUED = List.of("--dir", "--dir-ro", "--env", "--invoke", "--fuel", "--timeout", "--max-memory");

    /** The options of {@link RunCommand} this parser knows that take no value (the compilation cache's switch). */
    static final List<String> FLAGS = List.of("--cache", "--no-cache");

    /** The run command {@code args} asks for, or null when picocli must read them. */
    static RunCommand parse(String[] args) {
        if (args.length < 2 || !args[0].equals("run")) {
            return null;
        }
        for (String a : args) {
            if (a.startsWith("@")) {
                return null; // picocli expands argument files
            }
        }
        RunCommand run = new RunCommand();
        int i = 1;
        while (i < args.length && args[i].startsWith("-")) {
            String name = args[i];
            if (FLAGS.contains(name)) {
                if (run.cache != null) {
                    return null; // repeated: picocli decides
                }
                run.cache = name.equals("--cache");
                i++;
                continue;
            }
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
                i++;
            } else {
                if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                    return null;
                }
                value = args[i + 1];
                i += 2;
            }
            if (!set(run, name, value)) {
                return null;
            }
        }
        if (i >= args.length) {
            return null; // no MODULE: picocli says so
        }
        run.module = args[i];
        run.args.addAll(List.of(args).subList(i + 1, args.length));
        return run;
    }

    /** Sets one option; false when it is not one of {@link #VALUED}, is repeated, or its value is not plain. */
    private static boolean set(RunCommand run, String name, String value) {
        switch (name) {
            case "--dir" -> run.dirs.add(value);
            case "--dir-ro" -> run.readOnlyDirs.add(value);
            case "--env" -> run.env.add(value);
            case "--invoke" -> {
                if (run.invoke != null) {
                    return false;
                }
                run.invoke = value;
            }
            case "--timeout" -> {
                if (run.timeout != null) {
                    return false;
                }
                run.timeout = value;
            }
            case "--max-memory" -> {
                if (run.maxMemory != null) {
                    return false;
                }
                run.maxMemory = value;
            }
            case "--fuel" -> {
                if (run.fuel != null || value.isEmpty()) {
                    return false;
                }
                for (int k = 0; k < value.length(); k++) {
                    if (value.charAt(k) < '0' || value.charAt(k) > '9') {
                        return false; // signs, hex, overflow: picocli's conversion decides
                    }
                }
                if (value.length() > 18) {
                    return false;
                }
                run.fuel = Long.parseLong(value);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code run} with the process's streams, reporting failures as picocli's path does. */
    static int execute(RunCommand run) {
        return execute(run, new PrintWriter(new OutputStreamWriter(System.out, System.out.charset()), true),
                new PrintWriter(new OutputStreamWriter(System.err, System.err.charset()), true));
    }

    /** Runs {@code run}, its own messages going to {@code out} and {@code err}; returns the exit status. */
    static int execute(RunCommand run, PrintWriter out, PrintWriter err) {
        run.quickOut = out;
        run.quickErr = err;
        try {
            return run.call();
        } catch (RuntimeException e) {
            return ErrorHandlers.report(e, err, "verge run");
        } finally {
            out.flush();
            err.flush();
        }
    }
}
