#!/usr/bin/env bash
# SIMD comparison: runs the guests/simd kernels built without and with -msimd128 on Verge and on
# Chicory's compiler, and natively for scale (gcc -O2; gcc -O2 -ftree-vectorize in the SIMD row);
# whole process (start-up, compilation and run). Prints a Markdown table of median wall-clock and
# CPU times.
#
#   bench/run-simd.sh [--runs N] [--arg ARG]
#
#   --runs N   repetitions per cell (default 3); the median is reported
#   --arg ARG  the kernel's argument (rounds) instead of its default
#
# Every engine's output is compared with the native output: a mismatch is reported as "wrong",
# a failure (non-zero exit, such as an engine without SIMD) as "n/a" with the error's first line
# below the table. Needs gcc and a JDK 25 (JAVA_HOME or the machine's JVM folder); not clang, as
# the .wasm files are committed.
set -euo pipefail
# Every run compiles its module, as the figures published before the compilation cache did (and as
# the engines compared with do); VERGE_CACHE=on measures runs that hit the cache instead.
export VERGE_CACHE="${VERGE_CACHE:-off}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

runs=3
arg=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --arg) arg=("$2"); shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

. scripts/jdk.sh   # exports JAVA_HOME and JAVA: a JDK 25+, also when JAVA_HOME names an older one
java="$JAVA"

work="$root/bench/target/simd"
mkdir -p "$work"
guests/simd/build.sh native "$work/native"
jar="$root/bench/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  echo "building $jar" >&2
  ./mvnw -q -pl bench -am package -DskipTests >&2
fi
./verge --version >/dev/null 2>&1 || true   # builds the launcher's jar now, outside the timings

# Runs one command $runs times; prints "WALL CPU" (medians, seconds; CPU is user + system of the
# whole process tree), or "n/a" or "wrong". $1 is the cell's name, the rest the command.
measure() {
  local name="$1" i out="$work/$1"
  shift
  : > "$out.times"
  for ((i = 0; i < runs; i++)); do
    if ! /usr/bin/time -f '%e %U %S' -o "$out.time" "$@" > "$out.out" 2> "$out.err"; then
      echo "n/a"
      return
    fi
    if [ -f "$work/expected.out" ] && ! cmp -s "$out.out" "$work/expected.out"; then
      echo "wrong"
      return
    fi
    tail -1 "$out.time" >> "$out.times"
  done
  median() { sort -n | awk '{ t[NR] = $1 } END {
    printf "%.2f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
  echo "$(awk '{ print $1 }' "$out.times" | median) $(awk '{ print $2 + $3 }' "$out.times" | median)"
}

cell() { # "WALL CPU" -> "CPU s (wall W s)", else as is
  if [[ "$1" =~ ^[0-9.]+\ [0-9.]+$ ]]; then echo "${1#* } s CPU (${1% *} s wall)"; else echo "$1"; fi
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
notes=()
for src in guests/simd/src/*.c; do
  name="$(basename "$src" .c)"
  rm -f "$work/expected.out"
  "$work/native/$name" "${arg[@]}" > "$work/expected.out"
  echo
  echo "| $name | native | Verge | Chicory compiler |"
  echo "|---|---:|---:|---:|"
  for build in "$name" "$name-simd"; do
    module="guests/simd/wasm/$build.wasm"
    native="$(measure "$build.native" "$work/native/$build" "${arg[@]}")"
    echo "$build native: $native ($(cat "$work/expected.out"))" >&2
    verge="$(measure "$build.verge" ./verge run "$module" "${arg[@]}")"
    echo "$build verge: $verge" >&2
    chicory="$(measure "$build.chicory" "$java" -cp "$jar" dev.verge.bench.programs.ChicoryRun \
      compiler "$module" "${arg[@]}")"
    echo "$build chicory-compiler: $chicory" >&2
    for engine in verge chicory; do
      if [ ! -s "$work/$build.$engine.times" ] && [ -s "$work/$build.$engine.err" ]; then
        notes+=("$build on $engine: $(grep -m1 -v '^\s*$' "$work/$build.$engine.err")")
      fi
    done
    label="without SIMD; native gcc -O2"
    [ "$build" != "$name" ] && label="with -msimd128; native gcc -O2 -ftree-vectorize"
    echo "| $build.wasm ($label) | $(cell "$native") | $(cell "$verge") | $(cell "$chicory") |"
  done
done
echo
for note in "${notes[@]}"; do
  echo "- n/a: $note"
done
echo
echo "Medians of $runs runs, whole process; CPU is user + system of all threads. $(nproc) cores," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $("$java" -version 2>&1 | head -1)," \
  "$(gcc --version | head -1). Load average before: $load_before;" \
  "after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews wall-clock figures most)."
