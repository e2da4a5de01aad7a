;; Structured control flow, branches, calls and multi-value block types.
(module
  (type $pair (func (param i32) (result i32 i32)))
  (table 2 funcref)
  (elem (i32.const 0) $fib $swap)
  (func $swap (param i32 i32) (result i32 i32)
    (local.get 1) (local.get 0))
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call_indirect (param i32) (result i32) (i32.sub (local.get $n) (i32.const 2)) (i32.const 0))))))
  (func (export "switch") (param i32) (result i32)
    (block $c (block $b (block $a
      (br_table $a $b $c (local.get 0)))
      (return (i32.const 10)))
      (return (i32.const 20)))
    (i32.const 30))
  (func (export "loop") (param $n i32) (result i32) (local $acc i32)
    (loop $top
      (local.set $acc (i32.add (local.get $acc) (local.get $n)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $top (local.get $n)))
    (local.get $acc))
  (func (export "multi") (param i32) (result i32 i32)
    (local.get 0)
    (block (type $pair) (i32.const 1)))
  (func (export "select") (param i32) (result i64)
    (select (i64.const 1) (i64.const 2) (local.get 0)))
  (func (export "trap") unreachable)
  (func (export "nop") nop (drop (i32.const 0)) (return)))
