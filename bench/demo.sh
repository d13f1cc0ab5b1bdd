#!/usr/bin/env bash
# Benchmark: seconds from `java -jar target/odoo-plc-bridge.jar --demo` to 10 batches SYNCED, three runs.
# Usage (from the repo root, after `mvn -B -q package -DskipTests`): bench/demo.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/target/odoo-plc-bridge.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
export HTTP_PORT=18090 MANAGEMENT_PORT=18091
for run in 1 2 3; do
  work=$(mktemp -d)
  cp -r "$root/application.properties" "$root/routes" "$work/"
  (cd "$work" && exec java -jar "$jar" --demo > demo.log 2>&1) &
  pid=$!
  t0=$(date +%s%N)
  synced=0
  while [ "$synced" -lt 10 ]; do
    sleep 0.25
    synced=$( (curl -s "localhost:$HTTP_PORT/api/batches?state=SYNCED&limit=1" || true) | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
    synced=${synced:-0}
    [ $(( $(date +%s%N) - t0 )) -lt 180000000000 ] || { echo "run $run: not 10 SYNCED within 180 s"; break; }
  done
  printf 'run %d: 10 batches SYNCED %.1f s after start\n' "$run" "$(echo "($(date +%s%N) - $t0) / 1000000000" | bc -l)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$work"
done
