#!/usr/bin/env bash
# Peak memory of the weekly report with history, end to end (issue "History", target < 400 MB):
# the Release CLI runs sample-config/weekly-usage.yaml (its mail block removed, so the run records) against a
# 100,000-account emulator on loopback, first WEEKS times a week apart with --as-of to fill the SQLite store, then
# once more measured with /usr/bin/time. Prints the measured runs' wall time and peak RSS.
#
#   bench/weekly-history-memory.sh [WEEKS=12] [RUNS=3]
set -euo pipefail
weeks=${1:-12}
runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "${emulator:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build "$root/src/TotangoReports.Cli" -c Release -o "$work/cli" -v q >/dev/null
port=$((20000 + RANDOM % 20000))
"$work/cli/totango-reports" emulator --accounts 100000 --port "$port" --token bench-token >"$work/emulator.log" 2>&1 &
emulator=$!
for _ in $(seq 50); do grep -q "http://127.0.0.1:$port" "$work/emulator.log" 2>/dev/null && break; sleep 0.2; done

mkdir "$work/def"
python3 - "$root/sample-config/weekly-usage.yaml" "$work/def/weekly.yaml" <<'PY'
import sys
text = open(sys.argv[1]).read()
open(sys.argv[2], 'w').write(text[:text.index('\ndelivery:')] + '\n')
PY

export TOTANGO_BASE_URL="http://127.0.0.1:$port/" TOTANGO_API_TOKEN=bench-token Totango__RequestsPerMinute=100000
now=$(date -u -d 'next wednesday 06:00' +%s)
for w in $(seq "$weeks" -1 1); do
  "$work/cli/totango-reports" run "$work/def/weekly.yaml" --out "$work/out-$w" --no-email \
    --as-of "$(date -u -d "@$((now - w * 7 * 86400))" +%Y-%m-%dT%H:%M:%SZ)" >/dev/null 2>&1
done
cp "$work/def/.totango-reports.db" "$work/filled.db"

echo "weekly run, 100,000 accounts, $weeks past weekly snapshots in the store:"
for r in $(seq "$runs"); do
  cp "$work/filled.db" "$work/def/.totango-reports.db"
  /usr/bin/time -f "  %e s, peak RSS %M KB" "$work/cli/totango-reports" run "$work/def/weekly.yaml" --out "$work/out-now" --no-email \
    --as-of "$(date -u -d "@$now" +%Y-%m-%dT%H:%M:%SZ)" 2>&1 >/dev/null | tail -1
done
