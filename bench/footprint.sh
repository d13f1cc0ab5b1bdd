#!/usr/bin/env bash
# Benchmark: the running bridge's footprint against a real PostgreSQL (Debian's server, started here), the FINS/UDP
# PLC simulator and the fake Odoo, all on loopback. Two phases, each a fresh database and a fresh bridge process:
#   idle  - all six tasks on, PLC read every 1 s, no MOs in Odoo: nothing to do but poll;
#   flow  - the same with MOs flowing (ten per cycle, 2 s batches, tasks every 1-5 s).
# Per phase it prints one line: start-up to "Scheduler started", RSS 60 s after that, CPU % of one core over the
# 60 s from 15 s to 75 s after start (steady state), threads, PLC requests/s and batches SYNCED in that window;
# then the threads that used the most CPU in the window (names from jcmd Thread.print).
#
# Usage (from the repo root, after `mvn -B -q package -DskipTests`; needs postgresql, e.g. apt-get install postgresql):
#   bench/footprint.sh                      the bridge as bin/odoo-plc-bridge launches it (its JVM options)
#   bench/footprint.sh --plain [JAR]        plain `java -jar JAR` (default target/odoo-plc-bridge.jar), no options;
#                                           an older build's application.properties and routes/ next to JAR are used
#   bench/footprint.sh --soak MINUTES       flow only, RSS every 5 minutes for MINUTES (leak check)
#   bench/footprint.sh --startup N          idle start-ups only, N times: wall time and CPU time to "Scheduler
#                                           started", classes loaded, RSS then (CPU time is the figure a loaded
#                                           machine disturbs least)
# bin/odoo-plc-bridge's settings pass through: BRIDGE_CDS=off (no class data sharing archive; the first start with it
# writes the archive at exit, later ones use it: the last column says which), JAVA_OPTS, MALLOC_ARENA_MAX.
# The simulator and fake Odoo always run from target/ (they are not measured). Figures from a shared machine are
# noisy: compare runs made one after the other; each line ends with the load average then.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target_jar="$root/target/odoo-plc-bridge.jar"
[ -f "$target_jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pg_bin" ] || { echo "needs Debian's PostgreSQL server: apt-get install postgresql" >&2; exit 1; }

# application.properties and routes/: the ones next to a --plain JAR when there are (an older build), else the repo's.
config=$root
launch=("$root/bin/odoo-plc-bridge")
how="bin/odoo-plc-bridge"
soak_minutes=0
startups=0
case "${1:-}" in
  --plain) jar=$(cd "$(dirname "${2:-$target_jar}")" && pwd)/$(basename "${2:-$target_jar}")
           launch=(java -jar "$jar"); how="java -jar $jar"
           [ -f "$(dirname "$jar")/application.properties" ] && config=$(dirname "$jar") ;;
  --soak) soak_minutes=${2:?--soak needs minutes} ;;
  "") ;;
  --startup) startups=${2:?--startup needs a count} ;;
  *) sed -n '10,20p' "$0" >&2; exit 2 ;;
esac
[ "${launch[0]}" = java ] || how="$how${JAVA_OPTS:+ JAVA_OPTS=$JAVA_OPTS}${MALLOC_ARENA_MAX:+ MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}"

work=$(mktemp -d)
chmod 755 "$work"  # the postgres user must reach its data directory
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_line() { # file pattern pid: waits until the pattern is in the file, fails if the process died
  until grep -q "$2" "$1" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || { echo "process $3 died:" >&2; cat "$1" >&2; exit 1; }
    sleep 0.02
  done
}
load() { cut -d' ' -f1 /proc/loadavg; }  # the machine's 1-minute load: figures from a loaded machine are noisy
cpu_ticks() { sed -E 's/^.*\) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
status_field() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status"; }
thread_ticks() { # tid ticks, one line per thread
  for t in /proc/"$1"/task/*; do
    echo "${t##*/} $(sed -E 's/^.*\) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}')"
  done
}
metric_sum() { (curl -s "127.0.0.1:$mgmt_port/observe/metrics" || true) | awk -v m="$1" 'index($0, m) == 1 {s += $NF} END {print s + 0}'; }
synced() { (curl -s "127.0.0.1:$http_port/api/batches?state=SYNCED&limit=1" || true) | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }

# PostgreSQL: a throw-away cluster on a free loopback port, run by the postgres user (initdb refuses root).
t0=$(date +%s%N)
mkdir "$work/pg" && chown postgres "$work/pg"
pg_port=$(free_port)
runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -U bench --auth=trust >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -w -l "$work/pg/log" \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
printf 'PostgreSQL %s (Debian, external): initdb + start %d ms, not part of the bridge figures\n' \
  "$("$pg_bin/postgres" --version | awk '{print $3}')" $(( ($(date +%s%N) - t0) / 1000000 ))

sim_cp="$target_jar:$root/target/lib/*"
sim_jvm=(java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$sim_cp")

phase() { # label mos window_seconds
  local label=$1 mos=$2 window=$3 dir="$work/$1"
  mkdir -p "$dir" && cp -r "$config/application.properties" "$config/routes" "$dir/"
  "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U bench "$label"
  "${sim_jvm[@]}" io.odooplc.bridge.sim.PlcSimulatorMain --port 0 --fins-port 0 --batch-seconds 2 > "$dir/plc.log" 2>&1 &
  local plc=$!; pids+=("$plc")
  "${sim_jvm[@]}" io.odooplc.bridge.sim.FakeOdooMain --port 0 --mos "$mos" > "$dir/odoo.log" 2>&1 &
  local odoo=$!; pids+=("$odoo")
  wait_line "$dir/plc.log" "^FINS on udp" "$plc"
  wait_line "$dir/odoo.log" "^Fake Odoo http" "$odoo"
  local fins_port odoo_url
  fins_port=$(sed -n 's/^FINS on udp [0-9.]*:\([0-9]*\),.*/\1/p' "$dir/plc.log")
  odoo_url=$(sed -n 's/^Fake Odoo \(http[^ ]*\) .*/\1/p' "$dir/odoo.log")
  http_port=$(free_port); mgmt_port=$(free_port)
  local intervals=(PLC_READ_INTERVAL=1s TASK_START_DELAY=1s)
  [ "$mos" -gt 0 ] && intervals+=(SYNC_INTERVAL=2s PROCESS_COMPLETED_INTERVAL=2s HEALTH_MONITOR_INTERVAL=5s
    EQUIPMENT_FAILURE_INTERVAL=3s ODOO_RETRY_BACKOFF=1s)
  local start bridge t_sched
  start=$(date +%s%N)
  (cd "$dir" && exec env DATABASE_URL="postgresql://bench:bench@127.0.0.1:$pg_port/$label" \
     PLC_PROTOCOL=udp PLC_IP=127.0.0.1 PLC_PORT="$fins_port" CLIENT_NODE=1 PLC_NODE=2 \
     ODOO_URL="$odoo_url" ODOO_DB=odoo14 ODOO_USERNAME=admin ODOO_PASSWORD=admin \
     HTTP_PORT="$http_port" MANAGEMENT_PORT="$mgmt_port" "${intervals[@]}" \
     "${launch[@]}" > "$dir/bridge.log" 2>&1) &
  bridge=$!; pids+=("$bridge")
  wait_line "$dir/bridge.log" "Scheduler started" "$bridge"
  t_sched=$(( ($(date +%s%N) - start) / 1000000 ))
  local cds  # what bin/odoo-plc-bridge did with its class data sharing archive, from the JVM's command line
  case "$(tr '\0' ' ' < "/proc/$bridge/cmdline")" in
    *SharedArchiveFile*) cds="CDS archive used" ;; *ArchiveClassesAtExit*) cds="CDS archive written at exit" ;;
    *) cds="no CDS archive" ;;
  esac
  if [ "$startups" -gt 0 ]; then
    printf '%-5s start-up %5d ms | CPU to start %5.1f s | classes %5d | RSS %4d MiB | load %s | %s, %s\n' "$label" \
      "$t_sched" "$(echo "$(cpu_ticks "$bridge") / $(getconf CLK_TCK)" | bc -l)" \
      "$(jstat -class "$bridge" 2>/dev/null | awk 'NR == 2 {print $1}')" \
      $(( $(status_field "$bridge" VmRSS) / 1024 )) "$(load)" "$how" "$cds"
  elif [ "$soak_minutes" -gt 0 ]; then
    local m
    for (( m = 5; m <= soak_minutes; m += 5 )); do
      sleep 300
      printf '%-5s %3d min: RSS %4d MiB  threads %3d  SYNCED %s  load %s\n' "$label" "$m" \
        $(( $(status_field "$bridge" VmRSS) / 1024 )) "$(status_field "$bridge" Threads)" "$(synced)" "$(load)"
    done
  else
    sleep 15
    local c0 r0 s0 w0 rss60 c1 r1 s1 w1
    thread_ticks "$bridge" > "$dir/threads0"
    c0=$(cpu_ticks "$bridge"); r0=$(metric_sum bridge_plc_requests_total); s0=$(synced); w0=$(date +%s%N)
    sleep 45
    rss60=$(status_field "$bridge" VmRSS)
    sleep $(( window - 45 ))
    c1=$(cpu_ticks "$bridge"); r1=$(metric_sum bridge_plc_requests_total); s1=$(synced); w1=$(date +%s%N)
    thread_ticks "$bridge" > "$dir/threads1"
    local secs
    secs=$(echo "($w1 - $w0) / 1000000000" | bc -l)
    printf '%-5s start-up %5d ms | RSS@60s %4d MiB | CPU %5.1f %% of a core | threads %3d | PLC %5.1f req/s | SYNCED +%d | load %s | %s, %s\n' \
      "$label" "$t_sched" $(( rss60 / 1024 )) "$(echo "($c1 - $c0) * 100 / $(getconf CLK_TCK) / $secs" | bc -l)" \
      "$(status_field "$bridge" Threads)" "$(echo "($r1 - $r0) / $secs" | bc -l)" $(( ${s1:-0} - ${s0:-0} )) "$(load)" "$how" "$cds"
    jcmd "$bridge" Thread.print 2>/dev/null > "$dir/jstack" || true
    join <(sort "$dir/threads0") <(sort "$dir/threads1") | awk '{print $3 - $2, $1}' | sort -rn | head -4 |
      while read -r ticks tid; do
        name=$(grep -m1 "nid=$(printf '0x%x' "$tid") " "$dir/jstack" | sed -E 's/^"([^"]*)".*/\1/')
        printf '        %5.1f %%  %s\n' "$(echo "$ticks * 100 / $(getconf CLK_TCK) / $secs" | bc -l)" \
          "${name:-$(cat "/proc/$bridge/task/$tid/comm" 2>/dev/null || echo "thread $tid")}"
      done
  fi
  kill "$bridge" "$plc" "$odoo" 2>/dev/null || true
  wait "$bridge" "$plc" "$odoo" 2>/dev/null || true
}

if [ "$startups" -gt 0 ]; then
  for (( n = 1; n <= startups; n++ )); do phase "idle$n" 0 0; done
elif [ "$soak_minutes" -gt 0 ]; then
  phase flow 3000 0  # about 27 MOs SYNCED a minute: enough for 100 minutes
else
  phase idle 0 60
  phase flow 2000 60
fi
