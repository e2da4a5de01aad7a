package dev.verge.cli;

/** The entry point of the runnable jar: runs {@link VergeCommand} and exits with its status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status;
        try {
            // The common `verge run` command lines skip picocli's start-up cost (see QuickRun).
            RunCommand quick = QuickRun.parse(args);
            status = quick != null ? QuickRun.execute(quick) : VergeCommand.commandLine().execute(args);
        } catch (VirtualMachineError e) {
            // picocli reports exceptions through our handlers; a JVM error (out of memory, stack
            // overflow) escapes it. Still one line, never a stack trace.
            System.err.println("verge: internal error: " + e);
            status = 1;
        }
        System.exit(status);
    }
}
