#!/usr/bin/env bash
# S3 through AWS CLI v2: mb, cp (a 20 MiB multipart upload and download compared byte for byte), ls, rm,
# list-objects-v2 pagination with --max-items/--page-size/--starting-token, get-object-attributes, and presigned
# URLs used by curl: the CLI's own (SigV4: the CLI v2 signs nothing else) and boto3's (SigV2), tampered and expired,
# and a bucket notification configuration sending to an SQS queue.
set -euo pipefail
cd "$WORK_DIR"
bucket=cli-conformance

echo "s3 mb"
grep -q "make_bucket: $bucket" <<<"$("$AWS" s3 mb "s3://$bucket")"

echo "s3 cp a small file and ls it"
printf 'hello from the aws cli\n' > small.txt
"$AWS" s3 cp small.txt "s3://$bucket/docs/small.txt" >/dev/null
grep -q " 23 small.txt" <<<"$("$AWS" s3 ls "s3://$bucket/docs/")" || { echo "ls did not show small.txt with 23 bytes"; "$AWS" s3 ls "s3://$bucket/docs/"; exit 1; }
grep -q " $bucket$" <<<"$("$AWS" s3 ls)" || { echo "the bucket is not listed"; exit 1; }

echo "s3 cp 20 MiB up (multipart) and down, compared byte for byte"
head -c $((20 * 1024 * 1024)) /dev/urandom > big.bin
"$AWS" s3 cp big.bin "s3://$bucket/data/big.bin" >/dev/null
etag=$("$AWS" s3api head-object --bucket "$bucket" --key data/big.bin --query ETag --output text)
case "$etag" in *-*) ;; *) echo "expected a multipart ETag, got $etag"; exit 1;; esac
"$AWS" s3 cp "s3://$bucket/data/big.bin" big.copy >/dev/null
cmp big.bin big.copy
[ "$(sha256sum < big.bin)" = "$(sha256sum < big.copy)" ]

echo "s3api get-object-attributes of the multipart object: unquoted ETag, parts counted"
attributes=$("$AWS" s3api get-object-attributes --bucket "$bucket" --key data/big.bin \
  --object-attributes ETag ObjectSize StorageClass ObjectParts --output json)
echo "$attributes" | python3 -c '
import json, sys
a = json.load(sys.stdin)
etag = sys.argv[1].strip("\"")
assert a["ETag"] == etag, (a, etag)
assert a["ObjectSize"] == 20 * 1024 * 1024 and a["StorageClass"] == "STANDARD", a
assert a["ObjectParts"]["TotalPartsCount"] >= 2, a
' "$etag"
if "$AWS" s3api get-object-attributes --bucket "$bucket" --key data/big.bin --object-attributes Owner 2> attr.err; then
  echo "an unknown attribute was accepted"; exit 1
fi
grep -q "InvalidArgument" attr.err || { cat attr.err; exit 1; }

echo "presigned URLs with curl: the CLI's SigV4 one, then tampered and expired"
printf 'fetched with a presigned url\n' > presigned.txt
"$AWS" s3 cp presigned.txt "s3://$bucket/shared/presigned.txt" >/dev/null
url=$("$AWS" s3 presign "s3://$bucket/shared/presigned.txt" --expires-in 300)
curl -sf "$url" | cmp - presigned.txt
status=$(curl -s -o refused.xml -w '%{http_code}' "${url/shared\/presigned/shared/other}")
[ "$status" = "403" ] && grep -q "<Code>SignatureDoesNotMatch</Code>" refused.xml || { echo "tampered: $status"; cat refused.xml; exit 1; }
url=$("$AWS" s3 presign "s3://$bucket/shared/presigned.txt" --expires-in 1)
sleep 2.2
status=$(curl -s -o refused.xml -w '%{http_code}' "$url")
[ "$status" = "403" ] && grep -q "<Message>Request has expired</Message>" refused.xml || { echo "expired: $status"; cat refused.xml; exit 1; }

echo "boto3's SigV2 presigned GET and PUT with curl, checked with the CLI"
sigv2_url() {
  /usr/bin/python3 -c 'import os, sys, boto3
s3 = boto3.client("s3", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
print(s3.generate_presigned_url(sys.argv[1], Params={"Bucket": sys.argv[2], "Key": sys.argv[3]}, ExpiresIn=int(sys.argv[4])))' "$@"
}
url=$(sigv2_url get_object "$bucket" shared/presigned.txt 300)
case "$url" in *AWSAccessKeyId=*Signature=*Expires=*) ;; *) echo "not a SigV2 URL: $url"; exit 1;; esac
curl -sf "$url" | cmp - presigned.txt
url=$(sigv2_url put_object "$bucket" shared/put-by-curl.txt 300)
curl -sf -X PUT -H 'Content-Type:' --data-binary @presigned.txt "$url" >/dev/null
"$AWS" s3 cp "s3://$bucket/shared/put-by-curl.txt" - | cmp - presigned.txt
status=$(curl -s -o refused.xml -w '%{http_code}' -X PUT -H 'Content-Type:' --data-binary @presigned.txt "${url/Signature=/Signature=A}")
[ "$status" = "403" ] && grep -q "<Code>SignatureDoesNotMatch</Code>" refused.xml || { echo "tampered SigV2: $status"; cat refused.xml; exit 1; }
url=$(sigv2_url get_object "$bucket" shared/presigned.txt 1)
sleep 2.2
status=$(curl -s -o refused.xml -w '%{http_code}' "$url")
[ "$status" = "403" ] && grep -q "<Message>Request has expired</Message>" refused.xml || { echo "expired SigV2: $status"; cat refused.xml; exit 1; }

echo "s3api list-objects-v2 pagination"
for i in 1 2 3 4 5 6 7; do
  "$AWS" s3api put-object --bucket "$bucket" --key "pages/key-$i" --body small.txt >/dev/null
done
first=$("$AWS" s3api list-objects-v2 --bucket "$bucket" --prefix pages/ --max-items 3 --page-size 2 --output json)
keys=$(echo "$first" | python3 -c 'import json,sys; print(" ".join(o["Key"] for o in json.load(sys.stdin)["Contents"]))')
[ "$keys" = "pages/key-1 pages/key-2 pages/key-3" ] || { echo "first page: $keys"; exit 1; }
token=$(echo "$first" | python3 -c 'import json,sys; print(json.load(sys.stdin)["NextToken"])')
rest=$("$AWS" s3api list-objects-v2 --bucket "$bucket" --prefix pages/ --page-size 2 --starting-token "$token" --output json)
keys=$(echo "$rest" | python3 -c 'import json,sys; print(" ".join(o["Key"] for o in json.load(sys.stdin)["Contents"]))')
[ "$keys" = "pages/key-4 pages/key-5 pages/key-6 pages/key-7" ] || { echo "after the token: $keys"; exit 1; }

echo "s3api put-bucket-notification-configuration to a queue: the s3:TestEvent, then an object's event"
queue_url=$("$AWS" sqs create-queue --queue-name cli-s3-events --attributes '{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"s3.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:us-east-1:000000000000:cli-s3-events\"}]}"}' \
  --query QueueUrl --output text)
"$AWS" s3api put-bucket-notification-configuration --bucket "$bucket" --notification-configuration \
  '{"QueueConfigurations":[{"Id":"csv","QueueArn":"arn:aws:sqs:us-east-1:000000000000:cli-s3-events","Events":["s3:ObjectCreated:*"],"Filter":{"Key":{"FilterRules":[{"Name":"suffix","Value":".csv"}]}}}]}'
[ "$("$AWS" s3api get-bucket-notification-configuration --bucket "$bucket" --query 'QueueConfigurations[0].Id' \
  --output text)" = "csv" ]
"$AWS" sqs receive-message --queue-url "$queue_url" --wait-time-seconds 2 > test-event.json
python3 -c 'import json; m=json.load(open("test-event.json"))["Messages"]; b=json.loads(m[0]["Body"]); \
  assert b["Event"] == "s3:TestEvent" and b["Service"] == "Amazon S3", b'
"$AWS" sqs delete-message --queue-url "$queue_url" --receipt-handle \
  "$(python3 -c 'import json; print(json.load(open("test-event.json"))["Messages"][0]["ReceiptHandle"])')"
"$AWS" s3api put-object --bucket "$bucket" --key events/skipped.txt --body small.txt >/dev/null
"$AWS" s3api put-object --bucket "$bucket" --key events/till.csv --body small.txt >/dev/null
"$AWS" sqs receive-message --queue-url "$queue_url" --wait-time-seconds 5 --max-number-of-messages 10 > s3-event.json
python3 -c 'import json; m=json.load(open("s3-event.json"))["Messages"]; assert len(m) == 1, m; \
  r=json.loads(m[0]["Body"])["Records"][0]; \
  assert (r["eventName"], r["eventSource"], r["s3"]["object"]["key"]) == ("ObjectCreated:Put", "aws:s3", "events/till.csv"), r'
if out=$("$AWS" s3api put-bucket-notification-configuration --bucket "$bucket" --notification-configuration \
    '{"QueueConfigurations":[{"QueueArn":"arn:aws:sqs:us-east-1:000000000000:cli-no-such-queue","Events":["s3:ObjectCreated:*"]}]}' 2>&1); then
  echo "a missing queue was accepted: $out"; exit 1
fi
echo "$out" | grep -q "InvalidArgument" || { echo "unexpected: $out"; exit 1; }
"$AWS" s3api put-bucket-notification-configuration --bucket "$bucket" --notification-configuration '{}'

echo "s3 rm, then the bucket is empty and rb works"
grep -q "delete: s3://$bucket/docs/small.txt" <<<"$("$AWS" s3 rm "s3://$bucket/docs/small.txt")"
"$AWS" s3 rm "s3://$bucket" --recursive >/dev/null
left=$("$AWS" s3 ls "s3://$bucket" --recursive | wc -l)
[ "$left" = "0" ] || { echo "expected an empty bucket, $left objects left"; exit 1; }
grep -q "remove_bucket: $bucket" <<<"$("$AWS" s3 rb "s3://$bucket")"
echo "ok"
