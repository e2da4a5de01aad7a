;; Reference types and table instructions.
(module
  (table $t 2 funcref)
  (table $e 1 externref)
  (elem $seg func $f $f)
  (func $f (export "f") (param externref) (result i32)
    (table.set $e (i32.const 0) (local.get 0))
    (drop (table.grow $t (ref.null func) (i32.const 1)))
    (table.fill $t (i32.const 0) (ref.func $f) (table.size $t))
    (table.init $t $seg (i32.const 0) (i32.const 0) (i32.const 2))
    (table.copy $t $t (i32.const 0) (i32.const 1) (i32.const 1))
    (elem.drop $seg)
    (drop (select (result funcref) (table.get $t (i32.const 0)) (ref.null func) (i32.const 1)))
    (ref.is_null (table.get $e (i32.const 0)))))
