#!/usr/bin/env bash
# S3 through AWS CLI v2: mb, cp (a 20 MiB multipart upload and download compared byte for byte), ls, rm,
# and list-objects-v2 pagination with --max-items/--page-size/--starting-token.
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

echo "s3 rm, then the bucket is empty and rb works"
grep -q "delete: s3://$bucket/docs/small.txt" <<<"$("$AWS" s3 rm "s3://$bucket/docs/small.txt")"
"$AWS" s3 rm "s3://$bucket" --recursive >/dev/null
left=$("$AWS" s3 ls "s3://$bucket" --recursive | wc -l)
[ "$left" = "0" ] || { echo "expected an empty bucket, $left objects left"; exit 1; }
grep -q "remove_bucket: $bucket" <<<"$("$AWS" s3 rb "s3://$bucket")"
echo "ok"
