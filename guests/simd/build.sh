#!/usr/bin/env bash
# Builds the SIMD benchmark kernels from src/*.c, each twice: without and with 128-bit SIMD.
# Same compiler and flags as guests/build.sh (Debian's clang, lld, wasi-libc and
# libclang-rt-*-dev-wasm32, target wasm32-wasi, -O2); -msimd128 lets clang's vectorizers emit
# Wasm SIMD, so the two builds differ only in that.
#
#   guests/simd/build.sh               -> guests/simd/wasm/NAME.wasm and NAME-simd.wasm (committed)
#   guests/simd/build.sh native OUTDIR -> OUTDIR/NAME (gcc -O2) and NAME-simd (gcc -O2 -ftree-vectorize);
#                                         never committed
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
warnings=(-Wall -Wextra -Werror)

case "${1:-wasm}" in
  wasm)
    mkdir -p "$here/wasm"
    for src in "$here"/src/*.c; do
      name="$(basename "$src" .c)"
      clang --target=wasm32-wasi -O2 "${warnings[@]}" -Wl,--strip-debug \
        -o "$here/wasm/$name.wasm" "$src"
      clang --target=wasm32-wasi -O2 -msimd128 "${warnings[@]}" -Wl,--strip-debug \
        -o "$here/wasm/$name-simd.wasm" "$src"
      echo "built $here/wasm/$name.wasm and $name-simd.wasm"
    done
    ;;
  native)
    out="${2:?usage: build.sh native OUTDIR}"
    mkdir -p "$out"
    for src in "$here"/src/*.c; do
      name="$(basename "$src" .c)"
      # gcc 12 at -O2 vectorizes only loops of known trip counts; -ftree-vectorize is its SSE2
      # counterpart of -msimd128.
      gcc -O2 "${warnings[@]}" -o "$out/$name" "$src"
      gcc -O2 -ftree-vectorize "${warnings[@]}" -o "$out/$name-simd" "$src"
    done
    ;;
  *)
    echo "usage: $0 [wasm | native OUTDIR]" >&2
    exit 2
    ;;
esac
