package dev.verge.wasi;

import dev.verge.core.runtime.Trap;
import dev.verge.core.runtime.TrapKind;
import java.util.List;

/**
 * {@code proc_raise}: what raising each preview1 signal does to a guest. There is nobody in the
 * sandbox to deliver a signal to but the guest itself, no handlers (wasi-libc emulates
 * {@code signal} and {@code raise} inside the guest and never calls this) and no job control, so
 * each signal gets its POSIX default action:
 * <ul>
 *   <li>ignore ({@code SIGCHLD}, {@code SIGURG}, {@code SIGWINCH}) and continue ({@code SIGCONT}):
 *       success, nothing happens;
 *   <li>stop ({@code SIGSTOP}, {@code SIGTSTP}, {@code SIGTTIN}, {@code SIGTTOU}): success,
 *       nothing happens: nothing could ever resume a stopped guest, so the stop is taken as
 *       immediately continued;
 *   <li>terminate or dump core (all the others, {@code SIGKILL} included): the guest ends, like an
 *       exit it cannot catch, with a {@link WasiSignal} (inside a trap) that names the signal;
 *   <li>0 (no signal, as {@code kill(pid, 0)}): success; any other number: {@code EINVAL}.
 * </ul>
 * The host process is never signalled.
 */
final class Signals {
    private Signals() {}

    /** The names of preview1's signals by number (1 to 30, Linux's numbering). */
    private static final List<String> NAMES = List.of("0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP",
            "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM",
            "SIGTERM", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
            "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGPOLL", "SIGPWR", "SIGSYS");

    static final int SIGCHLD = 16;
    static final int SIGCONT = 17;
    static final int SIGSTOP = 18;
    static final int SIGTTOU = 21;
    static final int SIGURG = 22;
    static final int SIGWINCH = 27;

    /** The name of signal {@code n}, or "signal N" for a number preview1 does not define. */
    static String name(int n) {
        return n > 0 && n < NAMES.size() ? NAMES.get(n) : "signal " + n;
    }

    /** Carries out {@code proc_raise(sig)}: the errno, or throws to end the guest. */
    static int raise(int sig) {
        if (sig < 0 || sig >= NAMES.size()) {
            return Errno.INVAL.code();
        }
        if (sig == 0 || ignoredByDefault(sig)) {
            return 0;
        }
        throw new Trap(TrapKind.HOST_ERROR, List.of(), new WasiSignal(sig));
    }

    /** True for the signals whose default action leaves the process running. */
    static boolean ignoredByDefault(int sig) {
        return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT
                || (sig >= SIGSTOP && sig <= SIGTTOU);
    }
}
