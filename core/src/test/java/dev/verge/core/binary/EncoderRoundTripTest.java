package dev.verge.core.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.core.instr.BlockType;
import dev.verge.core.instr.Op;
import dev.verge.core.model.AbsHeapType;
import dev.verge.core.model.Bytes;
import dev.verge.core.model.CustomSection;
import dev.verge.core.model.DataSegment;
import dev.verge.core.model.ElementSegment;
import dev.verge.core.model.Export;
import dev.verge.core.model.Expr;
import dev.verge.core.model.ExternKind;
import dev.verge.core.model.FuncImport;
import dev.verge.core.model.FuncType;
import dev.verge.core.model.FunctionBody;
import dev.verge.core.model.Global;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Import;
import dev.verge.core.model.Limits;
import dev.verge.core.model.Locals;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.RefType;
import dev.verge.core.model.SegmentMode;
import dev.verge.core.model.SubType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.model.WasmModule;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Modules encoded, decoded and encoded again: the model survives and the bytes are stable. */
class EncoderRoundTripTest {
    private static Expr code(Consumer<CodeWriter> body) {
        WasmWriter w = new WasmWriter();
        CodeWriter c = new CodeWriter(w);
        body.accept(c);
        c.op(Op.END);
        return new Expr(Bytes.copyOf(w.toByteArray()), 0);
    }

    private static Expr i32(int v) {
        return code(c -> c.i32Const(v));
    }

    private static WasmModule module(List<Import> imports, List<Integer> functions, List<TableType> tables,
            List<MemoryType> memories, List<Global> globals, List<Export> exports, int start,
            List<ElementSegment> elements, long dataCount, List<FunctionBody> codes, List<DataSegment> data,
            List<CustomSection> customs, NameSection names) {
        List<SubType> types = List.of(
                SubType.of(FuncType.EMPTY),
                SubType.of(new FuncType(List.of(ValType.I32, ValType.I64), List.of(ValType.F64, ValType.V128))),
                SubType.of(new FuncType(List.of(ValType.FUNCREF, ValType.EXTERNREF), List.of())));
        return new WasmModule(types, imports, functions, tables, memories, globals, exports, start, elements,
                dataCount, codes, data, customs, names);
    }

    /** Decodes the encoding, checks the parts without offsets are equal, and that re-encoding is stable. */
    private static void assertRoundTrip(WasmModule m) {
        byte[] first = ModuleEncoder.encode(m);
        WasmModule decoded = ModuleDecoder.decode(first);
        assertEquals(m.types(), decoded.types());
        assertEquals(m.imports(), decoded.imports());
        assertEquals(m.functions(), decoded.functions());
        assertEquals(m.tables(), decoded.tables());
        assertEquals(m.memories(), decoded.memories());
        assertEquals(m.exports(), decoded.exports());
        assertEquals(m.start(), decoded.start());
        assertEquals(m.dataCount(), decoded.dataCount());
        assertEquals(m.names(), decoded.names());
        assertEquals(m.globals().size(), decoded.globals().size());
        for (int i = 0; i < m.globals().size(); i++) {
            assertEquals(m.globals().get(i).type(), decoded.globals().get(i).type());
            assertEquals(m.globals().get(i).init().code(), decoded.globals().get(i).init().code());
        }
        assertEquals(m.elements().size(), decoded.elements().size());
        for (int i = 0; i < m.elements().size(); i++) {
            ElementSegment a = m.elements().get(i);
            ElementSegment b = decoded.elements().get(i);
            assertEquals(a.type(), b.type());
            assertEquals(a.functionIndices(), b.functionIndices());
            assertEquals(a.usesExpressions(), b.usesExpressions());
            assertEquals(a.expressions().stream().map(Expr::code).toList(), b.expressions().stream().map(Expr::code).toList());
            assertEquals(a.mode().getClass(), b.mode().getClass());
        }
        assertEquals(m.codes().size(), decoded.codes().size());
        for (int i = 0; i < m.codes().size(); i++) {
            assertEquals(m.codes().get(i).locals(), decoded.codes().get(i).locals());
            assertEquals(m.codes().get(i).body().code(), decoded.codes().get(i).body().code());
        }
        assertEquals(m.data().size(), decoded.data().size());
        for (int i = 0; i < m.data().size(); i++) {
            assertEquals(m.data().get(i).init(), decoded.data().get(i).init());
        }
        assertArrayEquals(first, ModuleEncoder.encode(decoded));
    }

    @Test
    void emptyModule() {
        WasmModule m = new WasmModule(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), -1,
                List.of(), -1, List.of(), List.of(), List.of(), null);
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, ModuleEncoder.encode(m));
        assertRoundTrip(m);
    }

    @Test
    void importsOfEveryKindAndDefinitions() {
        List<Import> imports = List.of(
                new Import("env", "f", new FuncImport(1)),
                new Import("env", "t", new TableType(RefType.EXTERNREF, new Limits(1, 10))),
                new Import("env", "m", new MemoryType(Limits.atLeast(1))),
                new Import("env", "g", new GlobalType(ValType.F32, true)));
        Expr body = code(c -> {
            c.block(Op.BLOCK, BlockType.I32);
            c.i32Const(-7);
            c.branch(Op.BR_IF, 0);
            c.brTable(new int[] {0, 0}, 0);
            c.op(Op.END);
            c.index(Op.LOCAL_GET, 0);
            c.memory(Op.I64_LOAD, 3, 0xFFFFFFFFL, 0);
            c.memoryLane(Op.V128_LOAD16_LANE, 1, 4, 0, 7);
            c.lane(Op.I8X16_EXTRACT_LANE_U, 15);
            c.shuffle(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31});
            c.v128Const(0x0123456789ABCDEFL, -1L);
            c.f32Const(0x7FA00001);
            c.f64Const(0xFFF0000000000001L);
            c.i64Const(Long.MIN_VALUE);
            c.selectTyped(List.of(ValType.I32));
            c.refNull(AbsHeapType.EXTERN);
            c.index2(Op.CALL_INDIRECT, 1, 0);
            c.index2(Op.MEMORY_INIT, 0, 0);
            c.index(Op.DATA_DROP, 0);
            c.block(Op.IF, new BlockType.Index(1));
            c.op(Op.ELSE);
            c.op(Op.END);
        });
        WasmModule m = module(imports, List.of(0, 1), List.of(new TableType(RefType.FUNCREF, Limits.atLeast(2))),
                List.of(), List.of(new Global(new GlobalType(ValType.I32, false), i32(42))),
                List.of(new Export("f", ExternKind.FUNC, 1), new Export("mem", ExternKind.MEMORY, 0)), 1,
                List.of(), 1,
                List.of(new FunctionBody(List.of(), code(c -> {})),
                        new FunctionBody(List.of(new Locals(3, ValType.I32), new Locals(1, ValType.V128)), body)),
                List.of(new DataSegment(SegmentMode.PASSIVE, Bytes.copyOf(new byte[] {1, 2, 3}))),
                List.of(), null);
        assertRoundTrip(m);
    }

    @Test
    void elementSegmentsInEveryMode() {
        List<ElementSegment> elements = List.of(
                new ElementSegment(RefType.FUNCREF, new SegmentMode.Active(0, i32(0)), List.of(0, 1), List.of(), false),
                new ElementSegment(RefType.FUNCREF, SegmentMode.PASSIVE, List.of(1), List.of(), false),
                new ElementSegment(RefType.FUNCREF, new SegmentMode.Active(1, i32(2)), List.of(0), List.of(), false),
                new ElementSegment(RefType.FUNCREF, SegmentMode.DECLARATIVE, List.of(0), List.of(), false),
                new ElementSegment(RefType.FUNCREF, new SegmentMode.Active(0, i32(4)), List.of(),
                        List.of(code(c -> c.index(Op.REF_FUNC, 0)), code(c -> c.refNull(AbsHeapType.FUNC))), true),
                new ElementSegment(RefType.EXTERNREF, SegmentMode.PASSIVE, List.of(),
                        List.of(code(c -> c.refNull(AbsHeapType.EXTERN))), true),
                new ElementSegment(RefType.EXTERNREF, new SegmentMode.Active(2, i32(0)), List.of(), List.of(), true),
                new ElementSegment(RefType.FUNCREF, SegmentMode.DECLARATIVE, List.of(),
                        List.of(code(c -> c.index(Op.REF_FUNC, 1))), true));
        List<TableType> tables = List.of(new TableType(RefType.FUNCREF, Limits.atLeast(10)),
                new TableType(RefType.FUNCREF, new Limits(1, 1)), new TableType(RefType.EXTERNREF, Limits.atLeast(0)));
        WasmModule m = module(List.of(), List.of(0, 0), tables, List.of(), List.of(), List.of(), -1, elements, -1,
                List.of(new FunctionBody(List.of(), code(c -> {})), new FunctionBody(List.of(), code(c -> c.op(Op.NOP)))),
                List.of(), List.of(), null);
        assertRoundTrip(m);
    }

    @Test
    void dataSegmentsMemoriesCustomSectionsAndNames() {
        List<MemoryType> memories = List.of(new MemoryType(new Limits(1, 2)), new MemoryType(Limits.atLeast(0)));
        List<DataSegment> data = List.of(
                new DataSegment(new SegmentMode.Active(0, i32(8)), Bytes.copyOf("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                new DataSegment(SegmentMode.PASSIVE, Bytes.EMPTY),
                new DataSegment(new SegmentMode.Active(1, code(c -> c.i64Const(0))), Bytes.copyOf(new byte[] {(byte) 0xFF})));
        List<CustomSection> customs = List.of(
                new CustomSection("first", Bytes.copyOf(new byte[] {1}), 0),
                new CustomSection("after-memory", Bytes.EMPTY, 5),
                new CustomSection("after-data", Bytes.copyOf(new byte[] {9, 9}), 11));
        NameSection names = new NameSection("mod", Map.of(0, "main"), Map.of(0, Map.of(0, "x", 1, "y")));
        WasmModule m = module(List.of(), List.of(0), List.of(), memories, List.of(), List.of(), -1, List.of(), 3,
                List.of(new FunctionBody(List.of(new Locals(2, ValType.F64)), code(c -> {}))), data, customs, names);
        byte[] bytes = ModuleEncoder.encode(m);
        WasmModule decoded = ModuleDecoder.decode(bytes);
        assertEquals(names, decoded.names());
        assertEquals(List.of("first", "after-memory", "after-data", "name"),
                decoded.customSections().stream().map(CustomSection::name).toList());
        assertEquals(List.of(0, 5, 11, 11), decoded.customSections().stream().map(CustomSection::after).toList());
        // A module that already carries a name section keeps it verbatim rather than getting a second one.
        assertArrayEquals(bytes, ModuleEncoder.encode(decoded));
    }
}
