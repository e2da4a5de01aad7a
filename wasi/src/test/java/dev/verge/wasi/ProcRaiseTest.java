package dev.verge.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.runtime.Trap;
import org.junit.jupiter.api.Test;

/** {@code proc_raise}: each signal's POSIX default action, and never a signal to the host. */
class ProcRaiseTest {
    static final int SIGABRT = 6;
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;

    @Test
    void signalsIgnoredByDefaultAndStopsAreNoOps() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().build())) {
            for (int sig : new int[] {0, Signals.SIGCHLD, Signals.SIGCONT, Signals.SIGSTOP, 19, 20, Signals.SIGTTOU,
                Signals.SIGURG, Signals.SIGWINCH}) {
                assertEquals(Errno.SUCCESS, g.errno("proc_raise", sig), "signal " + sig);
            }
        }
    }

    @Test
    void numbersThatAreNoSignalAreInvalid() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().build())) {
            assertEquals(Errno.INVAL, g.errno("proc_raise", 31));
            assertEquals(Errno.INVAL, g.errno("proc_raise", 255));
            assertEquals(Errno.INVAL, g.errno("proc_raise", -1));
        }
    }

    @Test
    void terminatingSignalsEndTheGuestNamingTheSignal() {
        try (WasiHarness g = new WasiHarness(WasiConfig.builder().build())) {
            for (int sig : new int[] {1, 2, 3, 4, 5, SIGABRT, 7, 8, SIGKILL, 10, 11, 12, 13, 14, SIGTERM, 23, 24, 25, 26, 28, 29, 30}) {
                Trap t = assertThrows(Trap.class, () -> g.call("proc_raise", sig), "signal " + sig);
                WasiSignal s = WasiSignal.find(t);
                assertEquals(sig, s.signal());
                assertEquals(128 + sig, s.exitStatus());
                assertNull(WasiExit.find(t));
            }
            Trap t = assertThrows(Trap.class, () -> g.call("proc_raise", SIGTERM));
            assertEquals("SIGTERM", WasiSignal.find(t).signalName());
            assertEquals("terminated by signal SIGTERM", WasiSignal.find(t).getMessage());
        }
    }
}
