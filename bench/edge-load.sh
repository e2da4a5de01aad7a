#!/usr/bin/env bash
# Load test of the edge host on loopback with wrk (Debian package `wrk`):
#   bench/edge-load.sh [SECONDS] [CONNECTIONS]
# VERGE_JAR=path/to/verge.jar runs that jar instead of ./verge (to compare two builds side by side;
# the JVM flags are then VERGE_JAVA_OPTS only).
# Starts `verge serve` on a fresh store (seeded with the examples) and measures, in the same run,
#   1. hello (examples/hello): a fresh Wasm instance per request, WAGI end to end;
#   2. /_verge/baseline: a plain Java handler on the same server and the same virtual-thread hop
#      (the ceiling).
# Prints requests/s and p50/p99 latency of each, their ratio, the server's CPU time (user+sys)
# per request in each run (read from /proc: steadier than requests/s on a shared machine), and
# the instantiation time p50/p99 read from the server's Prometheus histogram (bucket upper
# bounds). Nothing is asserted.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-10}"
connections="${2:-16}"
port=18180
admin=18181
store="$(mktemp -d "${TMPDIR:-/tmp}/verge-load-store.XXXXXX")"
command -v wrk >/dev/null || { echo "edge-load: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

if [ -n "${VERGE_JAR:-}" ]; then
  . "$root/scripts/jdk.sh"
  verge=("$JAVA" ${VERGE_JAVA_OPTS:-} -jar "$VERGE_JAR")
else
  "$root/verge" --version >/dev/null   # builds the jar when stale, before the clock starts
  verge=("$root/verge")
fi
"${verge[@]}" serve --store "$store" --listen "127.0.0.1:$port" --admin "127.0.0.1:$admin" 2>/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$store"' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/_verge/health" >/dev/null 2>&1 && break
  sleep 0.2
done

ticks="$(getconf CLK_TCK)"
cpu_ticks() { # the server's user+sys CPU time so far, in clock ticks
  awk '{print $14 + $15}' "/proc/$server/stat"
}

run() { # URL -> "rps p50 p99 non2xx cpu_us_per_request"
  local before after
  before="$(cpu_ticks)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" > "$store/wrk.out"
  after="$(cpu_ticks)"
  awk -v cpu="$((after - before))" -v hz="$ticks" '
    /requests in/ {n=$1}
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2}
    /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$NF}
    END {printf "%s %s %s %s %.1f\n", rps, p50, p99, (bad == "" ? 0 : bad), (n > 0 ? cpu / hz * 1e6 / n : 0)}' "$store/wrk.out"
}

echo "warming up (JIT) for ${seconds}s each..."
run "http://127.0.0.1:$port/hello/" >/dev/null
run "http://127.0.0.1:$port/_verge/baseline" >/dev/null

read -r hello_rps hello_p50 hello_p99 hello_bad hello_cpu <<<"$(run "http://127.0.0.1:$port/hello/")"
read -r base_rps base_p50 base_p99 base_bad base_cpu <<<"$(run "http://127.0.0.1:$port/_verge/baseline")"

token="$(cat "$store/admin-token")"
inst="$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$admin/metrics" | awk -F'[{}" ]+' '
  /^verge_instantiation_duration_seconds_bucket\{app="hello"/ {le[n]=$5; c[n]=$NF; n++}
  END {total=c[n-1]; p50="?"; p99="?";
       for (i=0;i<n;i++) { if (p50=="?" && c[i] >= total*0.5) p50=le[i]; if (p99=="?" && c[i] >= total*0.99) p99=le[i]; }
       print p50, p99}')"

echo
echo "machine: $(nproc) CPUs, $(uname -sr); wrk -t2 -c$connections -d${seconds}s; $(date -u +%Y-%m-%d); load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-32s %12s %10s %10s %8s %16s\n' "handler" "requests/s" "p50" "p99" "non-2xx" "server CPU/req"
printf '%-32s %12s %10s %10s %8s %13s us\n' "hello.wasm (fresh instance)" "$hello_rps" "$hello_p50" "$hello_p99" "$hello_bad" "$hello_cpu"
printf '%-32s %12s %10s %10s %8s %13s us\n' "plain Java (ceiling)" "$base_rps" "$base_p50" "$base_p99" "$base_bad" "$base_cpu"
awk -v a="$hello_rps" -v b="$base_rps" 'BEGIN {printf "hello / ceiling: %.0f%%\n", 100*a/b}'
echo "instantiation (WASI state + instance) per request, histogram bucket bounds: p50 <= ${inst% *} s, p99 <= ${inst#* } s"
