#!/usr/bin/env bash
# WASI I/O benchmark: guests/wasi/src/bigio.c writes MB mebibytes to a file in 64 KiB blocks,
# reads them back, and writes MB mebibytes to stdout (redirected to a file), natively (gcc -O2)
# and under `verge run` (whole process: JVM start-up, compilation and run). Prints a Markdown
# table of the median wall-clock times and the ratio to native, and checks both outputs agree.
#
#   bench/wasi-io.sh [--runs N] [--mb MB]     (defaults: 5 runs, 100 MB)
set -euo pipefail

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

# Median of the wall-clock milliseconds of running "$@" $runs times; stdout to $work/out.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >"$work/out" 2>"$work/err"
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

native=$(median_ms "$work/native/bigio" "$work/dir/data" "$mb")
native_err=$(cat "$work/err")
native_size=$(stat -c %s "$work/out")
verge=$(median_ms ./verge run --dir "$work/dir::/dir" guests/wasi/wasm/bigio.wasm /dir/data "$mb")
verge_err=$(cat "$work/err")
verge_size=$(stat -c %s "$work/out")

if [ "$native_err" != "$verge_err" ] || [ "$native_size" != "$verge_size" ]; then
  echo "outputs differ: native '$native_err' ($native_size bytes), verge '$verge_err' ($verge_size bytes)" >&2
  exit 1
fi

echo "| ${mb} MB to a file, read back, ${mb} MB to stdout | wall ms (median of $runs) | ratio |"
echo "|---|---:|---:|"
echo "| native (gcc -O2) | $native | 1.00 |"
awk -v v="$verge" -v n="$native" 'BEGIN { printf "| verge run | %d | %.2f |\n", v, v / n }'
