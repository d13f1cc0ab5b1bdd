#!/usr/bin/env bash
# Benchmark: start-up time of the built jar until "Scheduler started" (all routes started) and RSS after start.
# Runs twice in one fresh working directory: the first start creates the embedded PostgreSQL (initdb), the second
# reuses its data. Usage (from the repo root, after `mvn -B -q package -DskipTests`): bench/startup.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/target/odoo-plc-bridge.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/application.properties" "$root/routes" "$work/"
cd "$work"
export ODOO_URL=http://127.0.0.1:9 ODOO_DB=bench ODOO_USERNAME=bench ODOO_PASSWORD=bench TASK_START_DELAY=1h
export HTTP_PORT=18080 MANAGEMENT_PORT=18081
# Loopback where nothing listens: the benchmark never talks to the plant's PLC address.
export PLC_URL=modbus-tcp://127.0.0.1:9

measure() {
  local label=$1
  local t0 t1 pid
  t0=$(date +%s%N)
  java -jar "$jar" > bridge.log 2>&1 &
  pid=$!
  until grep -q "Scheduler started" bridge.log; do
    kill -0 "$pid" 2>/dev/null || { cat bridge.log; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  sleep 2
  local rss
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  printf '%-28s start-up to routes started: %5d ms   RSS 2 s after start: %4d MiB   (%s)\n' "$label" \
    $(( (t1 - t0) / 1000000 )) $(( rss / 1024 )) "$(grep -o 'started in [0-9a-z.]* (build[^)]*)' bridge.log | head -1)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

measure "first start (initdb)"
measure "restart (existing data)"
