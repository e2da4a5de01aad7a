#!/usr/bin/env bash
# Builds the edge host's C guests with Debian's clang, lld and wasi-libc (target wasm32-wasi):
#   examples/NAME/NAME.c        -> examples/NAME/app.wasm   (bundled example apps, committed)
#   src/test/guests/NAME.c      -> src/test/resources/guests/NAME.wasm (test guests, committed)
# The built modules are committed so neither CI nor users need a C toolchain.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
edge="$(dirname "$here")"
flags=(--target=wasm32-wasi -O2 -Wall -Wextra -Werror -Wl,--strip-debug -I"$edge/include")

for dir in "$here"/*/; do
  name="$(basename "$dir")"
  [ -f "$dir/$name.c" ] || continue
  clang "${flags[@]}" -o "$dir/app.wasm" "$dir/$name.c"
  echo "built $dir/app.wasm"
done

mkdir -p "$edge/src/test/resources/guests"
for src in "$edge"/src/test/guests/*.c; do
  [ -f "$src" ] || continue
  name="$(basename "$src" .c)"
  clang "${flags[@]}" -o "$edge/src/test/resources/guests/$name.wasm" "$src"
  echo "built test guest $name.wasm"
done
