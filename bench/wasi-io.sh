#!/usr/bin/env bash
# WASI I/O benchmark: guests/wasi/src/bigio.c writes MB mebibytes to a file in 64 KiB blocks,
# reads them back, and writes MB mebibytes to stdout (redirected to a file), natively (gcc -O2)
# and under `verge run` (whole process: JVM start-up, compilation and run). Prints a Markdown
# table of the median wall-clock times and the ratio to native, and checks both outputs agree.
# Each is also run with 1 MB: the difference between the two runs is the cost of the I/O itself,
# without the fixed start-up (which for Verge is the JVM's start and the module's compilation).
#
#   bench/wasi-io.sh [--runs N] [--mb MB]     (defaults: 5 runs, 100 MB)
set -euo pipefail
# Every run compiles its module, as the figures published before the compilation cache did (and as
# the engines compared with do); VERGE_CACHE=on measures runs that hit the cache instead.
export VERGE_CACHE="${VERGE_CACHE:-off}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=5
mb=100
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --mb) mb="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/verge-wasi-io.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/native" "$work/dir"
gcc -O2 -Wall -Wextra -Werror -o "$work/native/bigio" guests/wasi/src/bigio.c
./verge --version >/dev/null   # builds the jar first, outside the timings
. scripts/jdk.sh               # $JAVA: the JDK 25 that ./verge uses; the jar is run directly
java="$JAVA"

# Runs "$@" $runs times (stdout to $work/out) and prints the median wall-clock and the median
# CPU (user + sys, all threads) milliseconds. CPU time is the steadier number on a busy machine.
median_ms() {
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/out" 2>"$work/err"
    read -r wall user sys < "$work/time"
    walls+=("$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
  done
  local mw mc
  mw=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mc=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$mw $mc"
}

native=$(median_ms "$work/native/bigio" "$work/dir/data" "$mb")
native_err=$(cat "$work/err")
native_size=$(stat -c %s "$work/out")
verge=$(median_ms "$java" -jar cli/target/verge.jar run --dir "$work/dir::/dir" guests/wasi/wasm/bigio.wasm /dir/data "$mb")
verge_err=$(cat "$work/err")
verge_size=$(stat -c %s "$work/out")

native_small=$(median_ms "$work/native/bigio" "$work/dir/data" 1)
verge_small=$(median_ms "$java" -jar cli/target/verge.jar run --dir "$work/dir::/dir" guests/wasi/wasm/bigio.wasm /dir/data 1)

if [ "$native_err" != "$verge_err" ] || [ "$native_size" != "$verge_size" ]; then
  echo "outputs differ: native '$native_err' ($native_size bytes), verge '$verge_err' ($verge_size bytes)" >&2
  exit 1
fi

read -r nw nc <<< "$native"; read -r nsw nsc <<< "$native_small"
read -r vw vc <<< "$verge"; read -r vsw vsc <<< "$verge_small"
echo "| ${mb} MB to a file, read back, ${mb} MB to stdout (median of $runs) | wall ms | CPU ms | I/O only: CPU ms of the ${mb} MB run minus the 1 MB run |"
echo "|---|---:|---:|---:|"
echo "| native (gcc -O2) | $nw | $nc | $((nc - nsc)) |"
echo "| verge run (whole process: JVM start, compile, run) | $vw | $vc | $((vc - vsc)) |"
awk -v vw="$vw" -v nw="$nw" -v vc="$vc" -v nc="$nc" -v vio=$((vc - vsc)) -v nio=$((nc - nsc)) 'BEGIN {
  if (nio < 1) nio = 1
  printf "| ratio verge / native | %.2f | %.2f | %.2f |\n", vw / nw, vc / nc, vio / nio }'
