#!/usr/bin/env bash
# Start-up benchmark of `verge run` on small runs, where the module's validation and compilation
# are most of the process's time: each program is run with compilation at every run (the cache
# off), with a cold compilation cache (emptied before each run: compile, then store), with a warm
# cache (a hit: the stored classes are loaded, nothing is validated or compiled), and from a
# `verge compile` output (.cwasm). Prints a Markdown table of median wall-clock and median CPU
# (user + sys, all threads) milliseconds over N runs; CPU is the steadier figure on a busy machine.
#
#   bench/startup.sh [--runs N] [--launcher]
#     --runs N     runs per figure (default 5)
#     --launcher   run ./verge (with whatever the launcher adds, e.g. a CDS archive, and its
#                  staleness check) instead of java -jar; VERGE_JAR=path runs another build's jar
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=5
launcher=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --launcher) launcher=1; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/verge-startup.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/dir"
./verge --version >/dev/null   # builds the jar first, outside the timings
. scripts/jdk.sh               # $JAVA: the JDK 25 that ./verge uses
jar="${VERGE_JAR:-cli/target/verge.jar}"
# The launcher's flags (./verge), without its staleness check.
verge=("$JAVA" -XX:+UnlockDiagnosticVMOptions -XX:-DontCompileHugeMethods -jar "$jar")
if [ "$launcher" = 1 ]; then verge=(./verge); fi
export XDG_CACHE_HOME="$work/xdg"

# Runs "$@" $runs times and prints "wall cpu", the median milliseconds of each. With
# EMPTY_CACHE=1 the cache directory is removed before each run (outside the timing).
median_ms() {
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    if [ "${EMPTY_CACHE:-0}" = 1 ]; then rm -rf "$XDG_CACHE_HOME"; fi
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
      echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
    read -r wall user sys < "$work/time"
    walls+=("$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
  done
  local mw mc
  mw=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mc=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$mw $mc"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each, ${verge[0]}, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| program | no cache wall / CPU ms | cold cache | warm cache | .cwasm | warm CPU / no-cache CPU |"
echo "|---|---|---|---|---|---|"
row() {
  local name=$1 module=$2; shift 2
  "${verge[@]}" compile "$module" -o "$work/$name.cwasm"
  local off cold warm cwasm
  off=$(VERGE_CACHE=off median_ms "${verge[@]}" run "$@" "$module" "${ARGS[@]}")
  cold=$(EMPTY_CACHE=1 median_ms "${verge[@]}" run "$@" "$module" "${ARGS[@]}")
  "${verge[@]}" run "$@" "$module" "${ARGS[@]}" >/dev/null 2>&1   # fills the cache
  warm=$(median_ms "${verge[@]}" run "$@" "$module" "${ARGS[@]}")
  cwasm=$(VERGE_CACHE=off median_ms "${verge[@]}" run "$@" "$work/$name.cwasm" "${ARGS[@]}")
  set -- $off; local offc=$2
  set -- $warm; local warmc=$2
  echo "| $name | ${off/ / / } | ${cold/ / / } | ${warm/ / / } | ${cwasm/ / / } | $(awk -v a="$warmc" -v b="$offc" 'BEGIN { printf "%.2f", a / b }') |"
}
ARGS=(20); row "fib 20" guests/wasm/fib.wasm
ARGS=(1000); row "interp 1000" guests/wasm/interp.wasm
ARGS=(/dir/data 1); row "bigio 1 MB" guests/wasi/wasm/bigio.wasm --dir "$work/dir::/dir"
