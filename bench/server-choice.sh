#!/usr/bin/env bash
# Jetty 12 or Netty 4.2 for the edge host? Drives both with wrk on loopback, same connections and
# threads, and prints a Markdown table of requests/s, p50/p99 latency, the server's CPU time
# (user+sys, from /proc) per request and the load average when each run started.
#
#   bench/server-choice.sh [SECONDS] [CONNECTIONS] [ROUNDS]     (defaults: 10 32 2)
#
# Both servers (dev.verge.bench.server.ServerChoice, in bench/target/benchmarks.jar) run at once
# in two JVMs with the same flags and answer the same fixed 23-byte body on four paths:
#   /inline    on the server's own I/O thread (each library's best case)
#   /vt        from a fresh virtual thread, as the edge host answers every request (its ceiling)
#   /vt-sleep  the virtual thread blocks 1 ms first (a guest waiting on I/O)
#   /vt-cpu    the virtual thread burns 50 us of CPU first (a guest computing)
# Every path is warmed up on both servers first; then each round measures every path on both,
# alternating which server goes first, so the two are compared in the same minutes.
# Needs wrk (Debian: apt-get install wrk) and a JDK 25 (JAVA_HOME or the machine's JVM folder).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-10}"
connections="${2:-32}"
rounds="${3:-2}"
threads=2
command -v wrk >/dev/null || { echo "server-choice: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$java_home/bin/java"
jar="$root/bench/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find bench/src bench/pom.xml -newer "$jar" -print -quit)" ]; then
  JAVA_HOME="$java_home" ./mvnw -q -pl bench -am package -DskipTests >&2
fi

declare -A port=([jetty]=18301 [netty]=18302)
declare -A pid=()
jvm_flags=(-Xms256m -Xmx256m -XX:+UseParallelGC)
for s in jetty netty; do
  "$java" "${jvm_flags[@]}" -cp "$jar" dev.verge.bench.server.ServerChoice "$s" "${port[$s]}" >/dev/null 2>&1 &
  pid[$s]=$!
done
trap 'kill ${pid[jetty]} ${pid[netty]} 2>/dev/null; wait 2>/dev/null' EXIT
for s in jetty netty; do
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:${port[$s]}/inline" >/dev/null 2>&1 && break
    sleep 0.2
  done
done

tick="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime of the whole JVM

measure() { # SERVER PATH -> one table row
  local s="$1" path="$2" before after load out
  load="$(cut -d' ' -f1 /proc/loadavg)"
  before="$(cpu_ticks "${pid[$s]}")"
  out="$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:${port[$s]}$path")"
  after="$(cpu_ticks "${pid[$s]}")"
  awk -v s="$s" -v path="$path" -v ticks="$((after - before))" -v tick="$tick" -v load="$load" '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2}
    /^ +99%/ {p99=$2}
    / requests in / {n=$1}
    /Non-2xx/ {bad+=$NF}
    /Socket errors/ {err=$0}
    END {cpu=ticks/tick;
         printf "| %s | %s | %s | %s | %s | %.1f | %.0f | %s | %s |\n", s, path, rps, p50, p99, cpu,
                (n > 0 ? 1e6*cpu/n : 0), load, (bad+0) (err == "" ? "" : "; " err)}' <<<"$out"
}

paths=(/inline /vt /vt-sleep /vt-cpu)
echo "warming up: every path on both servers for ${seconds}s..." >&2
for path in "${paths[@]}"; do
  for s in jetty netty; do
    wrk -t"$threads" -c"$connections" -d"${seconds}s" "http://127.0.0.1:${port[$s]}$path" >/dev/null
  done
done

echo "machine: $(nproc) CPUs, $(uname -sr); $("$java" -version 2>&1 | head -1); wrk -t$threads -c$connections -d${seconds}s; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "JVM flags (both): ${jvm_flags[*]}"
echo
echo "| server | path | requests/s | p50 | p99 | server CPU s | CPU us/request | load avg (1 min) | non-2xx / errors |"
echo "|---|---|---|---|---|---|---|---|---|"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order=(jetty netty); else order=(netty jetty); fi
  for path in "${paths[@]}"; do
    for s in "${order[@]}"; do
      measure "$s" "$path"
    done
  done
done
