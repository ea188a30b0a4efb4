#!/usr/bin/env bash
# S3 bucket policies through AWS CLI v2 and an anonymous curl: a public policy is refused while Block Public Access
# is on; once allowed, get-bucket-policy-status says IsPublic, anonymous GETs of the granted prefix succeed and the
# rest stay AccessDenied; RestrictPublicBuckets shuts anonymous callers out again.
set -euo pipefail
cd "$WORK_DIR"
bucket=cli-bucket-policy
public="{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::$bucket/site/*\"}]}"

"$AWS" s3api create-bucket --bucket "$bucket" >/dev/null
printf 'hello' > index.html
"$AWS" s3api put-object --bucket "$bucket" --key site/index.html --body index.html >/dev/null
"$AWS" s3api put-object --bucket "$bucket" --key private/pay.csv --body index.html >/dev/null

echo "anonymous curl of a private object: 403 AccessDenied"
[ "$(curl -s -o body.xml -w '%{http_code}' "$AWS_ENDPOINT_URL/$bucket/site/index.html")" = 403 ]
grep -q '<Code>AccessDenied</Code>' body.xml

echo "put-bucket-policy of a public policy while BlockPublicPolicy is on: AccessDenied"
if "$AWS" s3api put-bucket-policy --bucket "$bucket" --policy "$public" 2>err.txt; then
  echo "a public policy was accepted"; exit 1
fi
grep -q 'BlockPublicPolicy' err.txt

echo "a malformed policy: MalformedPolicy"
if "$AWS" s3api put-bucket-policy --bucket "$bucket" --policy '{"Version":"2012-10-17"}' 2>err.txt; then
  echo "a malformed policy was accepted"; exit 1
fi
grep -q 'MalformedPolicy' err.txt

echo "with BlockPublicPolicy off the policy is kept and reported public"
"$AWS" s3api put-public-access-block --bucket "$bucket" --public-access-block-configuration \
  BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false
"$AWS" s3api put-bucket-policy --bucket "$bucket" --policy "$public"
[ "$("$AWS" s3api get-bucket-policy --bucket "$bucket" --query Policy --output text)" = "$public" ]
[ "$("$AWS" s3api get-bucket-policy-status --bucket "$bucket" --query PolicyStatus.IsPublic --output text)" = True ]

echo "anonymous curl: the granted prefix is readable, the rest is not"
[ "$(curl -s "$AWS_ENDPOINT_URL/$bucket/site/index.html")" = hello ]
[ "$(curl -s -o /dev/null -w '%{http_code}' "$AWS_ENDPOINT_URL/$bucket/private/pay.csv")" = 403 ]
[ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT --data x "$AWS_ENDPOINT_URL/$bucket/site/defaced.html")" = 403 ]

echo "RestrictPublicBuckets: anonymous callers are out again"
"$AWS" s3api put-public-access-block --bucket "$bucket" --public-access-block-configuration \
  BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=true
[ "$(curl -s -o /dev/null -w '%{http_code}' "$AWS_ENDPOINT_URL/$bucket/site/index.html")" = 403 ]

echo "delete-bucket-policy: NoSuchBucketPolicy after"
"$AWS" s3api delete-bucket-policy --bucket "$bucket"
if "$AWS" s3api get-bucket-policy --bucket "$bucket" 2>err.txt; then echo "the policy is still there"; exit 1; fi
grep -q NoSuchBucketPolicy err.txt

echo "CORS preflight with curl: allowed origin 200, other origin 403"
"$AWS" s3api put-bucket-cors --bucket "$bucket" --cors-configuration \
  '{"CORSRules":[{"AllowedMethods":["GET"],"AllowedOrigins":["https://app.example.com"],"MaxAgeSeconds":600}]}'
curl -s -o /dev/null -D headers.txt -X OPTIONS -H 'Origin: https://app.example.com' \
  -H 'Access-Control-Request-Method: GET' "$AWS_ENDPOINT_URL/$bucket/site/index.html"
grep -qi '^HTTP/1.1 200' headers.txt
grep -qi '^access-control-allow-origin: https://app.example.com' headers.txt
grep -qi '^access-control-max-age: 600' headers.txt
[ "$(curl -s -o /dev/null -w '%{http_code}' -X OPTIONS -H 'Origin: https://elsewhere.test' \
  -H 'Access-Control-Request-Method: GET' "$AWS_ENDPOINT_URL/$bucket/site/index.html")" = 403 ]
echo ok
