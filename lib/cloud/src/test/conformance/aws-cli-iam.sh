#!/usr/bin/env bash
# IAM through AWS CLI v2: a role from a trust policy file, an inline policy, an AWS-managed policy attached,
# documents read back decoded, DeleteConflict while policies remain, and accounts kept apart.
set -euo pipefail
cd "$WORK_DIR"

fail() { echo "FAIL: $*"; exit 1; }

cat > trust.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:AssumeRole"}
  ]
}
JSON
cat > read-raw.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
     "Resource": ["arn:aws:s3:::cli-raw", "arn:aws:s3:::cli-raw/*"]}
  ]
}
JSON

echo "iam create-role with a trust policy file"
arn=$("$AWS" iam create-role --role-name cli-etl --path /service-role/ \
  --assume-role-policy-document file://trust.json --query Role.Arn --output text)
[ "$arn" = "arn:aws:iam::000000000000:role/service-role/cli-etl" ] || fail "unexpected ARN $arn"

echo "iam get-role gives the trust policy back decoded"
service=$("$AWS" iam get-role --role-name cli-etl \
  --query 'Role.AssumeRolePolicyDocument.Statement[0].Principal.Service' --output text)
[ "$service" = "glue.amazonaws.com" ] || fail "trust policy principal was $service"
max=$("$AWS" iam get-role --role-name cli-etl --query Role.MaxSessionDuration --output text)
[ "$max" = "3600" ] || fail "MaxSessionDuration was $max"

echo "iam put-role-policy and get-role-policy"
"$AWS" iam put-role-policy --role-name cli-etl --policy-name read-raw --policy-document file://read-raw.json
resource=$("$AWS" iam get-role-policy --role-name cli-etl --policy-name read-raw \
  --query 'PolicyDocument.Statement[0].Resource[1]' --output text)
[ "$resource" = "arn:aws:s3:::cli-raw/*" ] || fail "inline policy resource was $resource"
names=$("$AWS" iam list-role-policies --role-name cli-etl --query 'PolicyNames' --output text)
[ "$names" = "read-raw" ] || fail "inline policies were $names"

echo "iam attach-role-policy of an AWS-managed policy"
"$AWS" iam attach-role-policy --role-name cli-etl \
  --policy-arn arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole
attached=$("$AWS" iam list-attached-role-policies --role-name cli-etl \
  --query 'AttachedPolicies[0].PolicyArn' --output text)
[ "$attached" = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole" ] || fail "attached $attached"
first=$("$AWS" iam get-policy-version --policy-arn arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole \
  --version-id v5 --query 'PolicyVersion.Document.Statement[0].Action[0]' --output text)
[ "$first" = "glue:*" ] || fail "AWSGlueServiceRole's first action was $first"

echo "iam delete-role is refused while policies remain"
if out=$("$AWS" iam delete-role --role-name cli-etl 2>&1); then fail "delete-role succeeded: $out"; fi
echo "$out" | grep -q "DeleteConflict" || fail "expected DeleteConflict, got: $out"
echo "$out" | grep -q "Cannot delete entity, must delete policies first." || fail "unexpected message: $out"

echo "a malformed trust policy is refused with MalformedPolicyDocument"
if out=$("$AWS" iam create-role --role-name cli-bad --assume-role-policy-document '{"Statement":[]}' 2>&1); then
  fail "a malformed trust policy was accepted"
fi
echo "$out" | grep -q "MalformedPolicyDocument" || fail "expected MalformedPolicyDocument, got: $out"

echo "the other account cannot see the role"
if out=$(AWS_ACCESS_KEY_ID=test-b AWS_SECRET_ACCESS_KEY=test-b "$AWS" iam get-role --role-name cli-etl 2>&1); then
  fail "account 111111111111 saw account 000000000000's role: $out"
fi
echo "$out" | grep -q "NoSuchEntity" || fail "expected NoSuchEntity, got: $out"

echo "clean up: detach, delete the inline policy, delete the role"
"$AWS" iam detach-role-policy --role-name cli-etl \
  --policy-arn arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole
"$AWS" iam delete-role-policy --role-name cli-etl --policy-name read-raw
"$AWS" iam delete-role --role-name cli-etl
if "$AWS" iam get-role --role-name cli-etl >/dev/null 2>&1; then fail "the role is still there"; fi
echo "ok"
