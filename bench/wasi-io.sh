#!/usr/bin/env bash
# WASI I/O benchmark: guests/wasi/src/bigio.c writes MB mebibytes to a file in 64 KiB blocks,
# reads them back, and writes MB mebibytes to stdout (redirected to a file), natively (gcc -O2)
# and under Verge (whole process: launcher, JVM start-up, module load, run, exit). Prints a
# Markdown table of the median wall-clock and CPU (user + sys, all threads) times and the ratios
# to native, and checks that the outputs agree. Each is also run with 1 MB: the difference between
# the two is what the I/O itself costs, without the fixed start-up. Before every timed run the data
# file and the output are deleted and the page cache is flushed (sync), outside the timing:
# otherwise the kernel's writeback of the last run's 200 MB, and truncating a file still being
# written back, make the next run wait on the disk (native varied from 60 to 190 ms on a VM's disk).
# Rows:
#   verge   ./verge run, as a user types it: the launcher, its AOT cache (made before timing) and
#           the compilation cache (warm: the module is compiled once, before timing)
#   jar     java -jar cli/target/verge.jar run: the same jar, no launcher and no start-up archive
#   java    bigio written in Java (bench BigIoJava), same JDK, no flags: the JVM's own floor
#   base    BASE/verge run, another checkout's launcher (--base BASE, e.g. main's), for A/B
#   basejar java -jar BASE.jar run, another build's jar (--jar BASE.jar), for A/B without launchers
# The runs are interleaved (native, verge, jar, java, [base], native, ...) so that all see the same load.
# A last row runs the guest several times in one JVM (bench VergePhases) and gives the last,
# warm run's wall and main-thread CPU time: the I/O path with no start-up and no JIT compiling.
#
#   bench/wasi-io.sh [--runs N] [--mb MB] [--base CHECKOUT] [--jar BASE.jar]
#     (defaults: 5 runs, 100 MB; VERGE_CACHE=off makes every run compile its module)
set -euo pipefail
export VERGE_CACHE="${VERGE_CACHE:-on}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=5
mb=100
base=
basejar=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --mb) mb="$2"; shift 2 ;;
    --base) base="$(cd "$2" && pwd)"; shift 2 ;;
    --jar) basejar="$2"; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/verge-wasi-io.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/native" "$work/dir"
gcc -O2 -Wall -Wextra -Werror -o "$work/native/bigio" guests/wasi/src/bigio.c
./verge --version >/dev/null   # builds the jar first, outside the timings
. scripts/jdk.sh               # $JAVA: the JDK 25 that ./verge uses; the jar is run directly
./mvnw -q -o -pl bench -am package -DskipTests >/dev/null 2>&1 || ./mvnw -q -pl bench -am package -DskipTests >&2
java="$JAVA"

names=(native verge jar java)
[ -n "$base" ] && names+=(base)
[ -n "$basejar" ] && names+=(basejar)

# The command line of configuration $1 for $2 mebibytes.
command_of() {
  case "$1" in
    native) echo "$work/native/bigio $work/dir/data $2" ;;
    verge) echo "./verge run --dir $work/dir::/dir guests/wasi/wasm/bigio.wasm /dir/data $2" ;;
    jar) echo "$java -jar cli/target/verge.jar run --dir $work/dir::/dir guests/wasi/wasm/bigio.wasm /dir/data $2" ;;
    java) echo "$java -cp bench/target/benchmarks.jar dev.verge.bench.programs.BigIoJava $work/dir/data $2" ;;
    base) echo "$base/verge run --dir $work/dir::/dir guests/wasi/wasm/bigio.wasm /dir/data $2" ;;
    basejar) echo "$java -jar $basejar run --dir $work/dir::/dir guests/wasi/wasm/bigio.wasm /dir/data $2" ;;
  esac
}

# Outside the timings: the module compiled into the cache, and each launcher's start-up archive
# made (its first run records what to archive, the second makes the archive in the background).
warm_up() {
  local target=$1/cli/target i
  for i in 1 2 3; do
    # shellcheck disable=SC2046
    $(command_of "$2" 1) >/dev/null 2>&1
    # The second run makes the AOT cache in the background: wait for it (at most a minute).
    for _ in $(seq 120); do
      { [ "$i" -ge 2 ] && [ -f "$target/verge-run.aotconf" ] && [ ! -f "$target/verge-run.aot" ]; } || break
      sleep 0.5
    done
  done
}
warm_up "$root" verge
[ -n "$base" ] && warm_up "$base" base

# Sets children_ms to the user + sys CPU milliseconds of every child this shell has waited for,
# from the `times` builtin (getrusage, to the millisecond; /usr/bin/time rounds to 10 ms). Only
# builtins and no $(...): a subshell starts with counters of its own, all zero.
children_cpu() {
  local user sys
  times > "$work/times"
  { read -r _ _; read -r user sys; } < "$work/times"
  seconds_ms "$user"; children_ms=$ms
  seconds_ms "$sys"; children_ms=$(( children_ms + ms ))
}

# Sets ms from a `times` figure: 1m2.345s -> 62345.
seconds_ms() {
  local t=${1%s} seconds
  seconds=${t#*m}
  ms=$(( ${t%%m*} * 60000 + 10#${seconds%%.*} * 1000 + 10#${seconds#*.} ))
}

declare -A walls cpus
for _ in $(seq "$runs"); do
  for size in "$mb" 1; do
    for name in "${names[@]}"; do
      rm -f "$work/dir/data" "$work/out"
      sync
      cmd=$(command_of "$name" "$size")
      children_cpu; cpu0=$children_ms
      wall0=${EPOCHREALTIME/./}
      # shellcheck disable=SC2086
      $cmd >"$work/out" 2>"$work/err"
      wall1=${EPOCHREALTIME/./}
      children_cpu
      walls[$name,$size]+="$(( (wall1 - wall0) / 1000 )) "
      cpus[$name,$size]+="$(( children_ms - cpu0 )) "
      if [ "$size" = "$mb" ]; then
        echo "$(cat "$work/err") $(stat -c %s "$work/out")" > "$work/check.$name"
      fi
    done
  done
done

for name in "${names[@]}"; do
  if ! cmp -s "$work/check.native" "$work/check.$name"; then
    echo "outputs differ: native '$(cat "$work/check.native")', $name '$(cat "$work/check.$name")'" >&2
    exit 1
  fi
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| ${mb} MB to a file, read back, ${mb} MB to stdout (median of $runs) | wall ms | ratio wall | CPU ms | ratio CPU | I/O only wall ms | I/O only ratio wall |"
echo "|---|---:|---:|---:|---:|---:|---:|"
nc=$(echo "${cpus[native,$mb]}" | median)
nw=$(echo "${walls[native,$mb]}" | median); nsw=$(echo "${walls[native,1]}" | median)
for name in "${names[@]}"; do
  w=$(echo "${walls[$name,$mb]}" | median); c=$(echo "${cpus[$name,$mb]}" | median)
  sw=$(echo "${walls[$name,1]}" | median); sc=$(echo "${cpus[$name,1]}" | median)
  case "$name" in
    native) label="native (gcc -O2)" ;;
    verge) label="./verge run, this tree (whole process: launcher, JVM start, load, run, exit)" ;;
    jar) label="java -jar verge.jar run, this tree (no launcher, no start-up archive)" ;;
    java) label="the same program in Java (BigIoJava: the JVM's floor, no Wasm)" ;;
    base) label="$base/verge run" ;;
    basejar) label="java -jar $basejar run" ;;
  esac
  awk -v l="$label" -v w="$w" -v c="$c" -v sw="$sw" -v nw="$nw" -v nc="$nc" -v nsw="$nsw" 'BEGIN {
    nio = nw - nsw; if (nio < 1) nio = 1
    printf "| %s | %d | %.2f | %d | %.2f | %d | %.2f |\n", l, w, w / nw, c, c / nc, w - sw, (w - sw) / nio }'
done

# Warm runs in one JVM: the last of 5 runs' wall and main-thread CPU (user + sys) milliseconds.
warm_w=() warm_c=()
for _ in $(seq "$runs"); do
  "$java" -cp bench/target/benchmarks.jar dev.verge.bench.programs.VergePhases --runs 5 --dir "$work/dir::/dir" \
    guests/wasi/wasm/bigio.wasm /dir/data "$mb" >"$work/out" 2>"$work/err"
  read -r w c < <(awk '/^run 5/ { print int($3), int($6) }' "$work/err")
  warm_w+=("$w"); warm_c+=("$c")
done
ww=$(echo "${warm_w[*]}" | median); wc=$(echo "${warm_c[*]}" | median)
awk -v w="$ww" -v c="$wc" -v nw="$nw" -v nc="$nc" 'BEGIN {
  printf "| verge, warm run in one JVM (5th run; main-thread CPU), against native whole | %d | %.2f | %d | %.2f | | |\n", w, w / nw, c, c / nc }'

