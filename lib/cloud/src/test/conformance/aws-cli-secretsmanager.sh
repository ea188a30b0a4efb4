#!/usr/bin/env bash
# Secrets Manager through AWS CLI v2: a secret created, read by name and ARN, a new value moving AWSCURRENT and
# AWSPREVIOUS, a label moved by hand, tags and filters, a random password, a resource policy, AWS's errors, rotation
# with a function whose policy must admit secretsmanager.amazonaws.com (this one leaves AWSCURRENT where it was, so
# the rotation fails and AWSPENDING stays), and deletion with a recovery window, restored.
set -euo pipefail
cd "$WORK_DIR"

fail() { echo "FAIL: $*"; exit 1; }
suffix=$RANDOM$RANDOM
name="cli/app-$suffix"

expect_error() { # code, then the command
  local code=$1; shift
  local out
  if out=$("$@" 2>&1); then fail "expected $code from $*"; fi
  echo "$out" | grep -q "($code)" || fail "expected $code, got: $out"
}

echo "secretsmanager create-secret: an ARN ending in six random characters"
arn=$("$AWS" secretsmanager create-secret --name "$name" --description "the app's database" \
  --secret-string '{"username":"app","password":"first"}' --tags Key=team,Value=data --query ARN --output text)
[[ "$arn" =~ ^arn:aws:secretsmanager:us-east-1:000000000000:secret:$name-[A-Za-z0-9]{6}$ ]] || fail "ARN $arn"

echo "get-secret-value by name and by ARN"
[ "$("$AWS" secretsmanager get-secret-value --secret-id "$name" --query SecretString --output text)" \
  = '{"username":"app","password":"first"}' ] || fail "value by name"
[ "$("$AWS" secretsmanager get-secret-value --secret-id "$arn" --query 'VersionStages[0]' --output text)" \
  = "AWSCURRENT" ] || fail "stage by ARN"
first=$("$AWS" secretsmanager get-secret-value --secret-id "$name" --query VersionId --output text)

echo "put-secret-value moves AWSCURRENT; the old version becomes AWSPREVIOUS"
second=$("$AWS" secretsmanager put-secret-value --secret-id "$name" --secret-string '{"username":"app","password":"second"}' \
  --query VersionId --output text)
[ "$("$AWS" secretsmanager describe-secret --secret-id "$name" --query "VersionIdsToStages.\"$first\"[0]" --output text)" \
  = "AWSPREVIOUS" ] || fail "first version not AWSPREVIOUS"
[ "$("$AWS" secretsmanager get-secret-value --secret-id "$name" --version-stage AWSPREVIOUS --query SecretString \
  --output text)" = '{"username":"app","password":"first"}' ] || fail "AWSPREVIOUS value"

echo "update-secret-version-stage moves AWSCURRENT back, with RemoveFromVersionId"
expect_error InvalidParameterException "$AWS" secretsmanager update-secret-version-stage --secret-id "$name" \
  --version-stage AWSCURRENT --move-to-version-id "$first"
"$AWS" secretsmanager update-secret-version-stage --secret-id "$name" --version-stage AWSCURRENT \
  --move-to-version-id "$first" --remove-from-version-id "$second" >/dev/null
[ "$("$AWS" secretsmanager get-secret-value --secret-id "$name" --query VersionId --output text)" = "$first" ] \
  || fail "AWSCURRENT did not move"
[ "$("$AWS" secretsmanager list-secret-version-ids --secret-id "$name" --query 'length(Versions)' --output text)" = 2 ] \
  || fail "two versions"

echo "list-secrets with name and tag filters"
[ "$("$AWS" secretsmanager list-secrets --filters Key=name,Values="cli/app-$suffix" --query 'SecretList[0].Name' \
  --output text)" = "$name" ] || fail "name filter"
[ "$("$AWS" secretsmanager list-secrets --filters Key=tag-value,Values=nothing-tagged-so \
  --query 'length(SecretList)' --output text)" = 0 ] || fail "tag-value filter"
"$AWS" secretsmanager untag-resource --secret-id "$name" --tag-keys team
[ "$("$AWS" secretsmanager describe-secret --secret-id "$name" --query 'length(Tags || `[]`)' --output text)" = 0 ] \
  || fail "untagged"

echo "get-random-password with its options"
password=$("$AWS" secretsmanager get-random-password --password-length 20 --exclude-punctuation \
  --query RandomPassword --output text)
[[ "$password" =~ ^[A-Za-z0-9]{20}$ ]] || fail "password $password"

echo "put/get/delete-resource-policy"
"$AWS" secretsmanager put-resource-policy --secret-id "$name" --resource-policy \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}' >/dev/null
"$AWS" secretsmanager get-resource-policy --secret-id "$name" --query ResourcePolicy --output text \
  | grep -q GetSecretValue || fail "policy"
"$AWS" secretsmanager delete-resource-policy --secret-id "$name" >/dev/null

echo "AWS's errors"
expect_error ResourceNotFoundException "$AWS" secretsmanager get-secret-value --secret-id "cli/none-$suffix"
expect_error ResourceExistsException "$AWS" secretsmanager create-secret --name "$name" --secret-string x
expect_error InvalidParameterException "$AWS" secretsmanager delete-secret --secret-id "$name" --recovery-window-in-days 3

echo "rotate-secret: refused until the function's policy admits secretsmanager.amazonaws.com"
mkdir -p src/conformance
cat > src/conformance/Idle.java <<'JAVA'
package conformance;
import java.util.Map;
public class Idle {
    public String handle(Map<String, Object> event) {
        System.out.println("step " + event.get("Step"));
        return null;
    }
}
JAVA
javac -d classes src/conformance/Idle.java
(cd classes && jar cf ../idle.zip conformance/Idle.class)
"$AWS" iam create-role --role-name "cli-rotation-$suffix" --assume-role-policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null
function_arn=$("$AWS" lambda create-function --function-name "cli-rotation-$suffix" --runtime java17 \
  --role "arn:aws:iam::000000000000:role/cli-rotation-$suffix" --handler conformance.Idle::handle \
  --zip-file fileb://idle.zip --timeout 30 --query FunctionArn --output text)
"$AWS" lambda wait function-active-v2 --function-name "cli-rotation-$suffix"
expect_error AccessDeniedException "$AWS" secretsmanager rotate-secret --secret-id "$name" \
  --rotation-lambda-arn "$function_arn" --rotation-rules AutomaticallyAfterDays=30
"$AWS" lambda add-permission --function-name "cli-rotation-$suffix" --statement-id secretsmanager \
  --action lambda:InvokeFunction --principal secretsmanager.amazonaws.com >/dev/null

echo "rotate-secret with a function that never moves AWSCURRENT: AWSPENDING stays, AWSCURRENT is untouched"
pending=$("$AWS" secretsmanager rotate-secret --secret-id "$name" --rotation-lambda-arn "$function_arn" \
  --rotation-rules AutomaticallyAfterDays=30 --query VersionId --output text)
[ "$("$AWS" secretsmanager describe-secret --secret-id "$name" --query "VersionIdsToStages.\"$pending\"[0]" \
  --output text)" = "AWSPENDING" ] || fail "no AWSPENDING"
[ "$("$AWS" secretsmanager get-secret-value --secret-id "$name" --query VersionId --output text)" = "$first" ] \
  || fail "AWSCURRENT moved"
[ "$("$AWS" secretsmanager describe-secret --secret-id "$name" --query RotationEnabled --output text)" = "True" ] \
  || fail "rotation not enabled"
[ "$("$AWS" secretsmanager describe-secret --secret-id "$name" --query RotationRules.AutomaticallyAfterDays \
  --output text)" = 30 ] || fail "rules"
"$AWS" secretsmanager cancel-rotate-secret --secret-id "$name" >/dev/null
[ "$("$AWS" secretsmanager describe-secret --secret-id "$name" --query 'RotationEnabled || `false`' --output text)" \
  = "False" ] || fail "rotation still enabled"

echo "delete-secret with a recovery window; reads refused; restore-secret"
"$AWS" secretsmanager delete-secret --secret-id "$name" --recovery-window-in-days 7 >/dev/null
expect_error InvalidRequestException "$AWS" secretsmanager get-secret-value --secret-id "$name"
"$AWS" secretsmanager restore-secret --secret-id "$name" >/dev/null
"$AWS" secretsmanager get-secret-value --secret-id "$name" >/dev/null
"$AWS" secretsmanager delete-secret --secret-id "$name" --force-delete-without-recovery >/dev/null
expect_error ResourceNotFoundException "$AWS" secretsmanager describe-secret --secret-id "$name"
echo "ok"
