package dev.verge.cli;

/** The entry point of the runnable jar: runs {@link VergeCommand} and exits with its status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status;
        RunCommand quick = null;
        try {
            // The common `verge run` command lines skip picocli's start-up cost (see QuickRun).
            quick = QuickRun.parse(args);
            status = quick != null ? QuickRun.execute(quick) : VergeCommand.commandLine().execute(args);
        } catch (VirtualMachineError e) {
            // picocli reports exceptions through our handlers; a JVM error (out of memory, stack
            // overflow) escapes it. Still one line, never a stack trace.
            System.err.println("verge: internal error: " + e);
            status = 1;
        }
        if (quick != null) {
            exitNow(status);
        }
        System.exit(status);
    }

    /**
     * Ends a {@code verge run} that took the quick path: flushes the standard streams, then halts.
     * {@link System#exit} would first look up the System.Logger that logs exits (JDK 17+), which
     * sets up logging and scans every jar on the class path for logger services: 0.01 to 0.05 s
     * after the guest has finished. Nothing on this path registers shutdown hooks or
     * delete-on-exit files; the guest's own streams are flushed and closed by then.
     */
    static void exitNow(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}
