;; Vector instructions of each immediate shape.
(module
  (memory 1)
  (func (export "simd") (param $p i32) (result i32)
    (v128.store offset=16 (local.get $p)
      (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31
        (v128.const i32x4 1 2 3 4)
        (v128.load8_lane 3 (local.get $p) (i16x8.splat (i32.const 7)))))
    (v128.store32_lane offset=4 1 (local.get $p) (f32x4.add (v128.load (local.get $p)) (v128.load32_zero (local.get $p))))
    (i32.add
      (i8x16.extract_lane_u 15 (i8x16.replace_lane 0 (v128.load8x8_s (local.get $p)) (i32.const 1)))
      (i32x4.bitmask (i32x4.dot_i16x8_s (v128.const i64x2 -1 1) (v128.load64_splat (local.get $p)))))))
