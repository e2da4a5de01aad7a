package dev.verge.core.instr;

import dev.verge.core.model.ValType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one description of the instruction set: every instruction's opcode (with its 0xFC or 0xFD
 * prefix), text mnemonic, immediate shape and, where it is fixed, its operand and result types.
 * The decoder, validator, encoder, text parser, printer and compiler all read this table instead
 * of enumerating opcodes themselves.
 *
 * <p>The signature is written compactly as {@code "params:results"} with one letter per type:
 * {@code i}=i32, {@code l}=i64, {@code f}=f32, {@code d}=f64, {@code v}=v128. A null signature
 * marks an instruction whose types depend on its immediates or on the operand stack (control,
 * parametric, variable, reference, table and some memory instructions); the validator has a rule
 * for each of those. For loads and stores the first operand is the address, whose type is the
 * memory's index type (i32, or i64 under memory64).
 */
public enum Op {
    UNREACHABLE(0, 0x00, "unreachable", Imm.NONE, null),
    NOP(0, 0x01, "nop", Imm.NONE, ":"),
    BLOCK(0, 0x02, "block", Imm.BLOCK, null),
    LOOP(0, 0x03, "loop", Imm.BLOCK, null),
    IF(0, 0x04, "if", Imm.BLOCK, null),
    ELSE(0, 0x05, "else", Imm.NONE, null),
    END(0, 0x0B, "end", Imm.NONE, null),
    BR(0, 0x0C, "br", Imm.LABEL, null),
    BR_IF(0, 0x0D, "br_if", Imm.LABEL, null),
    BR_TABLE(0, 0x0E, "br_table", Imm.BR_TABLE, null),
    RETURN(0, 0x0F, "return", Imm.NONE, null),
    CALL(0, 0x10, "call", Imm.FUNC, null),
    CALL_INDIRECT(0, 0x11, "call_indirect", Imm.TYPE_TABLE, null),
    DROP(0, 0x1A, "drop", Imm.NONE, null),
    SELECT(0, 0x1B, "select", Imm.NONE, null),
    SELECT_T(0, 0x1C, "select", Imm.SELECT_TYPES, null),
    LOCAL_GET(0, 0x20, "local.get", Imm.LOCAL, null),
    LOCAL_SET(0, 0x21, "local.set", Imm.LOCAL, null),
    LOCAL_TEE(0, 0x22, "local.tee", Imm.LOCAL, null),
    GLOBAL_GET(0, 0x23, "global.get", Imm.GLOBAL, null),
    GLOBAL_SET(0, 0x24, "global.set", Imm.GLOBAL, null),
    TABLE_GET(0, 0x25, "table.get", Imm.TABLE, null),
    TABLE_SET(0, 0x26, "table.set", Imm.TABLE, null),
    I32_LOAD(0, 0x28, "i32.load", Imm.MEMARG, "i:i", 4),
    I64_LOAD(0, 0x29, "i64.load", Imm.MEMARG, "i:l", 8),
    F32_LOAD(0, 0x2A, "f32.load", Imm.MEMARG, "i:f", 4),
    F64_LOAD(0, 0x2B, "f64.load", Imm.MEMARG, "i:d", 8),
    I32_LOAD8_S(0, 0x2C, "i32.load8_s", Imm.MEMARG, "i:i", 1),
    I32_LOAD8_U(0, 0x2D, "i32.load8_u", Imm.MEMARG, "i:i", 1),
    I32_LOAD16_S(0, 0x2E, "i32.load16_s", Imm.MEMARG, "i:i", 2),
    I32_LOAD16_U(0, 0x2F, "i32.load16_u", Imm.MEMARG, "i:i", 2),
    I64_LOAD8_S(0, 0x30, "i64.load8_s", Imm.MEMARG, "i:l", 1),
    I64_LOAD8_U(0, 0x31, "i64.load8_u", Imm.MEMARG, "i:l", 1),
    I64_LOAD16_S(0, 0x32, "i64.load16_s", Imm.MEMARG, "i:l", 2),
    I64_LOAD16_U(0, 0x33, "i64.load16_u", Imm.MEMARG, "i:l", 2),
    I64_LOAD32_S(0, 0x34, "i64.load32_s", Imm.MEMARG, "i:l", 4),
    I64_LOAD32_U(0, 0x35, "i64.load32_u", Imm.MEMARG, "i:l", 4),
    I32_STORE(0, 0x36, "i32.store", Imm.MEMARG, "ii:", 4),
    I64_STORE(0, 0x37, "i64.store", Imm.MEMARG, "il:", 8),
    F32_STORE(0, 0x38, "f32.store", Imm.MEMARG, "if:", 4),
    F64_STORE(0, 0x39, "f64.store", Imm.MEMARG, "id:", 8),
    I32_STORE8(0, 0x3A, "i32.store8", Imm.MEMARG, "ii:", 1),
    I32_STORE16(0, 0x3B, "i32.store16", Imm.MEMARG, "ii:", 2),
    I64_STORE8(0, 0x3C, "i64.store8", Imm.MEMARG, "il:", 1),
    I64_STORE16(0, 0x3D, "i64.store16", Imm.MEMARG, "il:", 2),
    I64_STORE32(0, 0x3E, "i64.store32", Imm.MEMARG, "il:", 4),
    MEMORY_SIZE(0, 0x3F, "memory.size", Imm.MEMORY, null),
    MEMORY_GROW(0, 0x40, "memory.grow", Imm.MEMORY, null),
    I32_CONST(0, 0x41, "i32.const", Imm.I32, ":i"),
    I64_CONST(0, 0x42, "i64.const", Imm.I64, ":l"),
    F32_CONST(0, 0x43, "f32.const", Imm.F32, ":f"),
    F64_CONST(0, 0x44, "f64.const", Imm.F64, ":d"),
    I32_EQZ(0, 0x45, "i32.eqz", Imm.NONE, "i:i"),
    I32_EQ(0, 0x46, "i32.eq", Imm.NONE, "ii:i"),
    I32_NE(0, 0x47, "i32.ne", Imm.NONE, "ii:i"),
    I32_LT_S(0, 0x48, "i32.lt_s", Imm.NONE, "ii:i"),
    I32_LT_U(0, 0x49, "i32.lt_u", Imm.NONE, "ii:i"),
    I32_GT_S(0, 0x4A, "i32.gt_s", Imm.NONE, "ii:i"),
    I32_GT_U(0, 0x4B, "i32.gt_u", Imm.NONE, "ii:i"),
    I32_LE_S(0, 0x4C, "i32.le_s", Imm.NONE, "ii:i"),
    I32_LE_U(0, 0x4D, "i32.le_u", Imm.NONE, "ii:i"),
    I32_GE_S(0, 0x4E, "i32.ge_s", Imm.NONE, "ii:i"),
    I32_GE_U(0, 0x4F, "i32.ge_u", Imm.NONE, "ii:i"),
    I64_EQZ(0, 0x50, "i64.eqz", Imm.NONE, "l:i"),
    I64_EQ(0, 0x51, "i64.eq", Imm.NONE, "ll:i"),
    I64_NE(0, 0x52, "i64.ne", Imm.NONE, "ll:i"),
    I64_LT_S(0, 0x53, "i64.lt_s", Imm.NONE, "ll:i"),
    I64_LT_U(0, 0x54, "i64.lt_u", Imm.NONE, "ll:i"),
    I64_GT_S(0, 0x55, "i64.gt_s", Imm.NONE, "ll:i"),
    I64_GT_U(0, 0x56, "i64.gt_u", Imm.NONE, "ll:i"),
    I64_LE_S(0, 0x57, "i64.le_s", Imm.NONE, "ll:i"),
    I64_LE_U(0, 0x58, "i64.le_u", Imm.NONE, "ll:i"),
    I64_GE_S(0, 0x59, "i64.ge_s", Imm.NONE, "ll:i"),
    I64_GE_U(0, 0x5A, "i64.ge_u", Imm.NONE, "ll:i"),
    F32_EQ(0, 0x5B, "f32.eq", Imm.NONE, "ff:i"),
    F32_NE(0, 0x5C, "f32.ne", Imm.NONE, "ff:i"),
    F32_LT(0, 0x5D, "f32.lt", Imm.NONE, "ff:i"),
    F32_GT(0, 0x5E, "f32.gt", Imm.NONE, "ff:i"),
    F32_LE(0, 0x5F, "f32.le", Imm.NONE, "ff:i"),
    F32_GE(0, 0x60, "f32.ge", Imm.NONE, "ff:i"),
    F64_EQ(0, 0x61, "f64.eq", Imm.NONE, "dd:i"),
    F64_NE(0, 0x62, "f64.ne", Imm.NONE, "dd:i"),
    F64_LT(0, 0x63, "f64.lt", Imm.NONE, "dd:i"),
    F64_GT(0, 0x64, "f64.gt", Imm.NONE, "dd:i"),
    F64_LE(0, 0x65, "f64.le", Imm.NONE, "dd:i"),
    F64_GE(0, 0x66, "f64.ge", Imm.NONE, "dd:i"),
    I32_CLZ(0, 0x67, "i32.clz", Imm.NONE, "i:i"),
    I32_CTZ(0, 0x68, "i32.ctz", Imm.NONE, "i:i"),
    I32_POPCNT(0, 0x69, "i32.popcnt", Imm.NONE, "i:i"),
    I32_ADD(0, 0x6A, "i32.add", Imm.NONE, "ii:i"),
    I32_SUB(0, 0x6B, "i32.sub", Imm.NONE, "ii:i"),
    I32_MUL(0, 0x6C, "i32.mul", Imm.NONE, "ii:i"),
    I32_DIV_S(0, 0x6D, "i32.div_s", Imm.NONE, "ii:i"),
    I32_DIV_U(0, 0x6E, "i32.div_u", Imm.NONE, "ii:i"),
    I32_REM_S(0, 0x6F, "i32.rem_s", Imm.NONE, "ii:i"),
    I32_REM_U(0, 0x70, "i32.rem_u", Imm.NONE, "ii:i"),
    I32_AND(0, 0x71, "i32.and", Imm.NONE, "ii:i"),
    I32_OR(0, 0x72, "i32.or", Imm.NONE, "ii:i"),
    I32_XOR(0, 0x73, "i32.xor", Imm.NONE, "ii:i"),
    I32_SHL(0, 0x74, "i32.shl", Imm.NONE, "ii:i"),
    I32_SHR_S(0, 0x75, "i32.shr_s", Imm.NONE, "ii:i"),
    I32_SHR_U(0, 0x76, "i32.shr_u", Imm.NONE, "ii:i"),
    I32_ROTL(0, 0x77, "i32.rotl", Imm.NONE, "ii:i"),
    I32_ROTR(0, 0x78, "i32.rotr", Imm.NONE, "ii:i"),
    I64_CLZ(0, 0x79, "i64.clz", Imm.NONE, "l:l"),
    I64_CTZ(0, 0x7A, "i64.ctz", Imm.NONE, "l:l"),
    I64_POPCNT(0, 0x7B, "i64.popcnt", Imm.NONE, "l:l"),
    I64_ADD(0, 0x7C, "i64.add", Imm.NONE, "ll:l"),
    I64_SUB(0, 0x7D, "i64.sub", Imm.NONE, "ll:l"),
    I64_MUL(0, 0x7E, "i64.mul", Imm.NONE, "ll:l"),
    I64_DIV_S(0, 0x7F, "i64.div_s", Imm.NONE, "ll:l"),
    I64_DIV_U(0, 0x80, "i64.div_u", Imm.NONE, "ll:l"),
    I64_REM_S(0, 0x81, "i64.rem_s", Imm.NONE, "ll:l"),
    I64_REM_U(0, 0x82, "i64.rem_u", Imm.NONE, "ll:l"),
    I64_AND(0, 0x83, "i64.and", Imm.NONE, "ll:l"),
    I64_OR(0, 0x84, "i64.or", Imm.NONE, "ll:l"),
    I64_XOR(0, 0x85, "i64.xor", Imm.NONE, "ll:l"),
    I64_SHL(0, 0x86, "i64.shl", Imm.NONE, "ll:l"),
    I64_SHR_S(0, 0x87, "i64.shr_s", Imm.NONE, "ll:l"),
    I64_SHR_U(0, 0x88, "i64.shr_u", Imm.NONE, "ll:l"),
    I64_ROTL(0, 0x89, "i64.rotl", Imm.NONE, "ll:l"),
    I64_ROTR(0, 0x8A, "i64.rotr", Imm.NONE, "ll:l"),
    F32_ABS(0, 0x8B, "f32.abs", Imm.NONE, "f:f"),
    F32_NEG(0, 0x8C, "f32.neg", Imm.NONE, "f:f"),
    F32_CEIL(0, 0x8D, "f32.ceil", Imm.NONE, "f:f"),
    F32_FLOOR(0, 0x8E, "f32.floor", Imm.NONE, "f:f"),
    F32_TRUNC(0, 0x8F, "f32.trunc", Imm.NONE, "f:f"),
    F32_NEAREST(0, 0x90, "f32.nearest", Imm.NONE, "f:f"),
    F32_SQRT(0, 0x91, "f32.sqrt", Imm.NONE, "f:f"),
    F32_ADD(0, 0x92, "f32.add", Imm.NONE, "ff:f"),
    F32_SUB(0, 0x93, "f32.sub", Imm.NONE, "ff:f"),
    F32_MUL(0, 0x94, "f32.mul", Imm.NONE, "ff:f"),
    F32_DIV(0, 0x95, "f32.div", Imm.NONE, "ff:f"),
    F32_MIN(0, 0x96, "f32.min", Imm.NONE, "ff:f"),
    F32_MAX(0, 0x97, "f32.max", Imm.NONE, "ff:f"),
    F32_COPYSIGN(0, 0x98, "f32.copysign", Imm.NONE, "ff:f"),
    F64_ABS(0, 0x99, "f64.abs", Imm.NONE, "d:d"),
    F64_NEG(0, 0x9A, "f64.neg", Imm.NONE, "d:d"),
    F64_CEIL(0, 0x9B, "f64.ceil", Imm.NONE, "d:d"),
    F64_FLOOR(0, 0x9C, "f64.floor", Imm.NONE, "d:d"),
    F64_TRUNC(0, 0x9D, "f64.trunc", Imm.NONE, "d:d"),
    F64_NEAREST(0, 0x9E, "f64.nearest", Imm.NONE, "d:d"),
    F64_SQRT(0, 0x9F, "f64.sqrt", Imm.NONE, "d:d"),
    F64_ADD(0, 0xA0, "f64.add", Imm.NONE, "dd:d"),
    F64_SUB(0, 0xA1, "f64.sub", Imm.NONE, "dd:d"),
    F64_MUL(0, 0xA2, "f64.mul", Imm.NONE, "dd:d"),
    F64_DIV(0, 0xA3, "f64.div", Imm.NONE, "dd:d"),
    F64_MIN(0, 0xA4, "f64.min", Imm.NONE, "dd:d"),
    F64_MAX(0, 0xA5, "f64.max", Imm.NONE, "dd:d"),
    F64_COPYSIGN(0, 0xA6, "f64.copysign", Imm.NONE, "dd:d"),
    I32_WRAP_I64(0, 0xA7, "i32.wrap_i64", Imm.NONE, "l:i"),
    I32_TRUNC_F32_S(0, 0xA8, "i32.trunc_f32_s", Imm.NONE, "f:i"),
    I32_TRUNC_F32_U(0, 0xA9, "i32.trunc_f32_u", Imm.NONE, "f:i"),
    I32_TRUNC_F64_S(0, 0xAA, "i32.trunc_f64_s", Imm.NONE, "d:i"),
    I32_TRUNC_F64_U(0, 0xAB, "i32.trunc_f64_u", Imm.NONE, "d:i"),
    I64_EXTEND_I32_S(0, 0xAC, "i64.extend_i32_s", Imm.NONE, "i:l"),
    I64_EXTEND_I32_U(0, 0xAD, "i64.extend_i32_u", Imm.NONE, "i:l"),
    I64_TRUNC_F32_S(0, 0xAE, "i64.trunc_f32_s", Imm.NONE, "f:l"),
    I64_TRUNC_F32_U(0, 0xAF, "i64.trunc_f32_u", Imm.NONE, "f:l"),
    I64_TRUNC_F64_S(0, 0xB0, "i64.trunc_f64_s", Imm.NONE, "d:l"),
    I64_TRUNC_F64_U(0, 0xB1, "i64.trunc_f64_u", Imm.NONE, "d:l"),
    F32_CONVERT_I32_S(0, 0xB2, "f32.convert_i32_s", Imm.NONE, "i:f"),
    F32_CONVERT_I32_U(0, 0xB3, "f32.convert_i32_u", Imm.NONE, "i:f"),
    F32_CONVERT_I64_S(0, 0xB4, "f32.convert_i64_s", Imm.NONE, "l:f"),
    F32_CONVERT_I64_U(0, 0xB5, "f32.convert_i64_u", Imm.NONE, "l:f"),
    F32_DEMOTE_F64(0, 0xB6, "f32.demote_f64", Imm.NONE, "d:f"),
    F64_CONVERT_I32_S(0, 0xB7, "f64.convert_i32_s", Imm.NONE, "i:d"),
    F64_CONVERT_I32_U(0, 0xB8, "f64.convert_i32_u", Imm.NONE, "i:d"),
    F64_CONVERT_I64_S(0, 0xB9, "f64.convert_i64_s", Imm.NONE, "l:d"),
    F64_CONVERT_I64_U(0, 0xBA, "f64.convert_i64_u", Imm.NONE, "l:d"),
    F64_PROMOTE_F32(0, 0xBB, "f64.promote_f32", Imm.NONE, "f:d"),
    I32_REINTERPRET_F32(0, 0xBC, "i32.reinterpret_f32", Imm.NONE, "f:i"),
    I64_REINTERPRET_F64(0, 0xBD, "i64.reinterpret_f64", Imm.NONE, "d:l"),
    F32_REINTERPRET_I32(0, 0xBE, "f32.reinterpret_i32", Imm.NONE, "i:f"),
    F64_REINTERPRET_I64(0, 0xBF, "f64.reinterpret_i64", Imm.NONE, "l:d"),
    I32_EXTEND8_S(0, 0xC0, "i32.extend8_s", Imm.NONE, "i:i"),
    I32_EXTEND16_S(0, 0xC1, "i32.extend16_s", Imm.NONE, "i:i"),
    I64_EXTEND8_S(0, 0xC2, "i64.extend8_s", Imm.NONE, "l:l"),
    I64_EXTEND16_S(0, 0xC3, "i64.extend16_s", Imm.NONE, "l:l"),
    I64_EXTEND32_S(0, 0xC4, "i64.extend32_s", Imm.NONE, "l:l"),
    REF_NULL(0, 0xD0, "ref.null", Imm.HEAP_TYPE, null),
    REF_IS_NULL(0, 0xD1, "ref.is_null", Imm.NONE, null),
    REF_FUNC(0, 0xD2, "ref.func", Imm.FUNC, null),
    I32_TRUNC_SAT_F32_S(0xFC, 0x00, "i32.trunc_sat_f32_s", Imm.NONE, "f:i"),
    I32_TRUNC_SAT_F32_U(0xFC, 0x01, "i32.trunc_sat_f32_u", Imm.NONE, "f:i"),
    I32_TRUNC_SAT_F64_S(0xFC, 0x02, "i32.trunc_sat_f64_s", Imm.NONE, "d:i"),
    I32_TRUNC_SAT_F64_U(0xFC, 0x03, "i32.trunc_sat_f64_u", Imm.NONE, "d:i"),
    I64_TRUNC_SAT_F32_S(0xFC, 0x04, "i64.trunc_sat_f32_s", Imm.NONE, "f:l"),
    I64_TRUNC_SAT_F32_U(0xFC, 0x05, "i64.trunc_sat_f32_u", Imm.NONE, "f:l"),
    I64_TRUNC_SAT_F64_S(0xFC, 0x06, "i64.trunc_sat_f64_s", Imm.NONE, "d:l"),
    I64_TRUNC_SAT_F64_U(0xFC, 0x07, "i64.trunc_sat_f64_u", Imm.NONE, "d:l"),
    MEMORY_INIT(0xFC, 0x08, "memory.init", Imm.DATA_MEMORY, null),
    DATA_DROP(0xFC, 0x09, "data.drop", Imm.DATA, ":"),
    MEMORY_COPY(0xFC, 0x0A, "memory.copy", Imm.MEMORY_MEMORY, null),
    MEMORY_FILL(0xFC, 0x0B, "memory.fill", Imm.MEMORY, null),
    TABLE_INIT(0xFC, 0x0C, "table.init", Imm.ELEM_TABLE, "iii:"),
    ELEM_DROP(0xFC, 0x0D, "elem.drop", Imm.ELEM, ":"),
    TABLE_COPY(0xFC, 0x0E, "table.copy", Imm.TABLE_TABLE, "iii:"),
    TABLE_GROW(0xFC, 0x0F, "table.grow", Imm.TABLE, null),
    TABLE_SIZE(0xFC, 0x10, "table.size", Imm.TABLE, null),
    TABLE_FILL(0xFC, 0x11, "table.fill", Imm.TABLE, null);
    /** The prefix byte for multi-byte opcodes, or 0 for single-byte ones. */
    private final int prefix;
    /** The opcode byte, or for prefixed instructions the u32 that follows the prefix. */
    private final int code;
    private final String mnemonic;
    private final Imm imm;
    private final List<ValType> params;
    private final List<ValType> results;
    /** For loads and stores, the bytes accessed (the natural alignment); else 0. */
    private final int accessBytes;

    Op(int prefix, int code, String mnemonic, Imm imm, String signature) {
        this(prefix, code, mnemonic, imm, signature, 0);
    }

    Op(int prefix, int code, String mnemonic, Imm imm, String signature, int accessBytes) {
        this.prefix = prefix;
        this.code = code;
        this.mnemonic = mnemonic;
        this.imm = imm;
        this.accessBytes = accessBytes;
        if (signature == null) {
            this.params = null;
            this.results = null;
        } else {
            int colon = signature.indexOf(':');
            this.params = types(signature.substring(0, colon));
            this.results = types(signature.substring(colon + 1));
        }
    }

    private static List<ValType> types(String letters) {
        ValType[] out = new ValType[letters.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (letters.charAt(i)) {
                case 'i' -> ValType.I32;
                case 'l' -> ValType.I64;
                case 'f' -> ValType.F32;
                case 'd' -> ValType.F64;
                case 'v' -> ValType.V128;
                default -> throw new IllegalArgumentException("bad signature letter in " + letters);
            };
        }
        return List.of(out);
    }

    public int prefix() {
        return prefix;
    }

    public int code() {
        return code;
    }

    public String mnemonic() {
        return mnemonic;
    }

    public Imm imm() {
        return imm;
    }

    /** Whether the operand and result types are fixed (see {@link #params()}). */
    public boolean hasFixedSignature() {
        return params != null;
    }

    /** The operand types, bottom of the stack first; null when not fixed. */
    public List<ValType> params() {
        return params;
    }

    /** The result types; null when not fixed. */
    public List<ValType> results() {
        return results;
    }

    /** For loads and stores, the number of bytes accessed, which is the maximum alignment. */
    public int accessBytes() {
        return accessBytes;
    }

    private static final Op[] SINGLE = new Op[256];
    private static final Map<Integer, Op> FC = new HashMap<>();
    private static final Map<Integer, Op> FD = new HashMap<>();
    private static final Map<String, Op> BY_MNEMONIC = new HashMap<>();

    static {
        for (Op op : values()) {
            switch (op.prefix) {
                case 0 -> SINGLE[op.code] = op;
                case 0xFC -> FC.put(op.code, op);
                case 0xFD -> FD.put(op.code, op);
                default -> throw new AssertionError(op);
            }
            // select and select t share a mnemonic; the text parser tells them apart by the
            // presence of a result type, so the untyped one is the table's answer.
            BY_MNEMONIC.putIfAbsent(op.mnemonic, op);
        }
    }

    /** The single-byte instruction with this opcode, or null. */
    public static Op single(int opcode) {
        return opcode >= 0 && opcode < 256 ? SINGLE[opcode] : null;
    }

    /** The instruction with this prefix and sub-opcode, or null. */
    public static Op prefixed(int prefix, int subOpcode) {
        return switch (prefix) {
            case 0xFC -> FC.get(subOpcode);
            case 0xFD -> FD.get(subOpcode);
            default -> null;
        };
    }

    /** Whether a byte starts a multi-byte opcode. */
    public static boolean isPrefix(int b) {
        return b == 0xFC || b == 0xFD;
    }

    /** The instruction with this text mnemonic, or null. */
    public static Op byMnemonic(String mnemonic) {
        return BY_MNEMONIC.get(mnemonic);
    }
}
