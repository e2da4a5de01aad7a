(; Block comments (; nest ;) and may span
   lines. ;)
(module ;; a line comment
  (@custom "annotation" (with (nested "parens)")))
  (memory 1)
  (data (i32.const 0) "tab\tnewline\nreturn\rquote\"apostrophe\'backslash\\hex\41\u{48}\u{e9}\u{1F600}")
  (func $id!#$%&'*+-./:<=>?@\^_`|~ (export "\u{1F600}")
    (drop (i32.const 1_000)) (drop (i64.const +0x1_0)) (drop (f64.const 1_0.0_1e+1_0))))
