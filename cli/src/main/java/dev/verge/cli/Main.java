package dev.verge.cli;

/** The entry point of the runnable jar: runs {@link VergeCommand} and exits with its status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(VergeCommand.commandLine().execute(args));
    }
}
