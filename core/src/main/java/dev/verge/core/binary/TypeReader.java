package dev.verge.core.binary;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.RefType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import java.util.List;

/**
 * Reads the binary encodings of types: value, reference and function types, limits, and the
 * table, memory and global types built from them.
 *
 * <p>The reference interpreter reads a type code as a signed 7-bit LEB128, so a first byte with
 * its continuation bit set fails as "integer representation too long" rather than as an unknown
 * type; this reader does the same without the LEB128 detour, since every valid code is one byte.
 */
final class TypeReader {
    private TypeReader() {}

    /** The Wasm 2.0 value type with this one-byte code, or null. */
    static ValType valueTypeOfCode(int code) {
        return switch (code) {
            case 0x7F -> ValType.I32;
            case 0x7E -> ValType.I64;
            case 0x7D -> ValType.F32;
            case 0x7C -> ValType.F64;
            case 0x7B -> ValType.V128;
            case 0x70 -> ValType.FUNCREF;
            case 0x6F -> ValType.EXTERNREF;
            default -> null;
        };
    }

    static ValType valueType(WasmReader r) {
        int b = typeByte(r);
        ValType t = valueTypeOfCode(b);
        if (t == null) {
            throw r.errorAt("malformed value type", r.pos() - 1);
        }
        return t;
    }

    static RefType refType(WasmReader r) {
        int b = typeByte(r);
        return switch (b) {
            case 0x70 -> RefType.FUNCREF;
            case 0x6F -> RefType.EXTERNREF;
            default -> throw r.errorAt("malformed reference type", r.pos() - 1);
        };
    }

    /** One type code byte; a continuation bit makes it an over-long 7-bit LEB128. */
    private static int typeByte(WasmReader r) {
        int b = r.u8();
        if ((b & 0x80) != 0) {
            throw r.error("integer representation too long");
        }
        return b;
    }

    static FuncType funcType(WasmReader r, DecoderLimits limits) {
        int form = typeByte(r);
        if (form != 0x60) {
            throw r.errorAt("malformed function type", r.pos() - 1);
        }
        List<ValType> params = resultType(r, "function parameters", limits.maxFunctionParams());
        List<ValType> results = resultType(r, "function results", limits.maxFunctionResults());
        if (params.isEmpty() && results.isEmpty()) {
            return FuncType.EMPTY;
        }
        return new FuncType(params, results);
    }

    private static List<ValType> resultType(WasmReader r, String what, int limit) {
        int start = r.pos();
        int n = r.length();
        DecoderLimits.check(what, n, limit, r.offsetOf(start));
        if (n == 0) {
            return List.of();
        }
        ValType[] types = new ValType[n];
        for (int i = 0; i < n; i++) {
            types[i] = valueType(r);
        }
        return List.of(types);
    }

    /** Limits with 32-bit bounds, announced by a flag that is 0 (no maximum) or 1. */
    static Limits limits(WasmReader r) {
        boolean hasMax = r.u1() == 1;
        long min = r.u32Long();
        long max = hasMax ? r.u32Long() : Limits.NO_MAX;
        return new Limits(min, max);
    }

    static TableType tableType(WasmReader r) {
        RefType element = refType(r);
        return new TableType(element, limits(r));
    }

    static MemoryType memoryType(WasmReader r) {
        return new MemoryType(limits(r));
    }

    static GlobalType globalType(WasmReader r) {
        ValType t = valueType(r);
        int mutability = r.u8();
        if (mutability > 1) {
            throw r.errorAt("malformed mutability", r.pos() - 1);
        }
        return new GlobalType(t, mutability == 1);
    }
}
