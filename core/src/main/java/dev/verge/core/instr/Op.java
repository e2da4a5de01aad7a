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
    TABLE_FILL(0xFC, 0x11, "table.fill", Imm.TABLE, null),
    // SIMD (Wasm 2.0 fixed-width vectors): sub-opcodes after the 0xFD prefix are u32 LEB128.
    V128_LOAD(0xFD, 0x00, "v128.load", Imm.MEMARG, "i:v", 16),
    V128_LOAD8X8_S(0xFD, 0x01, "v128.load8x8_s", Imm.MEMARG, "i:v", 8),
    V128_LOAD8X8_U(0xFD, 0x02, "v128.load8x8_u", Imm.MEMARG, "i:v", 8),
    V128_LOAD16X4_S(0xFD, 0x03, "v128.load16x4_s", Imm.MEMARG, "i:v", 8),
    V128_LOAD16X4_U(0xFD, 0x04, "v128.load16x4_u", Imm.MEMARG, "i:v", 8),
    V128_LOAD32X2_S(0xFD, 0x05, "v128.load32x2_s", Imm.MEMARG, "i:v", 8),
    V128_LOAD32X2_U(0xFD, 0x06, "v128.load32x2_u", Imm.MEMARG, "i:v", 8),
    V128_LOAD8_SPLAT(0xFD, 0x07, "v128.load8_splat", Imm.MEMARG, "i:v", 1),
    V128_LOAD16_SPLAT(0xFD, 0x08, "v128.load16_splat", Imm.MEMARG, "i:v", 2),
    V128_LOAD32_SPLAT(0xFD, 0x09, "v128.load32_splat", Imm.MEMARG, "i:v", 4),
    V128_LOAD64_SPLAT(0xFD, 0x0A, "v128.load64_splat", Imm.MEMARG, "i:v", 8),
    V128_STORE(0xFD, 0x0B, "v128.store", Imm.MEMARG, "iv:", 16),
    V128_CONST(0xFD, 0x0C, "v128.const", Imm.V128, ":v"),
    I8X16_SHUFFLE(0xFD, 0x0D, "i8x16.shuffle", Imm.SHUFFLE, "vv:v"),
    I8X16_SWIZZLE(0xFD, 0x0E, "i8x16.swizzle", Imm.NONE, "vv:v"),
    I8X16_SPLAT(0xFD, 0x0F, "i8x16.splat", Imm.NONE, "i:v"),
    I16X8_SPLAT(0xFD, 0x10, "i16x8.splat", Imm.NONE, "i:v"),
    I32X4_SPLAT(0xFD, 0x11, "i32x4.splat", Imm.NONE, "i:v"),
    I64X2_SPLAT(0xFD, 0x12, "i64x2.splat", Imm.NONE, "l:v"),
    F32X4_SPLAT(0xFD, 0x13, "f32x4.splat", Imm.NONE, "f:v"),
    F64X2_SPLAT(0xFD, 0x14, "f64x2.splat", Imm.NONE, "d:v"),
    I8X16_EXTRACT_LANE_S(0xFD, 0x15, "i8x16.extract_lane_s", Imm.LANE, "v:i"),
    I8X16_EXTRACT_LANE_U(0xFD, 0x16, "i8x16.extract_lane_u", Imm.LANE, "v:i"),
    I8X16_REPLACE_LANE(0xFD, 0x17, "i8x16.replace_lane", Imm.LANE, "vi:v"),
    I16X8_EXTRACT_LANE_S(0xFD, 0x18, "i16x8.extract_lane_s", Imm.LANE, "v:i"),
    I16X8_EXTRACT_LANE_U(0xFD, 0x19, "i16x8.extract_lane_u", Imm.LANE, "v:i"),
    I16X8_REPLACE_LANE(0xFD, 0x1A, "i16x8.replace_lane", Imm.LANE, "vi:v"),
    I32X4_EXTRACT_LANE(0xFD, 0x1B, "i32x4.extract_lane", Imm.LANE, "v:i"),
    I32X4_REPLACE_LANE(0xFD, 0x1C, "i32x4.replace_lane", Imm.LANE, "vi:v"),
    I64X2_EXTRACT_LANE(0xFD, 0x1D, "i64x2.extract_lane", Imm.LANE, "v:l"),
    I64X2_REPLACE_LANE(0xFD, 0x1E, "i64x2.replace_lane", Imm.LANE, "vl:v"),
    F32X4_EXTRACT_LANE(0xFD, 0x1F, "f32x4.extract_lane", Imm.LANE, "v:f"),
    F32X4_REPLACE_LANE(0xFD, 0x20, "f32x4.replace_lane", Imm.LANE, "vf:v"),
    F64X2_EXTRACT_LANE(0xFD, 0x21, "f64x2.extract_lane", Imm.LANE, "v:d"),
    F64X2_REPLACE_LANE(0xFD, 0x22, "f64x2.replace_lane", Imm.LANE, "vd:v"),
    I8X16_EQ(0xFD, 0x23, "i8x16.eq", Imm.NONE, "vv:v"),
    I8X16_NE(0xFD, 0x24, "i8x16.ne", Imm.NONE, "vv:v"),
    I8X16_LT_S(0xFD, 0x25, "i8x16.lt_s", Imm.NONE, "vv:v"),
    I8X16_LT_U(0xFD, 0x26, "i8x16.lt_u", Imm.NONE, "vv:v"),
    I8X16_GT_S(0xFD, 0x27, "i8x16.gt_s", Imm.NONE, "vv:v"),
    I8X16_GT_U(0xFD, 0x28, "i8x16.gt_u", Imm.NONE, "vv:v"),
    I8X16_LE_S(0xFD, 0x29, "i8x16.le_s", Imm.NONE, "vv:v"),
    I8X16_LE_U(0xFD, 0x2A, "i8x16.le_u", Imm.NONE, "vv:v"),
    I8X16_GE_S(0xFD, 0x2B, "i8x16.ge_s", Imm.NONE, "vv:v"),
    I8X16_GE_U(0xFD, 0x2C, "i8x16.ge_u", Imm.NONE, "vv:v"),
    I16X8_EQ(0xFD, 0x2D, "i16x8.eq", Imm.NONE, "vv:v"),
    I16X8_NE(0xFD, 0x2E, "i16x8.ne", Imm.NONE, "vv:v"),
    I16X8_LT_S(0xFD, 0x2F, "i16x8.lt_s", Imm.NONE, "vv:v"),
    I16X8_LT_U(0xFD, 0x30, "i16x8.lt_u", Imm.NONE, "vv:v"),
    I16X8_GT_S(0xFD, 0x31, "i16x8.gt_s", Imm.NONE, "vv:v"),
    I16X8_GT_U(0xFD, 0x32, "i16x8.gt_u", Imm.NONE, "vv:v"),
    I16X8_LE_S(0xFD, 0x33, "i16x8.le_s", Imm.NONE, "vv:v"),
    I16X8_LE_U(0xFD, 0x34, "i16x8.le_u", Imm.NONE, "vv:v"),
    I16X8_GE_S(0xFD, 0x35, "i16x8.ge_s", Imm.NONE, "vv:v"),
    I16X8_GE_U(0xFD, 0x36, "i16x8.ge_u", Imm.NONE, "vv:v"),
    I32X4_EQ(0xFD, 0x37, "i32x4.eq", Imm.NONE, "vv:v"),
    I32X4_NE(0xFD, 0x38, "i32x4.ne", Imm.NONE, "vv:v"),
    I32X4_LT_S(0xFD, 0x39, "i32x4.lt_s", Imm.NONE, "vv:v"),
    I32X4_LT_U(0xFD, 0x3A, "i32x4.lt_u", Imm.NONE, "vv:v"),
    I32X4_GT_S(0xFD, 0x3B, "i32x4.gt_s", Imm.NONE, "vv:v"),
    I32X4_GT_U(0xFD, 0x3C, "i32x4.gt_u", Imm.NONE, "vv:v"),
    I32X4_LE_S(0xFD, 0x3D, "i32x4.le_s", Imm.NONE, "vv:v"),
    I32X4_LE_U(0xFD, 0x3E, "i32x4.le_u", Imm.NONE, "vv:v"),
    I32X4_GE_S(0xFD, 0x3F, "i32x4.ge_s", Imm.NONE, "vv:v"),
    I32X4_GE_U(0xFD, 0x40, "i32x4.ge_u", Imm.NONE, "vv:v"),
    F32X4_EQ(0xFD, 0x41, "f32x4.eq", Imm.NONE, "vv:v"),
    F32X4_NE(0xFD, 0x42, "f32x4.ne", Imm.NONE, "vv:v"),
    F32X4_LT(0xFD, 0x43, "f32x4.lt", Imm.NONE, "vv:v"),
    F32X4_GT(0xFD, 0x44, "f32x4.gt", Imm.NONE, "vv:v"),
    F32X4_LE(0xFD, 0x45, "f32x4.le", Imm.NONE, "vv:v"),
    F32X4_GE(0xFD, 0x46, "f32x4.ge", Imm.NONE, "vv:v"),
    F64X2_EQ(0xFD, 0x47, "f64x2.eq", Imm.NONE, "vv:v"),
    F64X2_NE(0xFD, 0x48, "f64x2.ne", Imm.NONE, "vv:v"),
    F64X2_LT(0xFD, 0x49, "f64x2.lt", Imm.NONE, "vv:v"),
    F64X2_GT(0xFD, 0x4A, "f64x2.gt", Imm.NONE, "vv:v"),
    F64X2_LE(0xFD, 0x4B, "f64x2.le", Imm.NONE, "vv:v"),
    F64X2_GE(0xFD, 0x4C, "f64x2.ge", Imm.NONE, "vv:v"),
    V128_NOT(0xFD, 0x4D, "v128.not", Imm.NONE, "v:v"),
    V128_AND(0xFD, 0x4E, "v128.and", Imm.NONE, "vv:v"),
    V128_ANDNOT(0xFD, 0x4F, "v128.andnot", Imm.NONE, "vv:v"),
    V128_OR(0xFD, 0x50, "v128.or", Imm.NONE, "vv:v"),
    V128_XOR(0xFD, 0x51, "v128.xor", Imm.NONE, "vv:v"),
    V128_BITSELECT(0xFD, 0x52, "v128.bitselect", Imm.NONE, "vvv:v"),
    V128_ANY_TRUE(0xFD, 0x53, "v128.any_true", Imm.NONE, "v:i"),
    V128_LOAD8_LANE(0xFD, 0x54, "v128.load8_lane", Imm.MEMARG_LANE, "iv:v", 1),
    V128_LOAD16_LANE(0xFD, 0x55, "v128.load16_lane", Imm.MEMARG_LANE, "iv:v", 2),
    V128_LOAD32_LANE(0xFD, 0x56, "v128.load32_lane", Imm.MEMARG_LANE, "iv:v", 4),
    V128_LOAD64_LANE(0xFD, 0x57, "v128.load64_lane", Imm.MEMARG_LANE, "iv:v", 8),
    V128_STORE8_LANE(0xFD, 0x58, "v128.store8_lane", Imm.MEMARG_LANE, "iv:", 1),
    V128_STORE16_LANE(0xFD, 0x59, "v128.store16_lane", Imm.MEMARG_LANE, "iv:", 2),
    V128_STORE32_LANE(0xFD, 0x5A, "v128.store32_lane", Imm.MEMARG_LANE, "iv:", 4),
    V128_STORE64_LANE(0xFD, 0x5B, "v128.store64_lane", Imm.MEMARG_LANE, "iv:", 8),
    V128_LOAD32_ZERO(0xFD, 0x5C, "v128.load32_zero", Imm.MEMARG, "i:v", 4),
    V128_LOAD64_ZERO(0xFD, 0x5D, "v128.load64_zero", Imm.MEMARG, "i:v", 8),
    F32X4_DEMOTE_F64X2_ZERO(0xFD, 0x5E, "f32x4.demote_f64x2_zero", Imm.NONE, "v:v"),
    F64X2_PROMOTE_LOW_F32X4(0xFD, 0x5F, "f64x2.promote_low_f32x4", Imm.NONE, "v:v"),
    I8X16_ABS(0xFD, 0x60, "i8x16.abs", Imm.NONE, "v:v"),
    I8X16_NEG(0xFD, 0x61, "i8x16.neg", Imm.NONE, "v:v"),
    I8X16_POPCNT(0xFD, 0x62, "i8x16.popcnt", Imm.NONE, "v:v"),
    I8X16_ALL_TRUE(0xFD, 0x63, "i8x16.all_true", Imm.NONE, "v:i"),
    I8X16_BITMASK(0xFD, 0x64, "i8x16.bitmask", Imm.NONE, "v:i"),
    I8X16_NARROW_I16X8_S(0xFD, 0x65, "i8x16.narrow_i16x8_s", Imm.NONE, "vv:v"),
    I8X16_NARROW_I16X8_U(0xFD, 0x66, "i8x16.narrow_i16x8_u", Imm.NONE, "vv:v"),
    F32X4_CEIL(0xFD, 0x67, "f32x4.ceil", Imm.NONE, "v:v"),
    F32X4_FLOOR(0xFD, 0x68, "f32x4.floor", Imm.NONE, "v:v"),
    F32X4_TRUNC(0xFD, 0x69, "f32x4.trunc", Imm.NONE, "v:v"),
    F32X4_NEAREST(0xFD, 0x6A, "f32x4.nearest", Imm.NONE, "v:v"),
    I8X16_SHL(0xFD, 0x6B, "i8x16.shl", Imm.NONE, "vi:v"),
    I8X16_SHR_S(0xFD, 0x6C, "i8x16.shr_s", Imm.NONE, "vi:v"),
    I8X16_SHR_U(0xFD, 0x6D, "i8x16.shr_u", Imm.NONE, "vi:v"),
    I8X16_ADD(0xFD, 0x6E, "i8x16.add", Imm.NONE, "vv:v"),
    I8X16_ADD_SAT_S(0xFD, 0x6F, "i8x16.add_sat_s", Imm.NONE, "vv:v"),
    I8X16_ADD_SAT_U(0xFD, 0x70, "i8x16.add_sat_u", Imm.NONE, "vv:v"),
    I8X16_SUB(0xFD, 0x71, "i8x16.sub", Imm.NONE, "vv:v"),
    I8X16_SUB_SAT_S(0xFD, 0x72, "i8x16.sub_sat_s", Imm.NONE, "vv:v"),
    I8X16_SUB_SAT_U(0xFD, 0x73, "i8x16.sub_sat_u", Imm.NONE, "vv:v"),
    F64X2_CEIL(0xFD, 0x74, "f64x2.ceil", Imm.NONE, "v:v"),
    F64X2_FLOOR(0xFD, 0x75, "f64x2.floor", Imm.NONE, "v:v"),
    I8X16_MIN_S(0xFD, 0x76, "i8x16.min_s", Imm.NONE, "vv:v"),
    I8X16_MIN_U(0xFD, 0x77, "i8x16.min_u", Imm.NONE, "vv:v"),
    I8X16_MAX_S(0xFD, 0x78, "i8x16.max_s", Imm.NONE, "vv:v"),
    I8X16_MAX_U(0xFD, 0x79, "i8x16.max_u", Imm.NONE, "vv:v"),
    F64X2_TRUNC(0xFD, 0x7A, "f64x2.trunc", Imm.NONE, "v:v"),
    I8X16_AVGR_U(0xFD, 0x7B, "i8x16.avgr_u", Imm.NONE, "vv:v"),
    I16X8_EXTADD_PAIRWISE_I8X16_S(0xFD, 0x7C, "i16x8.extadd_pairwise_i8x16_s", Imm.NONE, "v:v"),
    I16X8_EXTADD_PAIRWISE_I8X16_U(0xFD, 0x7D, "i16x8.extadd_pairwise_i8x16_u", Imm.NONE, "v:v"),
    I32X4_EXTADD_PAIRWISE_I16X8_S(0xFD, 0x7E, "i32x4.extadd_pairwise_i16x8_s", Imm.NONE, "v:v"),
    I32X4_EXTADD_PAIRWISE_I16X8_U(0xFD, 0x7F, "i32x4.extadd_pairwise_i16x8_u", Imm.NONE, "v:v"),
    I16X8_ABS(0xFD, 0x80, "i16x8.abs", Imm.NONE, "v:v"),
    I16X8_NEG(0xFD, 0x81, "i16x8.neg", Imm.NONE, "v:v"),
    I16X8_Q15MULR_SAT_S(0xFD, 0x82, "i16x8.q15mulr_sat_s", Imm.NONE, "vv:v"),
    I16X8_ALL_TRUE(0xFD, 0x83, "i16x8.all_true", Imm.NONE, "v:i"),
    I16X8_BITMASK(0xFD, 0x84, "i16x8.bitmask", Imm.NONE, "v:i"),
    I16X8_NARROW_I32X4_S(0xFD, 0x85, "i16x8.narrow_i32x4_s", Imm.NONE, "vv:v"),
    I16X8_NARROW_I32X4_U(0xFD, 0x86, "i16x8.narrow_i32x4_u", Imm.NONE, "vv:v"),
    I16X8_EXTEND_LOW_I8X16_S(0xFD, 0x87, "i16x8.extend_low_i8x16_s", Imm.NONE, "v:v"),
    I16X8_EXTEND_HIGH_I8X16_S(0xFD, 0x88, "i16x8.extend_high_i8x16_s", Imm.NONE, "v:v"),
    I16X8_EXTEND_LOW_I8X16_U(0xFD, 0x89, "i16x8.extend_low_i8x16_u", Imm.NONE, "v:v"),
    I16X8_EXTEND_HIGH_I8X16_U(0xFD, 0x8A, "i16x8.extend_high_i8x16_u", Imm.NONE, "v:v"),
    I16X8_SHL(0xFD, 0x8B, "i16x8.shl", Imm.NONE, "vi:v"),
    I16X8_SHR_S(0xFD, 0x8C, "i16x8.shr_s", Imm.NONE, "vi:v"),
    I16X8_SHR_U(0xFD, 0x8D, "i16x8.shr_u", Imm.NONE, "vi:v"),
    I16X8_ADD(0xFD, 0x8E, "i16x8.add", Imm.NONE, "vv:v"),
    I16X8_ADD_SAT_S(0xFD, 0x8F, "i16x8.add_sat_s", Imm.NONE, "vv:v"),
    I16X8_ADD_SAT_U(0xFD, 0x90, "i16x8.add_sat_u", Imm.NONE, "vv:v"),
    I16X8_SUB(0xFD, 0x91, "i16x8.sub", Imm.NONE, "vv:v"),
    I16X8_SUB_SAT_S(0xFD, 0x92, "i16x8.sub_sat_s", Imm.NONE, "vv:v"),
    I16X8_SUB_SAT_U(0xFD, 0x93, "i16x8.sub_sat_u", Imm.NONE, "vv:v"),
    F64X2_NEAREST(0xFD, 0x94, "f64x2.nearest", Imm.NONE, "v:v"),
    I16X8_MUL(0xFD, 0x95, "i16x8.mul", Imm.NONE, "vv:v"),
    I16X8_MIN_S(0xFD, 0x96, "i16x8.min_s", Imm.NONE, "vv:v"),
    I16X8_MIN_U(0xFD, 0x97, "i16x8.min_u", Imm.NONE, "vv:v"),
    I16X8_MAX_S(0xFD, 0x98, "i16x8.max_s", Imm.NONE, "vv:v"),
    I16X8_MAX_U(0xFD, 0x99, "i16x8.max_u", Imm.NONE, "vv:v"),
    I16X8_AVGR_U(0xFD, 0x9B, "i16x8.avgr_u", Imm.NONE, "vv:v"),
    I16X8_EXTMUL_LOW_I8X16_S(0xFD, 0x9C, "i16x8.extmul_low_i8x16_s", Imm.NONE, "vv:v"),
    I16X8_EXTMUL_HIGH_I8X16_S(0xFD, 0x9D, "i16x8.extmul_high_i8x16_s", Imm.NONE, "vv:v"),
    I16X8_EXTMUL_LOW_I8X16_U(0xFD, 0x9E, "i16x8.extmul_low_i8x16_u", Imm.NONE, "vv:v"),
    I16X8_EXTMUL_HIGH_I8X16_U(0xFD, 0x9F, "i16x8.extmul_high_i8x16_u", Imm.NONE, "vv:v"),
    I32X4_ABS(0xFD, 0xA0, "i32x4.abs", Imm.NONE, "v:v"),
    I32X4_NEG(0xFD, 0xA1, "i32x4.neg", Imm.NONE, "v:v"),
    I32X4_ALL_TRUE(0xFD, 0xA3, "i32x4.all_true", Imm.NONE, "v:i"),
    I32X4_BITMASK(0xFD, 0xA4, "i32x4.bitmask", Imm.NONE, "v:i"),
    I32X4_EXTEND_LOW_I16X8_S(0xFD, 0xA7, "i32x4.extend_low_i16x8_s", Imm.NONE, "v:v"),
    I32X4_EXTEND_HIGH_I16X8_S(0xFD, 0xA8, "i32x4.extend_high_i16x8_s", Imm.NONE, "v:v"),
    I32X4_EXTEND_LOW_I16X8_U(0xFD, 0xA9, "i32x4.extend_low_i16x8_u", Imm.NONE, "v:v"),
    I32X4_EXTEND_HIGH_I16X8_U(0xFD, 0xAA, "i32x4.extend_high_i16x8_u", Imm.NONE, "v:v"),
    I32X4_SHL(0xFD, 0xAB, "i32x4.shl", Imm.NONE, "vi:v"),
    I32X4_SHR_S(0xFD, 0xAC, "i32x4.shr_s", Imm.NONE, "vi:v"),
    I32X4_SHR_U(0xFD, 0xAD, "i32x4.shr_u", Imm.NONE, "vi:v"),
    I32X4_ADD(0xFD, 0xAE, "i32x4.add", Imm.NONE, "vv:v"),
    I32X4_SUB(0xFD, 0xB1, "i32x4.sub", Imm.NONE, "vv:v"),
    I32X4_MUL(0xFD, 0xB5, "i32x4.mul", Imm.NONE, "vv:v"),
    I32X4_MIN_S(0xFD, 0xB6, "i32x4.min_s", Imm.NONE, "vv:v"),
    I32X4_MIN_U(0xFD, 0xB7, "i32x4.min_u", Imm.NONE, "vv:v"),
    I32X4_MAX_S(0xFD, 0xB8, "i32x4.max_s", Imm.NONE, "vv:v"),
    I32X4_MAX_U(0xFD, 0xB9, "i32x4.max_u", Imm.NONE, "vv:v"),
    I32X4_DOT_I16X8_S(0xFD, 0xBA, "i32x4.dot_i16x8_s", Imm.NONE, "vv:v"),
    I32X4_EXTMUL_LOW_I16X8_S(0xFD, 0xBC, "i32x4.extmul_low_i16x8_s", Imm.NONE, "vv:v"),
    I32X4_EXTMUL_HIGH_I16X8_S(0xFD, 0xBD, "i32x4.extmul_high_i16x8_s", Imm.NONE, "vv:v"),
    I32X4_EXTMUL_LOW_I16X8_U(0xFD, 0xBE, "i32x4.extmul_low_i16x8_u", Imm.NONE, "vv:v"),
    I32X4_EXTMUL_HIGH_I16X8_U(0xFD, 0xBF, "i32x4.extmul_high_i16x8_u", Imm.NONE, "vv:v"),
    I64X2_ABS(0xFD, 0xC0, "i64x2.abs", Imm.NONE, "v:v"),
    I64X2_NEG(0xFD, 0xC1, "i64x2.neg", Imm.NONE, "v:v"),
    I64X2_ALL_TRUE(0xFD, 0xC3, "i64x2.all_true", Imm.NONE, "v:i"),
    I64X2_BITMASK(0xFD, 0xC4, "i64x2.bitmask", Imm.NONE, "v:i"),
    I64X2_EXTEND_LOW_I32X4_S(0xFD, 0xC7, "i64x2.extend_low_i32x4_s", Imm.NONE, "v:v"),
    I64X2_EXTEND_HIGH_I32X4_S(0xFD, 0xC8, "i64x2.extend_high_i32x4_s", Imm.NONE, "v:v"),
    I64X2_EXTEND_LOW_I32X4_U(0xFD, 0xC9, "i64x2.extend_low_i32x4_u", Imm.NONE, "v:v"),
    I64X2_EXTEND_HIGH_I32X4_U(0xFD, 0xCA, "i64x2.extend_high_i32x4_u", Imm.NONE, "v:v"),
    I64X2_SHL(0xFD, 0xCB, "i64x2.shl", Imm.NONE, "vi:v"),
    I64X2_SHR_S(0xFD, 0xCC, "i64x2.shr_s", Imm.NONE, "vi:v"),
    I64X2_SHR_U(0xFD, 0xCD, "i64x2.shr_u", Imm.NONE, "vi:v"),
    I64X2_ADD(0xFD, 0xCE, "i64x2.add", Imm.NONE, "vv:v"),
    I64X2_SUB(0xFD, 0xD1, "i64x2.sub", Imm.NONE, "vv:v"),
    I64X2_MUL(0xFD, 0xD5, "i64x2.mul", Imm.NONE, "vv:v"),
    I64X2_EQ(0xFD, 0xD6, "i64x2.eq", Imm.NONE, "vv:v"),
    I64X2_NE(0xFD, 0xD7, "i64x2.ne", Imm.NONE, "vv:v"),
    I64X2_LT_S(0xFD, 0xD8, "i64x2.lt_s", Imm.NONE, "vv:v"),
    I64X2_GT_S(0xFD, 0xD9, "i64x2.gt_s", Imm.NONE, "vv:v"),
    I64X2_LE_S(0xFD, 0xDA, "i64x2.le_s", Imm.NONE, "vv:v"),
    I64X2_GE_S(0xFD, 0xDB, "i64x2.ge_s", Imm.NONE, "vv:v"),
    I64X2_EXTMUL_LOW_I32X4_S(0xFD, 0xDC, "i64x2.extmul_low_i32x4_s", Imm.NONE, "vv:v"),
    I64X2_EXTMUL_HIGH_I32X4_S(0xFD, 0xDD, "i64x2.extmul_high_i32x4_s", Imm.NONE, "vv:v"),
    I64X2_EXTMUL_LOW_I32X4_U(0xFD, 0xDE, "i64x2.extmul_low_i32x4_u", Imm.NONE, "vv:v"),
    I64X2_EXTMUL_HIGH_I32X4_U(0xFD, 0xDF, "i64x2.extmul_high_i32x4_u", Imm.NONE, "vv:v"),
    F32X4_ABS(0xFD, 0xE0, "f32x4.abs", Imm.NONE, "v:v"),
    F32X4_NEG(0xFD, 0xE1, "f32x4.neg", Imm.NONE, "v:v"),
    F32X4_SQRT(0xFD, 0xE3, "f32x4.sqrt", Imm.NONE, "v:v"),
    F32X4_ADD(0xFD, 0xE4, "f32x4.add", Imm.NONE, "vv:v"),
    F32X4_SUB(0xFD, 0xE5, "f32x4.sub", Imm.NONE, "vv:v"),
    F32X4_MUL(0xFD, 0xE6, "f32x4.mul", Imm.NONE, "vv:v"),
    F32X4_DIV(0xFD, 0xE7, "f32x4.div", Imm.NONE, "vv:v"),
    F32X4_MIN(0xFD, 0xE8, "f32x4.min", Imm.NONE, "vv:v"),
    F32X4_MAX(0xFD, 0xE9, "f32x4.max", Imm.NONE, "vv:v"),
    F32X4_PMIN(0xFD, 0xEA, "f32x4.pmin", Imm.NONE, "vv:v"),
    F32X4_PMAX(0xFD, 0xEB, "f32x4.pmax", Imm.NONE, "vv:v"),
    F64X2_ABS(0xFD, 0xEC, "f64x2.abs", Imm.NONE, "v:v"),
    F64X2_NEG(0xFD, 0xED, "f64x2.neg", Imm.NONE, "v:v"),
    F64X2_SQRT(0xFD, 0xEF, "f64x2.sqrt", Imm.NONE, "v:v"),
    F64X2_ADD(0xFD, 0xF0, "f64x2.add", Imm.NONE, "vv:v"),
    F64X2_SUB(0xFD, 0xF1, "f64x2.sub", Imm.NONE, "vv:v"),
    F64X2_MUL(0xFD, 0xF2, "f64x2.mul", Imm.NONE, "vv:v"),
    F64X2_DIV(0xFD, 0xF3, "f64x2.div", Imm.NONE, "vv:v"),
    F64X2_MIN(0xFD, 0xF4, "f64x2.min", Imm.NONE, "vv:v"),
    F64X2_MAX(0xFD, 0xF5, "f64x2.max", Imm.NONE, "vv:v"),
    F64X2_PMIN(0xFD, 0xF6, "f64x2.pmin", Imm.NONE, "vv:v"),
    F64X2_PMAX(0xFD, 0xF7, "f64x2.pmax", Imm.NONE, "vv:v"),
    I32X4_TRUNC_SAT_F32X4_S(0xFD, 0xF8, "i32x4.trunc_sat_f32x4_s", Imm.NONE, "v:v"),
    I32X4_TRUNC_SAT_F32X4_U(0xFD, 0xF9, "i32x4.trunc_sat_f32x4_u", Imm.NONE, "v:v"),
    F32X4_CONVERT_I32X4_S(0xFD, 0xFA, "f32x4.convert_i32x4_s", Imm.NONE, "v:v"),
    F32X4_CONVERT_I32X4_U(0xFD, 0xFB, "f32x4.convert_i32x4_u", Imm.NONE, "v:v"),
    I32X4_TRUNC_SAT_F64X2_S_ZERO(0xFD, 0xFC, "i32x4.trunc_sat_f64x2_s_zero", Imm.NONE, "v:v"),
    I32X4_TRUNC_SAT_F64X2_U_ZERO(0xFD, 0xFD, "i32x4.trunc_sat_f64x2_u_zero", Imm.NONE, "v:v"),
    F64X2_CONVERT_LOW_I32X4_S(0xFD, 0xFE, "f64x2.convert_low_i32x4_s", Imm.NONE, "v:v"),
    F64X2_CONVERT_LOW_I32X4_U(0xFD, 0xFF, "f64x2.convert_low_i32x4_u", Imm.NONE, "v:v");

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
