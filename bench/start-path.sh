#!/usr/bin/env bash
# The CPU time of `verge run`'s path from main to the guest's first system call, on a
# compilation-cache hit: reading the module and the cache entry, deserializing, WASI set-up,
# instantiation and the guest's libc start-up. bigio without arguments prints its usage on stderr
# at once; a small main (compiled here, not part of Verge) gives RunCommand a stderr that records
# the guest thread's CPU time (ThreadMXBean) at that first write, and the main thread's CPU since
# main. Each build runs with its own start-up archive made first (MODE aot: the JDK's AOT cache, as
# the launcher's default; cds: a dynamic CDS archive, as VERGE_AOT=0; none), with the launcher's
# JVM flags, interleaved with the other builds. Prints a Markdown table of medians.
#
#   bench/start-path.sh [--runs N] [--mode aot|cds|none] [--base DIR]...
#     DIR holds another build's verge-start.jar and verge.jar (e.g. OTHER_CHECKOUT/cli/target)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=11
mode=aot
bases=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --base) bases+=("$(cd "$2" && pwd)"); shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/verge-start-path.XXXXXX")"
trap 'rm -rf "$work"' EXIT
./verge --version >/dev/null   # builds the jars first, outside the timings
. scripts/jdk.sh               # $JAVA: the JDK 25 that ./verge uses
export XDG_CACHE_HOME="$work/xdg"
mkdir -p "$work/dir" "$work/timing/dev/verge/cli"

# The builds, each frozen as a copy: "this" and base1, base2, ...
names=(this)
mkdir -p "$work/this" && cp cli/target/verge-start.jar cli/target/verge.jar "$work/this/"
for i in "${!bases[@]}"; do
  names+=("base$((i + 1))")
  mkdir -p "$work/base$((i + 1))" && cp "${bases[$i]}/verge-start.jar" "${bases[$i]}/verge.jar" "$work/base$((i + 1))/"
done

cat > "$work/timing/dev/verge/cli/StartPath.java" <<'EOF'
package dev.verge.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Main's quick path for `verge run`, with a stderr that reports the CPU time at its first write. */
public final class StartPath {
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        PrintStream report = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        long mainId = Thread.currentThread().threadId();
        long mainAtEntry = mx.getCurrentThreadCpuTime();
        RunCommand run = QuickRun.parse(args);
        run.stdout = OutputStream.nullOutputStream();
        run.stderr = new OutputStream() {
            private boolean seen;

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (!seen) {
                    seen = true;
                    long guest = mx.getCurrentThreadCpuTime();
                    long main = mx.getThreadCpuTime(mainId) - mainAtEntry;
                    report.println("START " + guest / 1000 + " " + main / 1000);
                }
            }
        };
        Main.exitNow(QuickRun.execute(run));
    }
}
EOF
"$JAVA_HOME/bin/javac" -d "$work/timing" -cp "$work/this/verge-start.jar:$work/this/verge.jar" "$work/timing/dev/verge/cli/StartPath.java"
"$JAVA_HOME/bin/jar" cf "$work/timing.jar" -C "$work/timing" dev

flags=(-XX:+UnlockDiagnosticVMOptions -XX:-DontCompileHugeMethods -XX:ArchiveRelocationMode=0)
quiet=(-Xlog:cds*=off,aot*=off,class+path*=off)
module=guests/wasi/wasm/bigio.wasm

# One run of build $1 with extra JVM options $2...; prints "guest_us main_us".
run_once() {
  local b=$1
  shift
  "$JAVA" "${flags[@]}" "$@" -cp "$work/timing.jar:$work/$b/verge-start.jar:$work/$b/verge.jar" dev.verge.cli.StartPath \
      run --dir "$work/dir::/dir" "$module" 2>&1 >/dev/null | sed -n 's/^START //p' || true # bigio's usage exits with 2
}

archive_opts() {
  case $mode in
    aot) echo "-XX:AOTCache=$work/$1/run.aot ${quiet[*]}" ;;
    cds) echo "-XX:SharedArchiveFile=$work/$1/run.jsa ${quiet[*]}" ;;
    none) echo "" ;;
    *) echo "unknown mode: $mode" >&2; exit 2 ;;
  esac
}

# Outside the timings: each build's cache entry, then its archive.
for b in "${names[@]}"; do
  run_once "$b" >/dev/null
  case $mode in
    aot)
      run_once "$b" -XX:AOTMode=record -XX:AOTConfiguration="$work/$b/run.aotconf" -XX:-AOTRecordTraining "${quiet[@]}" >/dev/null
      "$JAVA" "${flags[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$work/$b/run.aotconf" -XX:AOTCache="$work/$b/run.aot" "${quiet[@]}" \
          -cp "$work/timing.jar:$work/$b/verge-start.jar:$work/$b/verge.jar" dev.verge.cli.StartPath >/dev/null 2>&1
      ;;
    cds) run_once "$b" -XX:SharedArchiveFile="$work/$b/run.jsa" -XX:+AutoCreateSharedArchive "${quiet[@]}" >/dev/null ;;
  esac
  case $mode in
    aot) [ -f "$work/$b/run.aot" ] || echo "warning: no AOT cache was made for $b" >&2 ;;
    cds) [ -f "$work/$b/run.jsa" ] || echo "warning: no CDS archive was made for $b" >&2 ;;
  esac
done

for _ in $(seq "$runs"); do
  for b in "${names[@]}"; do
    # shellcheck disable=SC2046
    run_once "$b" $(archive_opts "$b") >> "$work/$b.times"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'; }
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime); mode $mode; median of $runs runs, interleaved"
echo
echo "| build | guest thread CPU ms (start to first write) | main thread CPU ms | total CPU ms |"
echo "|---|---:|---:|---:|"
for i in "${!names[@]}"; do
  b=${names[$i]}
  label=$b
  [ "$i" -gt 0 ] && label=${bases[$((i - 1))]}
  printf '| %s | %s | %s | %s |\n' "$label" "$(awk '{print $1}' "$work/$b.times" | median)" \
      "$(awk '{print $2}' "$work/$b.times" | median)" "$(awk '{print $1 + $2}' "$work/$b.times" | median)"
done
