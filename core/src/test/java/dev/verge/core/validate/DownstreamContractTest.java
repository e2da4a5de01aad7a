package dev.verge.core.validate;

import static dev.verge.core.validate.ValidationAssertions.I32;
import static dev.verge.core.validate.ValidationAssertions.NO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.InstrVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.HeapType;
import dev.verge.core.model.ValType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a downstream visitor (the compiler) sees: each instruction after it is checked and before
 * its stack effect, with the validator answering questions about operands and labels.
 */
class DownstreamContractTest {
    /** Records, for each instruction, what the validator says at that moment. */
    private static class Recorder implements InstrVisitor {
        final FunctionValidator v;
        final List<String> log = new ArrayList<>();

        Recorder(FunctionValidator v) {
            this.v = v;
        }

        private void note(String what) {
            log.add(what + " h=" + v.operandHeight() + " top=" + ValidatorNames.of(v.operandType(0))
                    + " depth=" + v.controlDepth() + (v.isUnreachable() ? " dead" : ""));
        }

        @Override
        public void op(Op op) {
            note(op.mnemonic());
        }

        @Override
        public void block(Op op, BlockType type) {
            note(op.mnemonic());
        }

        @Override
        public void branch(Op op, int label) {
            note(op.mnemonic() + " " + v.frameKind(label) + v.labelTypes(label));
        }

        @Override
        public void brTable(int[] labels, int defaultLabel) {
            note("br_table");
        }

        @Override
        public void index(Op op, int index) {
            note(op.mnemonic() + " " + index);
        }

        @Override
        public void index2(Op op, int first, int second) {
            note(op.mnemonic());
        }

        @Override
        public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
            note(op.mnemonic());
        }

        @Override
        public void memoryLane(Op op, int alignLog2, long offset, int memoryIndex, int lane) {
            note(op.mnemonic());
        }

        @Override
        public void lane(Op op, int lane) {
            note(op.mnemonic());
        }

        @Override
        public void shuffle(byte[] lanes) {
            note("shuffle");
        }

        @Override
        public void i32Const(int value) {
            note("i32.const");
        }

        @Override
        public void i64Const(long value) {
            note("i64.const");
        }

        @Override
        public void f32Const(int bits) {
            note("f32.const");
        }

        @Override
        public void f64Const(long bits) {
            note("f64.const");
        }

        @Override
        public void v128Const(long low, long high) {
            note("v128.const");
        }

        @Override
        public void selectTyped(List<ValType> types) {
            note("select t");
        }

        @Override
        public void refNull(HeapType type) {
            note("ref.null");
        }
    }

    private static final class ValidatorNames {
        static String of(ValType t) {
            return t == null ? "_" : t.text();
        }
    }

    private static List<String> trace(TestModule module) {
        ValidModule m = module.validate();
        List<Recorder> made = new ArrayList<>();
        FunctionValidator.run(m, 0, v -> {
            Recorder r = new Recorder(v);
            made.add(r);
            return r;
        });
        return made.get(0).log;
    }

    @Test
    void seesOperandsBeforeTheInstructionConsumesThem() {
        // (param i64) i32.const 1 local.get 0 i32.wrap_i64 i32.add
        List<String> log = trace(TestModule.module().func(List.of(ValType.I64), I32, NO, 0x41, 1, 0x20, 0, 0xA7, 0x6A));
        assertEquals(List.of(
                "i32.const h=0 top=_ depth=1",
                "local.get 0 h=1 top=i32 depth=1",
                "i32.wrap_i64 h=2 top=i64 depth=1",
                "i32.add h=2 top=i32 depth=1",
                "end h=1 top=i32 depth=1"), log);
    }

    @Test
    void seesLabelsAndDeadCode() {
        // block (result i32) loop i32.const 7 br 1 end unreachable end
        List<String> log = trace(TestModule.module().func(I32, 0x02, 0x7F, 0x03, 0x40, 0x41, 7, 0x0C, 1, 0x0B, 0x00, 0x0B));
        assertEquals(List.of(
                "block h=0 top=_ depth=1",
                "loop h=0 top=_ depth=2",
                "i32.const h=0 top=_ depth=3",
                "br BLOCK[i32] h=1 top=i32 depth=3",
                "end h=0 top=_ depth=3 dead",
                "unreachable h=0 top=_ depth=2",
                "end h=0 top=_ depth=2 dead",
                "end h=1 top=i32 depth=1"), log);
    }

    @Test
    void ifAndElseArmsAreSeparateFrameKinds() {
        // i32.const 1 if (result i64) i64.const 1 else i64.const 2 end drop
        List<String> log = trace(TestModule.module().func(NO, 0x41, 1, 0x04, 0x7E, 0x42, 1, 0x05, 0x42, 2, 0x0B, 0x1A));
        assertEquals(List.of(
                "i32.const h=0 top=_ depth=1",
                "if h=1 top=i32 depth=1",
                "i64.const h=0 top=_ depth=2",
                "else h=1 top=i64 depth=2",
                "i64.const h=0 top=_ depth=2",
                "end h=1 top=i64 depth=2",
                "drop h=1 top=i64 depth=1",
                "end h=0 top=_ depth=1"), log);
    }

    @Test
    void frameQueriesDescribeTheOpenFrames() {
        // type 1 = [i32] -> [i64]: f32.const 0 i32.const 1 block (type 1) drop i64.const 0 br 0 end
        ValidModule m = TestModule.module()
                .func(List.of(ValType.F32, ValType.I64), 0x43, 0, 0, 0, 0, 0x41, 1, 0x02, 1, 0x1A, 0x42, 0, 0x0C, 0, 0x0B)
                .type(I32, List.of(ValType.I64))
                .validate();
        List<String> seen = new ArrayList<>();
        FunctionValidator.run(m, 0, v -> new Recorder(v) {
            @Override
            public void branch(Op op, int label) {
                seen.add(v.frameKind(0) + " params=" + v.frameParams(0) + " results=" + v.frameResults(0)
                        + " entry=" + v.frameHeight(0) + " arity=" + v.labelArity(0) + " outer=" + v.frameKind(1)
                        + v.frameResults(1));
            }
        });
        assertEquals(List.of("BLOCK params=[i32] results=[i64] entry=1 arity=1 outer=FUNCTION[f32, i64]"), seen);
    }

    @Test
    void aLoopLabelCarriesItsParameters() {
        // type 1 = [i32] -> []: i32.const 0 loop (type 1) br 0 end
        List<String> log = trace(TestModule.module().func(NO, 0x41, 0, 0x03, 1, 0x0C, 0, 0x0B).type(I32, NO));
        assertEquals("br LOOP[i32] h=1 top=i32 depth=2", log.get(2));
    }
}
