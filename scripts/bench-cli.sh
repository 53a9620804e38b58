#!/usr/bin/env bash
# Measures the streaming CLI on generated data (not part of `make test`; takes a few minutes):
#   1. `eventpen match` on a ~1 GB JSON Lines file of EventBridge events, against
#      `jq -c 'select(…)'` with the same filter and `grep -c` for reference: wall time (hyperfine,
#      or /usr/bin/time when hyperfine cannot be had) and peak RSS (/usr/bin/time -v);
#   2. `eventpen events` on a ~200 MB CloudTrail log file, plain and gzipped: MB/s and peak RSS.
# Data goes to $BENCH_DIR (default /tmp/eventpen-bench-cli) and is reused by later runs.
# Targets (issue 14): match at least 5x faster than jq, peak memory under 100 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/eventpen-bench-cli}
MATCH_MIB=${MATCH_MIB:-1024}
LOG_MIB=${LOG_MIB:-220}  # the generator writes a little under the size asked: ~200 MB
RUNS=${RUNS:-3}
TARGET=${CARGO_TARGET_DIR:-target}
mkdir -p "$BENCH_DIR"

echo "== building eventpen and eventpen-gen (profile cli: opt-level 3)" >&2
cargo build --quiet --profile cli -p eventpen-cli -p eventpen-gen
EVENTPEN="$TARGET/cli/eventpen"
GEN="$TARGET/cli/eventpen-gen"

for tool in jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-cli: $tool is needed (apt-get install jq time)" >&2; exit 1; }
done
if ! command -v hyperfine >/dev/null; then
  # Debian packages hyperfine; install it only here, and carry on without it if that fails.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
  fi
fi

EVENTS="$BENCH_DIR/events-${MATCH_MIB}m.jsonl"
LOG="$BENCH_DIR/cloudtrail-${LOG_MIB}m.json"
[ -s "$EVENTS" ] || { echo "== generating $EVENTS" >&2; "$GEN" --megabytes "$MATCH_MIB" --format eventbridge-jsonl -o "$EVENTS"; }
[ -s "$LOG" ] || { echo "== generating $LOG" >&2; "$GEN" --megabytes "$LOG_MIB" --format cloudtrail -o "$LOG"; }
[ -s "$LOG.gz" ] || gzip -k -f "$LOG"

PATTERN="$BENCH_DIR/pattern.json"
echo '{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances"]}}' > "$PATTERN"
JQ_FILTER='select(.source == "aws.ec2" and .detail.eventName == "RunInstances")'

match_cmd="$EVENTPEN match --matched-events -p $PATTERN $EVENTS"
jq_cmd="jq -c '$JQ_FILTER' $EVENTS"
grep_cmd="grep -c RunInstances $EVENTS"

echo "== the same events come out of eventpen and jq" >&2
ours=$(eval "$match_cmd" | md5sum)
theirs=$(eval "$jq_cmd" | md5sum)
if [ "$ours" != "$theirs" ]; then
  echo "bench-cli: eventpen match and jq disagree" >&2
  exit 1
fi

# Commands write their output to $OUT: GNU grep stops at the first match when its output is
# /dev/null, which would time nothing.
OUT="$BENCH_DIR/out.txt"

# Wall seconds and peak RSS (MB) of one run of "$1", from /usr/bin/time.
measure() {
  local report
  report=$( { /usr/bin/time -f '%e %M' bash -c "$1" ; } 2>&1 | tail -1 )
  echo "$report" | awk '{ printf "%s %.0f\n", $1, $2 / 1024 }'
}

# Median wall seconds of "$1" over $RUNS runs (hyperfine when installed).
wall() {
  if command -v hyperfine >/dev/null; then
    local json="$BENCH_DIR/hyperfine.json"
    hyperfine --style none --runs "$RUNS" --export-json "$json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.2f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
  else
    for _ in $(seq "$RUNS"); do measure "$1" | cut -d' ' -f1; done | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
  fi
}

size_mb() { awk -v b="$(stat -L -c %s "$1")" 'BEGIN { printf "%.0f", b / 1e6 }'; }
events_mb=$(size_mb "$EVENTS")
log_mb=$(size_mb "$LOG")
gz_mb=$(size_mb "$LOG.gz")

echo "== timing ($RUNS runs each; hyperfine: $(command -v hyperfine >/dev/null && echo yes || echo no))" >&2
printf '\n%s cores, %s\n\n' "$(nproc)" "$(date -u +%Y-%m-%dT%H:%MZ)"
printf '| command | input | wall (median) | MB/s | peak RSS |\n|---|---|---:|---:|---:|\n'
row() { # label, command, input MB, input label
  local seconds rss
  seconds=$(wall "$2")
  rss=$(measure "$2" | cut -d' ' -f2)
  printf '| %s | %s | %s s | %s | %s MB |\n' "$1" "$4" "$seconds" \
    "$(awk -v m="$3" -v s="$seconds" 'BEGIN { printf "%.0f", m / s }')" "$rss"
}
row '`eventpen match -m`' "$match_cmd > $OUT" "$events_mb" "$events_mb MB JSON Lines"
row '`eventpen match -q`' "$EVENTPEN match -q -p $PATTERN $EVENTS > $OUT" "$events_mb" "$events_mb MB JSON Lines"
row "\`jq -c 'select(…)'\`" "$jq_cmd > $OUT" "$events_mb" "$events_mb MB JSON Lines"
row '`grep -c`' "$grep_cmd > $OUT" "$events_mb" "$events_mb MB JSON Lines"
row '`eventpen events`' "$EVENTPEN events $LOG > $OUT" "$log_mb" "$log_mb MB CloudTrail log"
row '`eventpen events` (.gz)' "$EVENTPEN events $LOG.gz > $OUT" "$log_mb" "$gz_mb MB .gz ($log_mb MB of JSON)"
