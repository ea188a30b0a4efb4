#!/usr/bin/env bash
# SQS through AWS CLI v2: a queue with attributes, a message with attributes sent, received with its system
# attributes and deleted, a batch with one entry refused on its own, a FIFO queue's deduplication, a dead-letter
# queue's sources, tags, purge, and the errors AWS answers with.
set -euo pipefail
cd "$WORK_DIR"

fail() { echo "FAIL: $*"; exit 1; }
P="cli$$-"

echo "sqs create-queue, get-queue-url and list-queues"
url=$("$AWS" sqs create-queue --queue-name "${P}jobs" --attributes VisibilityTimeout=45 --query QueueUrl --output text)
case "$url" in */000000000000/"${P}jobs") ;; *) fail "unexpected queue URL $url" ;; esac
[ "$("$AWS" sqs get-queue-url --queue-name "${P}jobs" --query QueueUrl --output text)" = "$url" ] || fail "get-queue-url"
[ "$("$AWS" sqs list-queues --queue-name-prefix "${P}" --query 'length(QueueUrls)' --output text)" = "1" ] \
  || fail "list-queues by prefix"

echo "sqs get-queue-attributes and set-queue-attributes"
[ "$("$AWS" sqs get-queue-attributes --queue-url "$url" --attribute-names VisibilityTimeout \
  --query Attributes.VisibilityTimeout --output text)" = "45" ] || fail "VisibilityTimeout"
"$AWS" sqs set-queue-attributes --queue-url "$url" --attributes DelaySeconds=0,MaximumMessageSize=2048
[ "$("$AWS" sqs get-queue-attributes --queue-url "$url" --attribute-names All \
  --query Attributes.MaximumMessageSize --output text)" = "2048" ] || fail "MaximumMessageSize"

echo "sqs send-message with attributes, receive-message and delete-message"
cat > attributes.json <<'JSON'
{"kind": {"DataType": "String", "StringValue": "csv"}, "rows": {"DataType": "Number", "StringValue": "12"}}
JSON
md5=$("$AWS" sqs send-message --queue-url "$url" --message-body "s3://landing/a.csv" \
  --message-attributes file://attributes.json --query MD5OfMessageBody --output text)
[ "$md5" = "$(printf '%s' 's3://landing/a.csv' | md5sum | cut -d' ' -f1)" ] || fail "MD5OfMessageBody $md5"
"$AWS" sqs receive-message --queue-url "$url" --attribute-names All --message-attribute-names All \
  --wait-time-seconds 2 > received.json
python3 - <<'PY'
import json
message = json.load(open("received.json"))["Messages"][0]
assert message["Body"] == "s3://landing/a.csv", message
assert message["MessageAttributes"]["rows"] == {"StringValue": "12", "DataType": "Number"}, message
assert message["Attributes"]["ApproximateReceiveCount"] == "1", message
open("handle", "w").write(message["ReceiptHandle"])
PY
"$AWS" sqs delete-message --queue-url "$url" --receipt-handle "$(cat handle)"
[ "$("$AWS" sqs get-queue-attributes --queue-url "$url" --attribute-names ApproximateNumberOfMessagesNotVisible \
  --query Attributes.ApproximateNumberOfMessagesNotVisible --output text)" = "0" ] || fail "deleted message in flight"

echo "sqs send-message-batch with one entry refused on its own"
"$AWS" sqs send-message-batch --queue-url "$url" --entries \
  Id=a,MessageBody=one Id=b,MessageBody=two,DelaySeconds=901 > batch.json
python3 - <<'PY'
import json
batch = json.load(open("batch.json"))
assert [e["Id"] for e in batch["Successful"]] == ["a"], batch
assert batch["Failed"][0]["Id"] == "b" and batch["Failed"][0]["SenderFault"], batch
PY

echo "FIFO deduplication"
fifo=$("$AWS" sqs create-queue --queue-name "${P}events.fifo" \
  --attributes FifoQueue=true,ContentBasedDeduplication=true --query QueueUrl --output text)
first=$("$AWS" sqs send-message --queue-url "$fifo" --message-body same --message-group-id g --query MessageId --output text)
second=$("$AWS" sqs send-message --queue-url "$fifo" --message-body same --message-group-id g --query MessageId --output text)
[ "$first" = "$second" ] || fail "a duplicate within five minutes got a new id"

echo "dead-letter queue sources and tags"
dlq_arn="arn:aws:sqs:us-east-1:000000000000:${P}jobs"
cat > redrive.json <<JSON
{"RedrivePolicy": "{\"deadLetterTargetArn\":\"$dlq_arn\",\"maxReceiveCount\":\"5\"}"}
JSON
source=$("$AWS" sqs create-queue --queue-name "${P}source" --attributes file://redrive.json --query QueueUrl --output text)
[ "$("$AWS" sqs list-dead-letter-source-queues --queue-url "$url" --query 'queueUrls[0]' --output text)" = "$source" ] \
  || fail "list-dead-letter-source-queues"
"$AWS" sqs tag-queue --queue-url "$url" --tags team=data
[ "$("$AWS" sqs list-queue-tags --queue-url "$url" --query Tags.team --output text)" = "data" ] || fail "tags"

echo "purge once a minute, and the errors"
"$AWS" sqs purge-queue --queue-url "$url"
if out=$("$AWS" sqs purge-queue --queue-url "$url" 2>&1); then fail "a second purge within 60 seconds"; fi
echo "$out" | grep -q "PurgeQueueInProgress" || fail "unexpected purge error: $out"
"$AWS" sqs delete-queue --queue-url "$source"
if out=$("$AWS" sqs get-queue-url --queue-name "${P}source" 2>&1); then fail "a deleted queue has a URL"; fi
echo "$out" | grep -q "NonExistentQueue\|QueueDoesNotExist" || fail "unexpected error: $out"
if out=$("$AWS" sqs get-queue-attributes --queue-url "$url" --attribute-names Colour 2>&1); then
  fail "an unknown attribute name"; fi
echo "$out" | grep -q "InvalidAttributeName" || fail "unexpected error: $out"
echo OK
