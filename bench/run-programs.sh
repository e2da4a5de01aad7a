#!/usr/bin/env bash
# Whole-program comparison: runs every guest program (guests/wasm/*.wasm) natively and on each
# engine, whole process (start-up, compilation and run), and prints Markdown tables of median
# wall-clock and CPU times and ratios to native, with the geometric mean of the ratios.
#
#   bench/run-programs.sh [--runs N] [--slow-runs N] [--engines LIST] [--programs LIST]
#                         [--arg PROGRAM=ARG]...
#
#   --runs N          repetitions per engine and program (default 5); the median is reported
#   --slow-runs N     repetitions for the Chicory interpreter, ~100x native (default 1)
#   --engines LIST    comma-separated subset of: chicory-interp,chicory-compiler,node,verge,
#                     verge-cached (verge run hitting its compilation cache: one untimed run
#                     fills a cache under bench/target first, as a second `verge run` would)
#   --programs LIST   comma-separated subset of the guest names (default: all)
#   --arg P=A         run program P with argument A instead of its default size (smoke tests)
#
# Every engine's output is compared with the native output: a mismatch is reported as "wrong",
# a failure (missing engine, non-zero exit) as "n/a". Needs gcc (native builds), a JDK 25 (for
# Chicory; JAVA_HOME or the machine's JVM folder) and node >= 20 (node:wasi).
set -euo pipefail
# Every run compiles its module, as the figures published before the compilation cache did (and as
# the engines compared with do); VERGE_CACHE=on measures runs that hit the cache instead.
export VERGE_CACHE="${VERGE_CACHE:-off}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

runs=5
slow_runs=1
engines="chicory-interp,chicory-compiler,node,verge"
programs=""
declare -A program_arg=()

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --slow-runs) slow_runs="$2"; shift 2 ;;
    --engines) engines="$2"; shift 2 ;;
    --programs) programs="$2"; shift 2 ;;
    --arg) program_arg["${2%%=*}"]="${2#*=}"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

. scripts/jdk.sh   # exports JAVA_HOME and JAVA: a JDK 25+, also when JAVA_HOME names an older one
java="$JAVA"

if [ -z "$programs" ]; then
  programs="$(ls guests/wasm/*.wasm | xargs -n1 basename | sed 's/\.wasm$//' | paste -sd, -)"
fi
IFS=, read -r -a program_list <<< "$programs"
IFS=, read -r -a engine_list <<< "$engines"

work="$root/bench/target/programs"
mkdir -p "$work"
echo "building native binaries (gcc -O2) into $work/native" >&2
guests/build.sh native "$work/native"

jar="$root/bench/target/benchmarks.jar"
if [[ ",$engines," == *,chicory-* ]] && [ ! -f "$jar" ]; then
  echo "building $jar" >&2
  ./mvnw -q -pl bench -am package -DskipTests >&2
fi
if [[ ",$engines," == *,verge* ]]; then
  # Let the launcher build its jar now, so no timed run pays for it.
  ./verge --version >/dev/null 2>&1 || true
fi

# The command line of an engine for one program, as an array in $cmd.
command_for() {
  local engine="$1" program="$2" module="guests/wasm/$2.wasm"
  case "$engine" in
    native) cmd=("$work/native/$program") ;;
    chicory-interp) cmd=("$java" -cp "$jar" dev.verge.bench.programs.ChicoryRun interpreter "$module") ;;
    chicory-compiler) cmd=("$java" -cp "$jar" dev.verge.bench.programs.ChicoryRun compiler "$module") ;;
    node) cmd=(node --no-warnings bench/scripts/node-wasi.mjs "$module") ;;
    verge) cmd=(./verge run "$module") ;;
    verge-cached) cmd=(env VERGE_CACHE=on XDG_CACHE_HOME="$work/cache" ./verge run "$module") ;;
  esac
  if [ -n "${program_arg[$program]:-}" ]; then
    cmd+=("${program_arg[$program]}")
  fi
}

# Runs one engine on one program $3 times; prints "WALL CPU" (medians in seconds; CPU is user +
# system of the whole process tree), or "n/a" or "wrong".
measure() {
  local engine="$1" program="$2" count="$3" i out="$work/$2.$1"
  command_for "$engine" "$program"
  : > "$out.times"
  if [ "$engine" = verge-cached ]; then
    "${cmd[@]}" > /dev/null 2>&1 || true   # fills the cache; not timed
  fi
  for ((i = 0; i < count; i++)); do
    if ! /usr/bin/time -f '%e %U %S' -o "$out.time" "${cmd[@]}" > "$out.out" 2> "$out.err"; then
      echo "n/a"
      return
    fi
    if [ "$engine" != native ] && ! cmp -s "$out.out" "$work/$program.native.out"; then
      echo "wrong"
      return
    fi
    tail -1 "$out.time" >> "$out.times"
  done
  median() { sort -n | awk '{ t[NR] = $1 } END {
    printf "%.2f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
  echo "$(awk '{ print $1 }' "$out.times" | median) $(awk '{ print $2 + $3 }' "$out.times" | median)"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A result=()
for program in "${program_list[@]}"; do
  result[$program,native]="$(measure native "$program" "$runs")"
  echo "$program native: ${result[$program,native]} s" >&2
  for engine in "${engine_list[@]}"; do
    count="$runs"
    [ "$engine" = chicory-interp ] && count="$slow_runs"
    result[$program,$engine]="$(measure "$engine" "$program" "$count")"
    echo "$program $engine: ${result[$program,$engine]}" >&2
  done
done

# One table of field $1 (1 = wall, 2 = CPU): a column per engine, "seconds (ratio to native)",
# and a last row of geometric means over the programs where the engine worked.
table() {
  local field="$1" header="| program | native" rule="|---|---:" program engine native value ratio line
  local -A log_sum=() ok_count=()
  for engine in "${engine_list[@]}"; do
    header+=" | $engine"
    rule+="|---:"
  done
  echo "$header |"
  echo "$rule|"
  for program in "${program_list[@]}"; do
    native="$(cut -d' ' -f"$field" <<< "${result[$program,native]}")"
    line="| $program | $native s"
    for engine in "${engine_list[@]}"; do
      value="${result[$program,$engine]}"
      if [[ "$value" =~ ^[0-9.]+\ [0-9.]+$ ]]; then
        value="$(cut -d' ' -f"$field" <<< "$value")"
      fi
      if [[ "$value" =~ ^[0-9.]+$ ]] && awk -v b="$native" 'BEGIN { exit !(b > 0) }'; then
        ratio=$(awk -v a="$value" -v b="$native" 'BEGIN { printf "%.1f", a / b }')
        line+=" | $value s (${ratio}x)"
        log_sum[$engine]=$(awk -v s="${log_sum[$engine]:-0}" -v a="$value" -v b="$native" \
          'BEGIN { printf "%.6f", s + log(a / b) }')
        ok_count[$engine]=$(( ${ok_count[$engine]:-0} + 1 ))
      elif [[ "$value" =~ ^[0-9.]+$ ]]; then
        line+=" | $value s"
      else
        line+=" | $value"
      fi
    done
    echo "$line |"
  done
  line="| **geometric mean** | 1.0x"
  for engine in "${engine_list[@]}"; do
    if [ "${ok_count[$engine]:-0}" -gt 0 ]; then
      mean=$(awk -v s="${log_sum[$engine]}" -v n="${ok_count[$engine]}" 'BEGIN { printf "%.1f", exp(s / n) }')
      note=""
      [ "${ok_count[$engine]}" -lt "${#program_list[@]}" ] && note=" (${ok_count[$engine]} programs)"
      line+=" | **${mean}x**$note"
    else
      line+=" | n/a"
    fi
  done
  echo "$line |"
}

echo
echo "Wall-clock time:"
echo
table 1
echo
echo "CPU time (user + system, all threads):"
echo
table 2
echo
echo "Medians of $runs runs ($slow_runs for chicory-interp), whole process, seconds; $(nproc) cores," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $("$java" -version 2>&1 | head -1)," \
  "node $(node --version), $(gcc --version | head -1). Load average before: $load_before;" \
  "after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)."
