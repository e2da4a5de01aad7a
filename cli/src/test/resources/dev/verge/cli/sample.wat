;; A small module with one of each kind of content, for the `inspect` golden test.
;; sample.wasm is this file compiled with `wat2wasm --debug-names sample.wat`.
(module $sample
  (type $binop (func (param i32 i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (import "env" "memory" (memory 1))
  (table 2 funcref)
  (global $counter (mut i32) (i32.const 7))
  (global $limit i64 (i64.const -1))
  (func $add (type $binop) (local $tmp i32)
    local.get 0
    local.get 1
    i32.add)
  (func $main
    global.get $counter
    call $log)
  (export "add" (func $add))
  (export "table" (table 0))
  (start $main)
  (elem (i32.const 0) $add $main)
  (data (i32.const 1024) "hello")
  (data "passive"))
