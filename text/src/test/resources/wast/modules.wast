;; Every way a script defines, names, instantiates and links modules.

;; A text module, named, with exports.
(module $counter
  (global $n (mut i32) (i32.const 0))
  (func (export "next") (result i32)
    (global.set $n (i32.add (global.get $n) (i32.const 1)))
    (global.get $n))
  (global (export "start") i32 (i32.const 10)))

(assert_return (invoke "next") (i32.const 1))
(invoke "next")
(assert_return (invoke $counter "next") (i32.const 3))
(assert_return (get "start") (i32.const 10))
(assert_return (get $counter "start") (i32.const 10))

;; Registered, then imported by another module.
(register "counter" $counter)
(module $user
  (import "counter" "next" (func $next (result i32)))
  (func (export "twice") (result i32) (drop (call $next)) (call $next)))
(assert_return (invoke "twice") (i32.const 5))
;; The first module is still reachable by name.
(assert_return (invoke $counter "next") (i32.const 6))

;; A binary module: exports "answer" returning 42.
(module $bin binary
  "\00asm" "\01\00\00\00"
  "\01\05\01\60\00\01\7f"                    ;; type 0: [] -> [i32]
  "\03\02\01\00"                             ;; function 0 has type 0
  "\07\0a\01\06answer\00\00"                 ;; export "answer" = function 0
  "\0a\06\01\04\00\41\2a\0b")                ;; body: i32.const 42
(assert_return (invoke $bin "answer") (i32.const 42))

;; A quoted module, parsed when the command runs.
(module $quoted quote "(func (export \"seven\") (result i32) (i32.const 7))")
(assert_return (invoke "seven") (i32.const 7))

;; An inline module without (module ...) around its fields is written quoted here.
(module quote "(func (export \"eight\") (result i32) (i32.const 8))")
(assert_return (invoke "eight") (i32.const 8))

;; Wasm 3.0 scripts: a definition instantiated explicitly, twice.
(module definition $def
  (global $g (mut i32) (i32.const 5))
  (func (export "bump") (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (global.get $g)))
(module instance $one $def)
(module instance $two $def)
(assert_return (invoke $one "bump") (i32.const 6))
(assert_return (invoke $one "bump") (i32.const 7))
(assert_return (invoke $two "bump") (i32.const 6))
