;; Control, parametric, variable, memory, table and numeric instructions, flat and folded.
(module
  (type $pair (func (param i32) (result i32 i32)))
  (memory 1)
  (table 4 funcref)
  (table $ext 1 externref)
  (table $more 1 funcref)
  (global $g (mut i64) (i64.const -1))
  (elem $e func $control)
  (data $bytes "\de\ad\be\ef")

  (func $control (param $n i32) (result i32) (local $i i32) (local f32 f64)
    (block $exit (result i32)
      (loop $again
        (br_if $exit (i32.const -1) (i32.eqz (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $again))
      (unreachable))
    block $outer
      block $inner
        local.get $i
        br_table $inner $outer $inner
      end $inner
    end $outer
    (if (result i32) (local.get $n)
      (then (i32.const 1))
      (else (i32.const 2)))
    if (result i32)
      i32.const 3
    else
      i32.const 4
    end
    drop
    (block (param i32) (result i32 i32) (i32.const 7))
    drop
    drop
    (call_indirect (type $pair) (i32.const 0) (i32.const 1))
    drop
    drop
    (call_indirect $more (param) (result) (i32.const 0))
    (select (local.get $n) (i32.const 0) (i32.const 1))
    (select (result i32) (i32.const 5) (i32.const 6) (local.get $n))
    (return (local.tee $i))
  )

  (func $memory (param i32)
    (i32.store offset=4 align=2 (local.get 0) (i32.load8_u offset=0x10 (local.get 0)))
    (i64.store32 (local.get 0) (i64.load align=8 (local.get 0)))
    (f64.store (local.get 0) (f64.load (local.get 0)))
    (drop (memory.grow (memory.size)))
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 16))
    (memory.copy (i32.const 0) (i32.const 16) (i32.const 4))
    (memory.init $bytes (i32.const 0) (i32.const 0) (i32.const 4))
    (data.drop $bytes)
  )

  (func $tables
    (table.set (i32.const 0) (table.get (i32.const 1)))
    (drop (table.grow $ext (ref.null extern) (i32.const 1)))
    (drop (table.size))
    (table.fill $ext (i32.const 0) (ref.null extern) (i32.const 1))
    (table.copy (i32.const 0) (i32.const 1) (i32.const 1))
    (table.init $e (i32.const 0) (i32.const 0) (i32.const 1))
    (elem.drop $e)
    (drop (ref.is_null (ref.func $control)))
  )

  (func $numbers (result f64)
    (global.set $g (i64.add (global.get $g) (i64.const 0x7fff_ffff_ffff_ffff)))
    (drop (i32.wrap_i64 (i64.extend_i32_u (i32.const 0xffffffff))))
    (drop (f32.convert_i32_s (i32.trunc_sat_f32_s (f32.const -0x1.fffffep127))))
    (drop (i64.reinterpret_f64 (f64.const nan:0x4_0000_0000_0001)))
    (drop (f32.const -inf))
    (drop (i32.extend8_s (i32.const 255)))
    (f64.promote_f32 (f32.demote_f64 (f64.const 1e-300)))
  )
)
