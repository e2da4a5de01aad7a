;; Every abbreviation of the text format's module fields.
(module $abbrev
  (type $binop (func (param i32 i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (func $imported (import "env" "double") (param i32) (result i32))
  (table $imported_table (import "env" "table") 1 funcref)
  (memory $imported_memory (import "env" "memory") 1 2)
  (global $imported_global (import "env" "base") i32)

  ;; inline exports, an explicit type use, and an implicit one that matches it
  (func $add (export "add") (export "plus") (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $sub (param $a i32) (param $b i32) (result i32) (i32.sub (local.get $a) (local.get $b)))
  ;; a type use with both an index and matching inline declarations
  (func $mul (type $binop) (param $x i32) (param $y i32) (result i32) local.get $x local.get $y i32.mul)
  ;; implicit types appended to the type section
  (func $unary (param f64) (result f64) (f64.neg (local.get 0)))
  (func $nothing)

  (table $t (export "t") funcref (elem $add $sub $mul))
  (global $counter (export "counter") (mut i32) (global.get $imported_global))
  (global $ref funcref (ref.func $add))

  (elem $passive func $add $sub)
  (elem $exprs funcref (item ref.func $mul) (ref.null func))
  (elem declare func $unary)
  (elem (table $t) (offset (i32.const 1)) func $sub)
  (elem (i32.const 0) $add)

  (data $d "passive " "bytes")
  (data (memory $imported_memory) (offset (i32.const 16)) "at sixteen")
  (data (i32.const 32) "\00\01\ff")

  (export "memory" (memory $imported_memory))
  (export "nothing" (func $nothing))
  (start $nothing)
)
