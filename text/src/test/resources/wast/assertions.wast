;; Every assertion kind, each expected to pass.

(module
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "unreachable") (unreachable))
  (func $loop (export "recurse") (call $loop))
  (func (export "neg-zero") (result f32) (f32.neg (f32.const 0)))
  (func (export "nan") (result f64) (f64.div (f64.const 0) (f64.const 0)))
  (func (export "nan-payload") (result f32) (f32.const nan:0x600000))
  (func (export "pair") (result i64 f64) (i64.const -1) (f64.const 0x1p-1074))
  (func (export "null") (result externref) (ref.null extern))
  (func (export "id") (param externref) (result externref) (local.get 0))
  (func $f (export "func") (result funcref) (ref.func $f)))

(assert_return (invoke "div" (i32.const 7) (i32.const -2)) (i32.const -3))
(assert_return (invoke "neg-zero") (f32.const -0))
(assert_return (invoke "nan") (f64.const nan:canonical))
(assert_return (invoke "nan") (f64.const nan:arithmetic))
(assert_return (invoke "nan-payload") (f32.const nan:arithmetic))
(assert_return (invoke "nan-payload") (f32.const nan:0x600000))
(assert_return (invoke "pair") (i64.const 0xffff_ffff_ffff_ffff) (f64.const 4.9406564584124654e-324))
(assert_return (invoke "null") (ref.null extern))
(assert_return (invoke "null") (ref.null))
(assert_return (invoke "id" (ref.extern 3)) (ref.extern 3))
(assert_return (invoke "id" (ref.extern 4)) (ref.extern))
(assert_return (invoke "func") (ref.func))
(assert_return (invoke "div" (i32.const 1) (i32.const 1)) (either (i32.const 0) (i32.const 1)))

(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_trap (invoke "div" (i32.const 0x8000_0000) (i32.const -1)) "integer overflow")
(assert_trap (invoke "unreachable") "unreachable")
(assert_exhaustion (invoke "recurse") "call stack exhausted")

;; A module whose instantiation traps.
(assert_trap (module (func $boom (unreachable)) (start $boom)) "unreachable")
(assert_trap (module (memory 1) (data (i32.const 65536) "x")) "out of bounds memory access")

(assert_invalid (module (func (result i32))) "type mismatch")
(assert_invalid (module (func (local.get 0))) "unknown local")
(assert_invalid (module binary "\00asm" "\01\00\00\00" "\01\04\01\60\00\00" "\03\02\01\05" "\0a\04\01\02\00\0b") "unknown type")

(assert_malformed (module quote "(func (i32.const))") "unexpected token")
(assert_malformed (module quote "(func i32.frob)") "unknown operator")
(assert_malformed (module binary "\00asm") "unexpected end")
(assert_malformed (module binary "\00asm\02\00\00\00") "unknown binary version")

(assert_unlinkable (module (import "nowhere" "f" (func))) "unknown import")
(assert_unlinkable (module (import "spectest" "print_i32" (func (param i64)))) "incompatible import type")
