#!/usr/bin/env bash
# Builds the guest programs from src/*.c.
#
#   guests/build.sh wasm            -> guests/wasm/NAME.wasm (committed: CI needs no C toolchain)
#   guests/build.sh native OUTDIR   -> OUTDIR/NAME (gcc -O2; never committed)
#
# Wasm needs Debian's clang, lld, wasi-libc and libclang-rt-*-dev-wasm32 (target wasm32-wasi).
# Both builds use -O2 so that the comparison is between engines, not between optimisation levels.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mode="${1:-}"
warnings=(-Wall -Wextra -Werror)

case "$mode" in
  wasm)
    out="$here/wasm"
    mkdir -p "$out"
    for src in "$here"/src/*.c; do
      name="$(basename "$src" .c)"
      # --strip-debug drops DWARF but keeps the name section, so traps show function names.
      clang --target=wasm32-wasi -O2 "${warnings[@]}" -Wl,--strip-debug \
        -o "$out/$name.wasm" "$src"
      echo "built $out/$name.wasm"
    done
    ;;
  native)
    out="${2:?usage: build.sh native OUTDIR}"
    mkdir -p "$out"
    for src in "$here"/src/*.c; do
      name="$(basename "$src" .c)"
      gcc -O2 "${warnings[@]}" -o "$out/$name" "$src"
    done
    ;;
  *)
    echo "usage: $0 wasm | native OUTDIR" >&2
    exit 2
    ;;
esac
