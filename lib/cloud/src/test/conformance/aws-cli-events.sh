#!/usr/bin/env bash
# EventBridge through AWS CLI v2: a custom bus, a rule with an event pattern from a file, targets with an input
# transformer, PutEvents with one entry refused on its own, TestEventPattern, the refused deletes, and clean-up.
set -euo pipefail
cd "$WORK_DIR"

fail() { echo "FAIL: $*"; exit 1; }

echo "events create-event-bus and describe-event-bus"
arn=$("$AWS" events create-event-bus --name cli-orders --query EventBusArn --output text)
[ "$arn" = "arn:aws:events:us-east-1:000000000000:event-bus/cli-orders" ] || fail "unexpected bus ARN $arn"
[ "$("$AWS" events describe-event-bus --query Name --output text)" = "default" ] || fail "no default bus"

cat > pattern.json <<'JSON'
{"source": ["cli.shop"], "detail": {"total": [{"numeric": [">", 100]}], "currency": [{"equals-ignore-case": "eur"}]}}
JSON
echo "events put-rule with an event pattern file on the custom bus"
rule=$("$AWS" events put-rule --name cli-big-orders --event-bus-name cli-orders \
  --event-pattern file://pattern.json --query RuleArn --output text)
[ "$rule" = "arn:aws:events:us-east-1:000000000000:rule/cli-orders/cli-big-orders" ] || fail "unexpected rule ARN $rule"
[ "$("$AWS" events describe-rule --name cli-big-orders --event-bus-name cli-orders --query State --output text)" = "ENABLED" ] \
  || fail "the rule is not enabled"

echo "an invalid pattern is InvalidEventPatternException"
if out=$("$AWS" events put-rule --name cli-bad --event-pattern '{"source":"cli.shop"}' 2>&1); then
  fail "an invalid pattern was accepted"
fi
echo "$out" | grep -q "InvalidEventPatternException" || fail "expected InvalidEventPatternException, got: $out"
echo "$out" | grep -q "Event pattern is not valid. Reason:" || fail "expected AWS's reason, got: $out"

cat > targets.json <<'JSON'
[{"Id": "fn", "Arn": "arn:aws:lambda:us-east-1:000000000000:function:cli-handler",
  "InputTransformer": {"InputPathsMap": {"total": "$.detail.total"}, "InputTemplate": "{\"amount\": <total>}"},
  "RetryPolicy": {"MaximumRetryAttempts": 2, "MaximumEventAgeInSeconds": 600}}]
JSON
echo "events put-targets and list-targets-by-rule"
failed=$("$AWS" events put-targets --rule cli-big-orders --event-bus-name cli-orders --targets file://targets.json \
  --query FailedEntryCount --output text)
[ "$failed" = "0" ] || fail "put-targets failed $failed entries"
template=$("$AWS" events list-targets-by-rule --rule cli-big-orders --event-bus-name cli-orders \
  --query 'Targets[0].InputTransformer.InputTemplate' --output text)
[ "$template" = '{"amount": <total>}' ] || fail "unexpected template $template"

echo "events put-events: one accepted, one refused for its aws. source"
cat > entries.json <<'JSON'
[{"Source": "cli.shop", "DetailType": "Order", "Detail": "{\"total\": 250, \"currency\": \"EUR\"}", "EventBusName": "cli-orders"},
 {"Source": "aws.s3", "DetailType": "Object Created", "Detail": "{}"}]
JSON
out=$("$AWS" events put-events --entries file://entries.json --output json)
echo "$out" | grep -q '"FailedEntryCount": 1' || fail "expected one failed entry: $out"
echo "$out" | grep -q '"ErrorCode": "NotAuthorizedForSourceException"' || fail "expected NotAuthorizedForSourceException: $out"
echo "$out" | grep -q '"EventId"' || fail "expected an EventId: $out"

echo "events test-event-pattern"
event='{"id":"1","account":"000000000000","source":"cli.shop","time":"2026-01-01T00:00:00Z","region":"us-east-1","detail-type":"Order","resources":[],"detail":{"total":150,"currency":"eur"}}'
[ "$("$AWS" events test-event-pattern --event-pattern file://pattern.json --event "$event" --query Result --output text)" = "True" ] \
  || fail "the pattern should match"

echo "delete-rule is refused while the rule has targets"
if out=$("$AWS" events delete-rule --name cli-big-orders --event-bus-name cli-orders 2>&1); then
  fail "a rule with targets was deleted"
fi
echo "$out" | grep -q "Rule can't be deleted since it has targets." || fail "unexpected refusal: $out"

echo "clean up: remove targets, delete the rule and the bus; the default bus stays"
"$AWS" events remove-targets --rule cli-big-orders --event-bus-name cli-orders --ids fn >/dev/null
"$AWS" events delete-rule --name cli-big-orders --event-bus-name cli-orders
"$AWS" events delete-event-bus --name cli-orders
if out=$("$AWS" events delete-event-bus --name default 2>&1); then fail "the default bus was deleted"; fi
echo "$out" | grep -q "Cannot delete event bus default." || fail "unexpected refusal: $out"
echo "ok"
