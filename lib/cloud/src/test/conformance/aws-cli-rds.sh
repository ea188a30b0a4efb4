#!/usr/bin/env bash
# RDS through AWS CLI v2: a PostgreSQL DB instance created, awaited with the CLI's own waiter and reached with psql
# at its endpoint with the master password (a wrong one refused); the master password changed with
# modify-db-instance (the old one refused, the new one accepted); filters, tags, the errors AWS answers with, and a
# deletion that really stops the server.
set -euo pipefail
cd "$WORK_DIR"

fail() { echo "FAIL: $*"; exit 1; }
ID="cli$$-db"

status() { "$AWS" rds describe-db-instances --db-instance-identifier "$ID" \
  --query 'DBInstances[0].DBInstanceStatus' --output text; }
# The CLI's waiter polls every 30 s; poll quickly first, then let the waiter confirm with its own acceptors.
await_available() {
  for _ in $(seq 1 300); do [ "$(status)" = "available" ] && break; sleep 0.2; done
  "$AWS" rds wait db-instance-available --db-instance-identifier "$ID"
}
sql() { PGPASSWORD="$1" PGCONNECT_TIMEOUT=5 psql -h "$HOST" -p "$PORT" -U lab_admin -d sales -tAc "$2" 2>&1; }

echo "rds create-db-instance, then the db-instance-available waiter"
[ "$("$AWS" rds create-db-instance --db-instance-identifier "$ID" --engine postgres \
  --db-instance-class db.t3.micro --allocated-storage 20 --master-username lab_admin \
  --master-user-password 'first-Pass1' --db-name sales --tags Key=team,Value=sales \
  --query DBInstance.DBInstanceStatus --output text)" = "creating" ] || fail "not creating"
await_available
read -r HOST PORT ARN < <("$AWS" rds describe-db-instances --db-instance-identifier "$ID" \
  --query 'DBInstances[0].[Endpoint.Address,Endpoint.Port,DBInstanceArn]' --output text)
[ "$HOST" = "127.0.0.1" ] || fail "endpoint address $HOST"

echo "psql with the master password, and with a wrong one"
[ "$(sql 'first-Pass1' 'SELECT current_user')" = "lab_admin" ] || fail "master password refused"
case "$(sql 'wrong-Pass1' 'SELECT 1' || true)" in
  *"password authentication failed"*) ;; *) fail "a wrong password was not refused" ;; esac

echo "rds modify-db-instance --master-user-password"
[ "$("$AWS" rds modify-db-instance --db-instance-identifier "$ID" --master-user-password 'second-Pass2' \
  --apply-immediately --query DBInstance.PendingModifiedValues.MasterUserPassword --output text)" = "****" ] \
  || fail "no pending password"
await_available
case "$(sql 'first-Pass1' 'SELECT 1' || true)" in
  *"password authentication failed"*) ;; *) fail "the old password still works" ;; esac
[ "$(sql 'second-Pass2' 'SELECT 1')" = "1" ] || fail "the new password is refused"

echo "rds describe-db-instances with filters"
[ "$("$AWS" rds describe-db-instances --filters "Name=db-instance-id,Values=$ID" \
  --query 'length(DBInstances)' --output text)" = "1" ] || fail "db-instance-id filter"
[ "$("$AWS" rds describe-db-instances --filters Name=engine,Values=mysql \
  --query 'length(DBInstances)' --output text)" = "0" ] || fail "engine filter"

echo "rds add-tags-to-resource, list-tags-for-resource, remove-tags-from-resource"
"$AWS" rds add-tags-to-resource --resource-name "$ARN" --tags Key=stage,Value=lab
"$AWS" rds remove-tags-from-resource --resource-name "$ARN" --tag-keys team
[ "$("$AWS" rds list-tags-for-resource --resource-name "$ARN" --query 'TagList[].Key' --output text)" = "stage" ] \
  || fail "tags"

echo "errors: a bad identifier, a second instance, an unknown instance, a deletion without SkipFinalSnapshot"
expect_error() {
  local code="$1"; shift
  if out=$("$@" 2>&1); then fail "expected $code: $out"; fi
  case "$out" in *"($code)"*) ;; *) fail "expected $code, got: $out" ;; esac
}
expect_error InvalidParameterValue "$AWS" rds create-db-instance --db-instance-identifier "two--hyphens" \
  --engine postgres --db-instance-class db.t3.micro --allocated-storage 20 --master-username lab_admin \
  --master-user-password 'first-Pass1'
expect_error DBInstanceAlreadyExists "$AWS" rds create-db-instance --db-instance-identifier "$ID" \
  --engine postgres --db-instance-class db.t3.micro --allocated-storage 20 --master-username lab_admin \
  --master-user-password 'first-Pass1'
expect_error DBInstanceNotFound "$AWS" rds describe-db-instances --db-instance-identifier "cli$$-nothing"
expect_error InvalidParameterCombination "$AWS" rds delete-db-instance --db-instance-identifier "$ID"

echo "rds delete-db-instance --skip-final-snapshot stops the server"
[ "$("$AWS" rds delete-db-instance --db-instance-identifier "$ID" --skip-final-snapshot \
  --query DBInstance.DBInstanceStatus --output text)" = "deleting" ] || fail "not deleting"
for _ in $(seq 1 100); do
  "$AWS" rds describe-db-instances --db-instance-identifier "$ID" >/dev/null 2>&1 || break
  sleep 0.2
done
expect_error DBInstanceNotFound "$AWS" rds describe-db-instances --db-instance-identifier "$ID"
case "$(sql 'second-Pass2' 'SELECT 1' || true)" in
  *"Connection refused"*|*"could not connect"*) ;; *) fail "the server still answers" ;; esac
echo "OK"
