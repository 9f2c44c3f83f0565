#!/usr/bin/env bash
# Measures how long the local default (`parley up`) takes to work again after it was stopped
# mid-stream: once after SIGTERM, once after kill -9. "Working" means `parley up` says
# "Parley is up." and an article pushed after that is in the aggregator's /state.
# Usage: services/it/scripts/restart-after-kill.sh [rounds]   (default 1 round of each; needs curl and python3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
rounds="${1:-1}"
work="$(mktemp -d "${TMPDIR:-/tmp}/parley-restart.XXXXXX")"
pid=""
log="${TMPDIR:-/tmp}/parley-restart-last.log"
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; cp "$work/up.log" "$log" 2>/dev/null; rm -rf "$work"' EXIT

free_ports() {
  python3 -c 'import socket
s=[socket.socket() for _ in range(6)]
[x.bind(("127.0.0.1",0)) for x in s]
print(" ".join(str(x.getsockname()[1]) for x in s))'
}
read -r kafka controller registry ingestor extractor aggregator <<<"$(free_ports)"
now() { date +%s.%N; }
# the feed key `parley up` makes on its first start, in its data folder
auth() { printf 'Authorization: Bearer %s' "$(cat "$work/data/feed-key")"; }

start() {
  PARLEY_DATA_DIR="$work/data" "$here/parley" up --kafka-port "$kafka" --controller-port "$controller" --registry-port "$registry" \
    --ingestor-port "$ingestor" --extractor-port "$extractor" --aggregator-port "$aggregator" >>"$work/up.log" 2>&1 &
  pid=$!
}

await_up() {
  local lines="$1"
  until tail -n +"$lines" "$work/up.log" | grep -q "Parley is up."; do
    kill -0 "$pid" 2>/dev/null || { echo "parley up stopped; its log: $work/up.log" >&2; tail -20 "$work/up.log" >&2; exit 1; }
    sleep 0.2
  done
}

# Pushes a new article and waits until the state cites it.
push_and_await() {
  local n="$1" id deadline=$((SECONDS + 300))
  id=$(printf 'Talks round %s\nRussia rejects the ceasefire proposal, the Kremlin said on day %s of the talks.\n' "$n" "$n" |
    curl -sf -X POST -H "$(auth)" -H 'Content-Type: text/plain; charset=utf-8' --data-binary @- "http://127.0.0.1:$ingestor/articles?source=probe$n" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("id") or d["ids"][0])')
  until curl -sf "http://127.0.0.1:$aggregator/state" | grep -q "$id"; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "article $id not in /state after 300 s; log: $work/up.log" >&2; exit 1; }
    sleep 0.2
  done
}

measure() {
  local signal="$1" round="$2" lines t0 up done
  # the sample articles under other outlets, so that each round is new work in flight when the signal comes
  for f in "$here"/../shared/articles/*.txt; do
    curl -sf -X POST -H "$(auth)" -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"$f" \
      "http://127.0.0.1:$ingestor/articles?source=$signal$round" >/dev/null
  done
  kill -"$signal" "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  lines=$(($(wc -l <"$work/up.log") + 1))
  t0=$(now)
  start
  await_up "$lines"
  up=$(now)
  push_and_await "$signal-$round-after"
  done=$(now)
  printf '%-8s round %s: up after %5.1f s, working (new article in /state) after %5.1f s\n' "$signal" "$round" \
    "$(echo "$up - $t0" | bc)" "$(echo "$done - $t0" | bc)"
}

echo "Data in $work (removed at the end), log kept in $log; ports $kafka..$aggregator. Timings are wall-clock: a busy machine makes them longer."
start
await_up 1
push_and_await warmup
for round in $(seq 1 "$rounds"); do
  measure TERM "$round"
  measure KILL "$round"
done
kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
pid=""
