#!/usr/bin/env bash
# EventBridge Scheduler through AWS CLI v2: a schedule group with tags, a cron schedule in a time zone whose universal
# target (cloudwatchlogs putLogEvents) writes one log event per fire, fired by advancing the lab clock; AWS's defaults
# on get-schedule; a read-only universal target refused; a missing schedule is ResourceNotFoundException.
set -euo pipefail
cd "$WORK_DIR"

PY=/usr/bin/python3
fail() { echo "FAIL: $*"; exit 1; }
lab() { "$PY" -c 'import json,os,sys,urllib.request
req = urllib.request.Request(os.environ["LAB_ENDPOINT"] + sys.argv[1], data=(sys.argv[2].encode() if len(sys.argv) > 2 else None),
                             method="POST" if len(sys.argv) > 2 else "GET")
print(json.dumps(json.load(urllib.request.urlopen(req))))' "$@"; }

suffix=$RANDOM$RANDOM
group="cli-nightly-$suffix"
log_group="/conformance/scheduler-$suffix"

cat > trust.json <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"scheduler.amazonaws.com"},"Action":"sts:AssumeRole"}]}
JSON
cat > put-logs.json <<JSON
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"*"}]}
JSON
role_arn=$("$AWS" iam create-role --role-name "cli-scheduler-$suffix" --assume-role-policy-document file://trust.json \
  --query Role.Arn --output text)
"$AWS" iam put-role-policy --role-name "cli-scheduler-$suffix" --policy-name logs --policy-document file://put-logs.json
"$AWS" logs create-log-group --log-group-name "$log_group"
"$AWS" logs create-log-stream --log-group-name "$log_group" --log-stream-name fires
now=$(lab /_lab/clock | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["epochMillis"])')

echo "scheduler create-schedule-group with tags, and list-tags-for-resource"
group_arn=$("$AWS" scheduler create-schedule-group --name "$group" --tags Key=team,Value=data \
  --query ScheduleGroupArn --output text)
[ "$group_arn" = "arn:aws:scheduler:us-east-1:000000000000:schedule-group/$group" ] || fail "group ARN $group_arn"
tag=$("$AWS" scheduler list-tags-for-resource --resource-arn "$group_arn" --query 'Tags[?Key==`team`].Value' --output text)
[ "$tag" = "data" ] || fail "tag $tag"

echo "scheduler create-schedule: cron every 5 minutes in Europe/Berlin, universal target putLogEvents"
cat > target.json <<JSON
{"Arn":"arn:aws:scheduler:::aws-sdk:cloudwatchlogs:putLogEvents","RoleArn":"$role_arn",
 "Input":"{\"logGroupName\":\"$log_group\",\"logStreamName\":\"fires\",\"logEvents\":[{\"timestamp\":$now,\"message\":\"<aws.scheduler.scheduled-time>\"}]}",
 "RetryPolicy":{"MaximumRetryAttempts":0}}
JSON
schedule_arn=$("$AWS" scheduler create-schedule --name every-5 --group-name "$group" \
  --schedule-expression 'cron(0/5 * * * ? *)' --schedule-expression-timezone Europe/Berlin \
  --flexible-time-window Mode=OFF --target file://target.json --query ScheduleArn --output text)
[ "$schedule_arn" = "arn:aws:scheduler:us-east-1:000000000000:schedule/$group/every-5" ] || fail "schedule ARN $schedule_arn"

echo "scheduler get-schedule shows what was defined and AWS's defaults"
"$AWS" scheduler get-schedule --name every-5 --group-name "$group" > schedule.json
"$PY" - <<'PY'
import json
s = json.load(open("schedule.json"))
assert s["State"] == "ENABLED", s
assert s["ScheduleExpressionTimezone"] == "Europe/Berlin", s
assert s["FlexibleTimeWindow"] == {"Mode": "OFF"}, s
assert s["Target"]["RetryPolicy"]["MaximumRetryAttempts"] == 0, s
assert s["Target"]["RetryPolicy"]["MaximumEventAgeInSeconds"] == 86400, s
PY
count=$("$AWS" scheduler list-schedules --group-name "$group" --query 'length(Schedules)' --output text)
[ "$count" = "1" ] || fail "list-schedules gave $count"

echo "advancing the lab clock 30 minutes fires it once per five-minute mark"
lab /_lab/clock/advance '{"seconds":1800}' > advance.json
fires=$("$AWS" logs get-log-events --log-group-name "$log_group" --log-stream-name fires --start-from-head \
  --query 'length(events)' --output text)
[ "$fires" -ge 6 ] && [ "$fires" -le 7 ] || fail "expected 6 or 7 fires, got $fires"
"$AWS" logs get-log-events --log-group-name "$log_group" --log-stream-name fires --start-from-head \
  --query 'events[].message' --output text | tr '\t' '\n' | while read -r at; do
  case "$at" in *:[0-5][05]:00Z) ;; *) fail "fire at $at is not on a five-minute mark" ;; esac
done

echo "a read-only universal target is refused"
if out=$("$AWS" scheduler create-schedule --name read-only --schedule-expression 'rate(1 hour)' \
    --flexible-time-window Mode=OFF \
    --target "{\"Arn\":\"arn:aws:scheduler:::aws-sdk:glue:getJobRuns\",\"RoleArn\":\"$role_arn\",\"Input\":\"{}\"}" 2>&1); then
  fail "a read-only target was accepted"
fi
echo "$out" | grep -q "ValidationException" || fail "expected ValidationException, got: $out"

echo "update-schedule to DISABLED, then delete it and its group"
"$AWS" scheduler update-schedule --name every-5 --group-name "$group" --schedule-expression 'cron(0/5 * * * ? *)' \
  --flexible-time-window Mode=OFF --target file://target.json --state DISABLED
state=$("$AWS" scheduler get-schedule --name every-5 --group-name "$group" --query State --output text)
[ "$state" = "DISABLED" ] || fail "state $state"
"$AWS" scheduler delete-schedule --name every-5 --group-name "$group"
if out=$("$AWS" scheduler get-schedule --name every-5 --group-name "$group" 2>&1); then
  fail "a deleted schedule was found"
fi
echo "$out" | grep -q "ResourceNotFoundException" || fail "expected ResourceNotFoundException, got: $out"
"$AWS" scheduler delete-schedule-group --name "$group"
echo "ok"
