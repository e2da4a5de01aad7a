#!/usr/bin/env bash
# Jetty 12 or Netty 4.2 for the edge host? Drives both with wrk on loopback, same connections and
# threads, and prints a Markdown table of requests/s, p50/p99 latency, the server's CPU time
# (user+sys, from /proc) per request and the load average when each run started, one row per
# run, then the medians over the rounds.
#
#   bench/server-choice.sh [SECONDS] [CONNECTIONS] [ROUNDS]     (defaults: 10 32 2)
#
# The servers (dev.verge.bench.server.ServerChoice, in bench/target/benchmarks.jar) run at once
# in three JVMs with the same flags: jetty (set up as the edge host sets it up), jetty-vt (Jetty
# calling the handler on a virtual thread itself, so no hop of our own; every path then runs on a
# virtual thread, /inline included) and netty (NIO transport). Each answers the same fixed 23-byte
# body on four paths:
#   /inline    on the server's own I/O thread (each library's best case)
#   /vt        from a fresh virtual thread, as the edge host answers every request (its ceiling)
#   /vt-sleep  the virtual thread blocks 1 ms first (a guest waiting on I/O)
#   /vt-cpu    the virtual thread burns 50 us of CPU first (a guest computing)
# Every path is warmed up on every server first; then each round measures every path on each,
# rotating which server goes first, so they are compared in the same minutes.
# Needs wrk (Debian: apt-get install wrk) and a JDK 25 (JAVA_HOME or the machine's JVM folder).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-10}"
connections="${2:-32}"
rounds="${3:-2}"
threads=2
command -v wrk >/dev/null || { echo "server-choice: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
. scripts/jdk.sh   # exports JAVA_HOME and JAVA: a JDK 25+, also when JAVA_HOME names an older one
java="$JAVA"
jar="$root/bench/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find bench/src bench/pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -q -pl bench -am package -DskipTests >&2
fi

servers=(jetty jetty-vt netty)
declare -A port=([jetty]=18301 [netty]=18302 [jetty-vt]=18303)
declare -A pid=()
jvm_flags=(-Xms256m -Xmx256m -XX:+UseParallelGC)
for s in "${servers[@]}"; do
  "$java" "${jvm_flags[@]}" -cp "$jar" dev.verge.bench.server.ServerChoice "$s" "${port[$s]}" >/dev/null 2>&1 &
  pid[$s]=$!
done
trap 'kill ${pid[jetty]} ${pid[jetty-vt]} ${pid[netty]} 2>/dev/null; wait 2>/dev/null' EXIT
for s in "${servers[@]}"; do
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
echo "warming up: every path on every server for ${seconds}s..." >&2
for path in "${paths[@]}"; do
  for s in "${servers[@]}"; do
    wrk -t"$threads" -c"$connections" -d"${seconds}s" "http://127.0.0.1:${port[$s]}$path" >/dev/null
  done
done

echo "machine: $(nproc) CPUs, $(uname -sr); $("$java" -version 2>&1 | head -1); wrk -t$threads -c$connections -d${seconds}s; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "JVM flags (all): ${jvm_flags[*]}"
echo
echo "| server | path | requests/s | p50 | p99 | server CPU s | CPU us/request | load avg (1 min) | non-2xx / errors |"
echo "|---|---|---|---|---|---|---|---|---|"
rows="$(mktemp)"
trap 'kill ${pid[jetty]} ${pid[jetty-vt]} ${pid[netty]} 2>/dev/null; wait 2>/dev/null; rm -f "$rows"' EXIT
for r in $(seq 1 "$rounds"); do
  case $((r % 3)) in
    1) order=(jetty jetty-vt netty) ;;
    2) order=(netty jetty jetty-vt) ;;
    0) order=(jetty-vt netty jetty) ;;
  esac
  for path in "${paths[@]}"; do
    for s in "${order[@]}"; do
      measure "$s" "$path" | tee -a "$rows"
    done
  done
done

echo
echo "Medians over $rounds round(s):"
echo
awk '
BEGIN { FS = " *\\| *" }
/^\| (jetty|jetty-vt|netty) \|/ {
  k = $2 " " $3; n[k]++; rps[k, n[k]] = $4; p50[k, n[k]] = $5; p99[k, n[k]] = $6; cpu[k, n[k]] = $8
  if (!(k in seen)) { seen[k] = 1; order[++m] = k }
}
function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
function median(arr, k, cnt, conv,   i, j, t, a) {
  for (i = 1; i <= cnt; i++) a[i] = conv ? ms(arr[k, i]) : arr[k, i] + 0
  for (i = 1; i <= cnt; i++) for (j = i + 1; j <= cnt; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
  return cnt % 2 ? a[(cnt + 1) / 2] : (a[cnt / 2] + a[cnt / 2 + 1]) / 2
}
END {
  print "| path | server | requests/s | p50 (ms) | p99 (ms) | server CPU us/request | runs |"
  print "|---|---|---|---|---|---|---|"
  np = split("/inline /vt /vt-sleep /vt-cpu", paths, " ")
  ns = split("jetty jetty-vt netty", servers, " ")
  for (p = 1; p <= np; p++) for (s = 1; s <= ns; s++) {
    k = servers[s] " " paths[p]; if (!(k in n)) continue
    printf "| %s | %s | %.0f | %.2f | %.1f | %.0f | %d |\n", paths[p], servers[s], median(rps, k, n[k], 0), median(p50, k, n[k], 1), median(p99, k, n[k], 1), median(cpu, k, n[k], 0), n[k]
  }
}
' "$rows"
