#!/usr/bin/env bash
# CloudTrail through AWS CLI v2: a trail whose bucket must exist, S3 data-event selectors, logging started, an upload
# and a copy recorded, the log file delivered after five minutes of the lab clock and read back gzipped, the status,
# and lookup-events finding the trail's own management events.
set -euo pipefail
cd "$WORK_DIR"

PY=/usr/bin/python3
fail() { echo "FAIL: $*"; exit 1; }
advance() { "$PY" -c 'import os,sys,urllib.request
urllib.request.urlopen(urllib.request.Request(os.environ["LAB_ENDPOINT"] + "/_lab/clock/advance",
                                              data=("{\"seconds\":%s}" % sys.argv[1]).encode(), method="POST")).read()' "$1"; }

suffix=$RANDOM$RANDOM
logs="cli-trail-logs-$suffix"
data="cli-trail-data-$suffix"
trail="cli-trail-$suffix"

echo "cloudtrail create-trail needs its bucket"
if out=$("$AWS" cloudtrail create-trail --name "$trail" --s3-bucket-name "$logs" 2>&1); then
  fail "a trail was created for a missing bucket"
fi
echo "$out" | grep -q "S3BucketDoesNotExistException" || fail "expected S3BucketDoesNotExistException, got: $out"
"$AWS" s3api create-bucket --bucket "$logs" > /dev/null
"$AWS" s3api create-bucket --bucket "$data" > /dev/null
arn=$("$AWS" cloudtrail create-trail --name "$trail" --s3-bucket-name "$logs" --s3-key-prefix audit \
  --query TrailARN --output text)
[ "$arn" = "arn:aws:cloudtrail:us-east-1:000000000000:trail/$trail" ] || fail "trail ARN $arn"

echo "cloudtrail put-event-selectors for the data bucket's objects, and get-event-selectors"
"$AWS" cloudtrail put-event-selectors --trail-name "$trail" --event-selectors \
  "[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true,\"DataResources\":[{\"Type\":\"AWS::S3::Object\",\"Values\":[\"arn:aws:s3:::$data/\"]}]}]" > /dev/null
value=$("$AWS" cloudtrail get-event-selectors --trail-name "$trail" --query 'EventSelectors[0].DataResources[0].Values[0]' --output text)
[ "$value" = "arn:aws:s3:::$data/" ] || fail "selector value $value"

echo "start-logging, an upload and a copy, and get-trail-status"
"$AWS" cloudtrail start-logging --name "$trail"
logging=$("$AWS" cloudtrail get-trail-status --name "$trail" --query IsLogging --output text)
[ "$logging" = "True" ] || fail "IsLogging $logging"
echo "order,amount" > orders.csv
"$AWS" s3 cp orders.csv "s3://$data/incoming/orders.csv" > /dev/null
"$AWS" s3api copy-object --bucket "$data" --key archive/orders.csv --copy-source "$data/incoming/orders.csv" > /dev/null

echo "five minutes later the log file is in the bucket"
advance 300
key=$("$AWS" s3api list-objects-v2 --bucket "$logs" --prefix "audit/AWSLogs/000000000000/CloudTrail/us-east-1/" \
  --query 'Contents[0].Key' --output text)
echo "$key" | grep -Eq "/000000000000_CloudTrail_us-east-1_[0-9]{8}T[0-9]{4}Z_[A-Za-z0-9]{16}\.json\.gz$" || fail "log file key $key"
"$AWS" s3 cp "s3://$logs/$key" trail.json.gz > /dev/null
DATA="$data" "$PY" - <<'PY'
import gzip, json, os
records = json.load(gzip.open("trail.json.gz"))["Records"]
data = [r for r in records if r["eventCategory"] == "Data"]
names = [r["eventName"] for r in data]
assert "PutObject" in names and "CopyObject" in names, names
put = next(r for r in data if r["eventName"] == "PutObject")
assert put["requestParameters"]["bucketName"] == os.environ["DATA"], put
assert put["requestParameters"]["key"] == "incoming/orders.csv", put
assert put["userIdentity"]["type"] == "Root", put
assert put["resources"][0] == {"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::%s/incoming/orders.csv" % os.environ["DATA"]}, put
assert any(r["eventName"] == "StartLogging" for r in records), [r["eventName"] for r in records]
PY
delivered=$("$AWS" cloudtrail get-trail-status --name "$trail" --query LatestDeliveryTime --output text)
[ "$delivered" != "None" ] || fail "no LatestDeliveryTime"

echo "lookup-events finds the trail's management events, newest first"
name=$("$AWS" cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=StartLogging \
  --max-results 1 --query 'Events[0].EventName' --output text)
[ "$name" = "StartLogging" ] || fail "lookup-events gave $name"

echo "stop-logging and delete-trail"
"$AWS" cloudtrail stop-logging --name "$trail"
"$AWS" cloudtrail delete-trail --name "$trail"
if out=$("$AWS" cloudtrail get-trail --name "$trail" 2>&1); then
  fail "a deleted trail was found"
fi
echo "$out" | grep -q "TrailNotFoundException" || fail "expected TrailNotFoundException, got: $out"
echo "ok"
