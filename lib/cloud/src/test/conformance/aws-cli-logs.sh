#!/usr/bin/env bash
# CloudWatch Logs through AWS CLI v2: a group and a stream, a batch of events (one of them a JSON
# message with a level), and filter-log-events with a term, a ? OR pattern and a JSON pattern, each
# returning exactly the expected messages.
set -euo pipefail

PY=/usr/bin/python3
group="/conformance/logs-$RANDOM$RANDOM"

# Event timestamps come from the lab clock, which PutLogEvents judges them by.
now=$("$PY" -c 'import json,os,urllib.request; print(json.load(urllib.request.urlopen(os.environ["LAB_ENDPOINT"] + "/_lab/clock"))["epochMillis"])')

# expect_messages LABEL JSON_ARRAY_FROM_CLI EXPECTED_MESSAGE...
expect_messages() {
  local label=$1 actual=$2; shift 2
  "$PY" - "$label" "$actual" "$@" <<'PYEOF'
import json, sys
label, actual, expected = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
if actual != expected:
    print(f"{label}: expected {expected}, got {actual}")
    sys.exit(1)
print(f"{label}: {len(actual)} message(s) as expected")
PYEOF
}

echo "logs create-log-group $group"
"$AWS" logs create-log-group --log-group-name "$group"

echo "logs create-log-stream web"
"$AWS" logs create-log-stream --log-group-name "$group" --log-stream-name web

echo "logs describe-log-groups shows the group"
found=$("$AWS" logs describe-log-groups --log-group-name-prefix "$group" --query 'logGroups[].logGroupName' --output json)
expect_messages "describe-log-groups" "$found" "$group"
arn=$("$AWS" logs describe-log-groups --log-group-name-prefix "$group" --query 'logGroups[0].arn' --output text)
[ "$arn" = "arn:aws:logs:us-east-1:000000000000:log-group:$group:*" ] || { echo "unexpected arn $arn"; exit 1; }

echo "logs put-log-events (five events, one JSON message with a level)"
events_file="$WORK_DIR/events.json"
"$PY" - "$now" > "$events_file" <<'PYEOF'
import json, sys
now = int(sys.argv[1])
messages = [
    "INFO job started",
    "WARN slow stage extract",
    "ERROR stage transform failed",
    json.dumps({"level": "ERROR", "stage": "load", "latency": 250}),
    json.dumps({"level": "INFO", "stage": "load", "latency": 20}),
]
print(json.dumps([{"timestamp": now - 5000 + i, "message": m} for i, m in enumerate(messages)]))
PYEOF
rejected=$("$AWS" logs put-log-events --log-group-name "$group" --log-stream-name web \
  --log-events "file://$events_file" --query 'rejectedLogEventsInfo' --output json)
[ "$rejected" = "null" ] || { echo "events were rejected: $rejected"; exit 1; }

echo "logs filter-log-events with a term"
out=$("$AWS" logs filter-log-events --log-group-name "$group" --filter-pattern 'ERROR' \
  --query 'events[].message' --output json)
expect_messages "term ERROR" "$out" "ERROR stage transform failed" '{"level": "ERROR", "stage": "load", "latency": 250}'

echo "logs filter-log-events with a ? OR pattern"
out=$("$AWS" logs filter-log-events --log-group-name "$group" --filter-pattern '?WARN ?failed' \
  --query 'events[].message' --output json)
expect_messages "?WARN ?failed" "$out" "WARN slow stage extract" "ERROR stage transform failed"

echo "logs filter-log-events with a JSON pattern"
out=$("$AWS" logs filter-log-events --log-group-name "$group" --filter-pattern '{ $.level = "ERROR" }' \
  --query 'events[].message' --output json)
expect_messages "JSON level = ERROR" "$out" '{"level": "ERROR", "stage": "load", "latency": 250}'
out=$("$AWS" logs filter-log-events --log-group-name "$group" --filter-pattern '{ $.latency > 100 || $.stage = "extract" }' \
  --query 'events[].message' --output json)
expect_messages "JSON latency > 100" "$out" '{"level": "ERROR", "stage": "load", "latency": 250}'

echo "logs get-log-events reads the stream from its head"
out=$("$AWS" logs get-log-events --log-group-name "$group" --log-stream-name web --start-from-head --limit 2 \
  --query 'events[].message' --output json)
expect_messages "get-log-events" "$out" "INFO job started" "WARN slow stage extract"

echo "a malformed pattern is InvalidParameterException"
if out=$("$AWS" logs filter-log-events --log-group-name "$group" --filter-pattern '{ $.level = ' 2>&1); then
  echo "a malformed pattern was accepted: $out"; exit 1
fi
echo "$out" | grep -q "InvalidParameterException" || { echo "expected InvalidParameterException, got: $out"; exit 1; }

echo "logs delete-log-group"
"$AWS" logs delete-log-group --log-group-name "$group"
if out=$("$AWS" logs delete-log-group --log-group-name "$group" 2>&1); then
  echo "deleting twice succeeded"; exit 1
fi
echo "$out" | grep -q "ResourceNotFoundException" || { echo "expected ResourceNotFoundException, got: $out"; exit 1; }
echo "ok"
