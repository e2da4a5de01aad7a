package dev.verge.core.compile;

import dev.verge.core.runtime.EngineConfig;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ConstantDescs;

/**
 * The interruption polls and fuel metering compiled into function entries and loop headers, when
 * the engine configuration asks for them.
 */
final class PollEmitter {
    private final CodeBuilder cb;
    private final int ctx;
    private final EngineConfig config;

    /** The JVM local counting loop iterations down to the next interrupt check, or -1. */
    private int loopCountdown = -1;

    PollEmitter(CodeBuilder cb, int ctx, EngineConfig config) {
        this.cb = cb;
        this.ctx = ctx;
        this.config = config;
    }

    /** Starts the loop countdown; call once at the top of the method. */
    void prologue() {
        if (config.interruptible()) {
            loopCountdown = cb.allocateLocal(TypeKind.INT);
            cb.loadConstant(LOOP_POLL_INTERVAL).istore(loopCountdown);
        }
    }

    /**
     * The poll at function entry: a read of the instance's volatile interrupt flag, and a branch
     * not taken until someone interrupts. Only a read: a countdown in the instance (a load,
     * decrement and store at every entry, reading the flag when it ran out) chained each call to
     * the one before through memory and made a call-bound function (doubly recursive Fibonacci)
     * 56 to 92% slower than without polls, against about 15% for the read (docs/benchmarks.md,
     * "Interruption poll"). Being volatile, the read cannot be cached across calls, so recursion
     * without loops (a call tree such as fib(100)) sees an interrupt at its next call.
     */
    void entryPoll() {
        if (config.interruptible()) {
            Label ok = cb.newLabel();
            cb.aload(ctx).getfield(RuntimeNames.INSTANCE, "interrupted", ConstantDescs.CD_boolean).ifeq(ok);
            cb.aload(ctx).invokestatic(RuntimeNames.TRAPS, "interrupted", RuntimeNames.TRAP_OF_INSTANCE).athrow();
            cb.labelBinding(ok);
        }
    }

    /**
     * The poll at a loop header: a countdown in a JVM local, which the JIT keeps in a register, so
     * a loop iteration pays a decrement and a branch; at zero it checks the interrupt flag.
     */
    void loopPoll() {
        if (config.interruptible()) {
            if (loopCountdown < 0) {
                throw new IllegalStateException("loop poll before the prologue");
            }
            // No call on the rare path, only the flag's read: the loop body stays call-free.
            Label ok = cb.newLabel();
            cb.iinc(loopCountdown, -1).iload(loopCountdown).ifge(ok);
            cb.loadConstant(LOOP_POLL_INTERVAL).istore(loopCountdown);
            cb.aload(ctx).getfield(RuntimeNames.INSTANCE, "interrupted", ConstantDescs.CD_boolean).ifeq(ok);
            cb.aload(ctx).invokestatic(RuntimeNames.TRAPS, "interrupted", RuntimeNames.TRAP_OF_INSTANCE).athrow();
            cb.labelBinding(ok);
        }
        fuel();
    }

    /** Loop iterations between two reads of the interrupt flag. */
    private static final int LOOP_POLL_INTERVAL = 4096;

    void fuel() {
        if (config.fuel()) {
            Label ok = cb.newLabel();
            cb.aload(ctx).dup().getfield(RuntimeNames.INSTANCE, "fuel", ConstantDescs.CD_long).lconst_1().lsub().dup2_x1();
            cb.putfield(RuntimeNames.INSTANCE, "fuel", ConstantDescs.CD_long);
            cb.lconst_0().lcmp().ifge(ok);
            cb.aload(ctx).invokestatic(RuntimeNames.TRAPS, "outOfFuel", RuntimeNames.TRAP_OF_INSTANCE).athrow();
            cb.labelBinding(ok);
        }
    }
}
