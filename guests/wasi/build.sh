#!/usr/bin/env bash
# Builds the WASI test programs from src/*.c into wasm/NAME.wasm (committed, so the tests need no
# C toolchain). Same compiler and flags as guests/build.sh: Debian's clang, lld, wasi-libc and
# libclang-rt-*-dev-wasm32, target wasm32-wasi, -O2.
#
#   guests/wasi/build.sh               -> guests/wasi/wasm/NAME.wasm
#   guests/wasi/build.sh native OUTDIR -> OUTDIR/NAME (gcc -O2; never committed)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
warnings=(-Wall -Wextra -Werror)

case "${1:-wasm}" in
  wasm)
    mkdir -p "$here/wasm"
    for src in "$here"/src/*.c; do
      name="$(basename "$src" .c)"
      clang --target=wasm32-wasi -O2 "${warnings[@]}" -Wl,--strip-debug -o "$here/wasm/$name.wasm" "$src"
      echo "built $here/wasm/$name.wasm"
    done
    ;;
  native)
    out="${2:?usage: build.sh native OUTDIR}"
    mkdir -p "$out"
    for src in "$here"/src/*.c; do
      gcc -O2 "${warnings[@]}" -o "$out/$(basename "$src" .c)" "$src"
    done
    ;;
  *)
    echo "usage: $0 [wasm | native OUTDIR]" >&2
    exit 2
    ;;
esac
