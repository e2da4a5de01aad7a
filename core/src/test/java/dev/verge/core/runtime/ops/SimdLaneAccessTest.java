package dev.verge.core.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verge.core.runtime.V128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lane layout, splat, extract and replace, shuffle and swizzle, masks and the load widenings. */
class SimdLaneAccessTest {
    @Test
    void laneZeroIsTheLowestAddressedByte() {
        V128 v = V128.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 0);
        assertEquals(0x0807_0605_0403_0201L, v.lo());
        assertEquals(0x100F_0E0D_0C0B_0A09L, v.hi());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, v.toBytes());
        assertEquals(WasmValues.v128("[i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16]"), v);
        assertEquals(WasmValues.v128("[i32x4 0x04030201 0x08070605 0x0c0b0a09 0x100f0e0d]"), v);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i8x16.splat 0x1ff -> [i8x16 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1]",
        "i16x8.splat 0x12345 -> [i16x8 0x2345 0x2345 0x2345 0x2345 0x2345 0x2345 0x2345 0x2345]",
        "i32x4.splat -2 -> [i32x4 -2 -2 -2 -2]",
        "i64x2.splat 0x8000000000000001 -> [i64x2 0x8000000000000001 0x8000000000000001]",
        "f32x4.splat nan:0x200000 -> [i32x4 0x7fa00000 0x7fa00000 0x7fa00000 0x7fa00000]",
        "f64x2.splat -0x0p+0 -> [i64x2 0x8000000000000000 0x8000000000000000]",
        "i8x16.extract_lane_s [i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 0xff] 15 -> -1",
        "i8x16.extract_lane_u [i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 0xff] 15 -> 255",
        "i8x16.extract_lane_s [i8x16 0 1 2 3 4 5 6 7 0x80 9 10 11 12 13 14 15] 8 -> -128",
        "i16x8.extract_lane_s [i16x8 0 1 2 3 0x8000 5 6 7] 4 -> -32768",
        "i16x8.extract_lane_u [i16x8 0 1 2 3 4 5 6 0xffff] 7 -> 65535",
        "i32x4.extract_lane [i32x4 1 2 3 -4] 3 -> -4",
        "i64x2.extract_lane [i64x2 1 -2] 1 -> -2",
        "f32x4.extract_lane [i32x4 0 0 0x7fa00000 0] 2 -> nan:0x200000",
        "f64x2.extract_lane [f64x2 1.5 -0x0p+0] 1 -> -0x0p+0",
        "i8x16.replace_lane [i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0] 0x1fe 9 -> [i8x16 0 0 0 0 0 0 0 0 0 -2 0 0 0 0 0 0]",
        "i16x8.replace_lane [i16x8 -1 -1 -1 -1 -1 -1 -1 -1] 0x10000 3 -> [i16x8 -1 -1 -1 0 -1 -1 -1 -1]",
        "i32x4.replace_lane [i32x4 1 2 3 4] -1 2 -> [i32x4 1 2 -1 4]",
        "i64x2.replace_lane [i64x2 1 2] 7 0 -> [i64x2 7 2]",
        "f32x4.replace_lane [f32x4 1 2 3 4] -nan:0x1 1 -> [i32x4 0x3f800000 0xff800001 0x40400000 0x40800000]",
        "f64x2.replace_lane [f64x2 1 2] inf 1 -> [f64x2 1 inf]",
    })
    void lanes(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i8x16.shuffle [i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15] [i8x16 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31]"
            + " [i8x16 31 0 30 1 29 2 28 3 16 15 17 14 18 13 19 12]"
            + " -> [i8x16 31 0 30 1 29 2 28 3 16 15 17 14 18 13 19 12]",
        "i8x16.shuffle [i8x16 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0] [i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -2]"
            + " [i8x16 0 0 0 0 0 0 0 0 31 31 31 31 31 31 31 31]"
            + " -> [i8x16 -1 -1 -1 -1 -1 -1 -1 -1 -2 -2 -2 -2 -2 -2 -2 -2]",
        "i8x16.swizzle [i8x16 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25] [i8x16 15 0 16 0xff 1 14 128 2 3 4 5 6 7 8 9 17]"
            + " -> [i8x16 25 10 0 0 11 24 0 12 13 14 15 16 17 18 19 0]",
    })
    void shuffleAndSwizzle(String line) {
        Cases.check(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i8x16.bitmask [i8x16 -1 0 0x80 0x7f 0 0 0 0 0 0 0 0 0 0 0 -128] -> 0x8005",
        "i16x8.bitmask [i16x8 0 -1 0 0 0 0 0 0x8000] -> 0x82",
        "i32x4.bitmask [i32x4 -1 1 0x80000000 0x7fffffff] -> 5",
        "i64x2.bitmask [i64x2 1 -1] -> 2",
        "i8x16.all_true [i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 0x100] -> 0",
        "i8x16.all_true [i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 -1] -> 1",
        "i16x8.all_true [i8x16 1 0 1 0 1 0 1 0 1 0 1 0 1 0 0 1] -> 1",
        "i16x8.all_true [i8x16 1 0 1 0 1 0 1 0 1 0 1 0 1 0 0 0] -> 0",
        "i32x4.all_true [i32x4 1 1 1 0] -> 0",
        "i32x4.all_true [i64x2 0x100000001 0x8000000080000000] -> 1",
        "i64x2.all_true [i64x2 0x100000000 1] -> 1",
        "i64x2.all_true [i64x2 0 1] -> 0",
        "v128.any_true [i64x2 0 0] -> 0",
        "v128.any_true [i64x2 0 0x8000000000000000] -> 1",
    })
    void masks(String line) {
        Cases.check(line);
    }

    @Test
    void extendingLoadsWidenTheLoadedBytes() {
        long bytes = 0x8081_7F01_FFFE_0080L;
        assertEquals(WasmValues.v128("[i16x8 -128 0 -2 -1 1 127 -127 -128]"), V128Ops.extend8x8S(bytes));
        assertEquals(WasmValues.v128("[i16x8 0x80 0 254 255 1 127 129 128]"), V128Ops.extend8x8U(bytes));
        assertEquals(WasmValues.v128("[i32x4 0x0080 -2 0x7f01 -32639]"), V128Ops.extend16x4S(bytes));
        assertEquals(WasmValues.v128("[i32x4 0x0080 0xfffe 0x7f01 0x8081]"), V128Ops.extend16x4U(bytes));
        assertEquals(WasmValues.v128("[i64x2 0xfffffffffffe0080 0xffffffff80817f01]"), V128Ops.extend32x2S(bytes));
        assertEquals(WasmValues.v128("[i64x2 0xfffe0080 0x80817f01]"), V128Ops.extend32x2U(bytes));
    }
}
