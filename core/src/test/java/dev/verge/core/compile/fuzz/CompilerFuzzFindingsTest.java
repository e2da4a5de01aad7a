package dev.verge.core.compile.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.verge.core.binary.CodeWriter;
import dev.verge.core.binary.WasmWriter;
import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Limits;
import dev.verge.core.model.Locals;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import dev.verge.core.runtime.Engine;
import dev.verge.core.runtime.Instance;
import dev.verge.core.runtime.Linker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Minimal reproductions of what the compiler fuzzer found, kept as regression tests. */
class CompilerFuzzFindingsTest {
    private static Expr expr(Consumer<CodeWriter> code) {
        WasmWriter w = new WasmWriter();
        CodeWriter c = new CodeWriter(w);
        code.accept(c);
        c.op(Op.END);
        return new Expr(Bytes.copyOf(w.toByteArray()), 0);
    }

    /** A module whose only function has {@code params} and returns the sum of its i32 parameters. */
    private static WasmModule summing(List<ValType> params) {
        FuncType type = new FuncType(params, List.of(ValType.I32));
        Expr body = expr(c -> {
            c.i32Const(0);
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i) == ValType.I32) {
                    c.index(Op.LOCAL_GET, i);
                    c.op(Op.I32_ADD);
                }
            }
        });
        return new WasmModule(List.of(SubType.of(type)), List.of(), List.of(0), List.of(), List.of(), List.of(),
                List.of(new Export("f", ExternKind.FUNC, 0)), -1, List.of(), -1,
                List.of(new FunctionBody(List.of(), body)), List.of(), List.<CustomSection>of(), NameSection.EMPTY);
    }

    /**
     * Seed 130: parameters taking exactly 254 JVM slots, one short of the wide convention, gave a
     * method type of 255 slots with the instance, one more than a method handle may take
     * ("bad parameter count 256" escaped from compile).
     */
    @Test
    void parametersTakingExactly254SlotsCompileAndRun() {
        List<ValType> params = new ArrayList<>(Collections.nCopies(127, ValType.I64));
        params.set(0, ValType.I32);
        params.set(1, ValType.I32);
        params.add(ValType.I32);
        params.add(ValType.I32);
        // 125 i64 (250 slots) + 4 i32 = 254 slots
        Instance i = new Linker().instantiate(new Engine().compile(summing(params)));
        Object[] args = new Object[params.size()];
        for (int k = 0; k < args.length; k++) {
            args[k] = params.get(k) == ValType.I32 ? (Object) 1 : (Object) 0L;
        }
        assertArrayEquals(new Object[] {4}, i.function("f").call(args));
    }

    /** The same boundary through call_indirect, whose bridge takes the table index as well. */
    @Test
    void indirectCallsOfA253SlotTypeCompileAndRun() {
        List<ValType> params = new ArrayList<>(Collections.nCopies(126, ValType.I64));
        params.add(ValType.I32);
        // 126 i64 (252 slots) + 1 i32 = 253 slots
        FuncType callee = new FuncType(params, List.of(ValType.I32));
        FuncType caller = new FuncType(List.of(), List.of(ValType.I32));
        Expr calleeBody = expr(c -> c.index(Op.LOCAL_GET, params.size() - 1));
        Expr callerBody = expr(c -> {
            for (ValType t : params) {
                if (t == ValType.I64) {
                    c.i64Const(0);
                } else {
                    c.i32Const(42);
                }
            }
            c.i32Const(0);
            c.index2(Op.CALL_INDIRECT, 0, 0);
        });
        WasmModule m = new WasmModule(List.of(SubType.of(callee), SubType.of(caller)), List.of(), List.of(0, 1),
                List.of(new TableType(ValType.FUNCREF, new Limits(1, 1))), List.of(), List.of(),
                List.of(new Export("g", ExternKind.FUNC, 1)), -1,
                List.of(new ElementSegment(ValType.FUNCREF, new SegmentMode.Active(0, expr(c -> c.i32Const(0))),
                        List.of(0), List.of(), false)),
                -1, List.of(new FunctionBody(List.of(), calleeBody), new FunctionBody(List.of(), callerBody)),
                List.of(), List.<CustomSection>of(), NameSection.EMPTY);
        Instance i = new Linker().instantiate(new Engine().compile(m));
        assertArrayEquals(new Object[] {42}, i.function("g").call());
    }

    /**
     * Seeds 1113 and 2100: a deep nest of blocks with a few statements after each inner end. The
     * nest is one statement, so the compiler splits it into hundreds of small pieces; each call of
     * a piece dispatched on every frame open around it, and the main method grew quadratically
     * with the depth (138 KB of bytecode here), past the JVM's 64 KB ("Code length ... is outside
     * the allowed range"). A piece's call now dispatches only on the frames it can branch to.
     */
    @Test
    void aDeepNestWithStatementsAfterEachEndCompiles() {
        int depth = 300;
        Expr body = expr(c -> {
            for (int i = 0; i < depth; i++) {
                c.block(Op.BLOCK, BlockType.EMPTY);
            }
            c.index(Op.LOCAL_GET, 0);
            c.branch(Op.BR_IF, depth - 1);
            for (int i = 0; i < depth; i++) {
                c.op(Op.END);
                for (int k = 0; k < 4; k++) {
                    c.index(Op.LOCAL_GET, 1);
                    c.i32Const(3);
                    c.op(Op.I32_ADD);
                    c.index(Op.LOCAL_SET, 1);
                }
            }
            c.index(Op.LOCAL_GET, 1);
        });
        FuncType type = new FuncType(List.of(ValType.I32), List.of(ValType.I32));
        WasmModule m = new WasmModule(List.of(SubType.of(type)), List.of(), List.of(0), List.of(), List.of(), List.of(),
                List.of(new Export("f", ExternKind.FUNC, 0)), -1, List.of(), -1,
                List.of(new FunctionBody(List.of(new Locals(1, ValType.I32)), body)), List.of(),
                List.<CustomSection>of(), NameSection.EMPTY);
        Instance i = new Linker().instantiate(new Engine().compile(m));
        assertArrayEquals(new Object[] {depth * 12}, i.function("f").call(0));
        // The branch leaves the innermost 300 blocks at once, skipping the statements of all but the last.
        assertArrayEquals(new Object[] {12}, i.function("f").call(1));
    }
}
