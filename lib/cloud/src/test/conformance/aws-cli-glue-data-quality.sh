#!/usr/bin/env bash
# Glue Data Quality through AWS CLI v2: a ruleset created, read, updated, listed with its rule count and deleted;
# bad DQDL refused with the parser's position; an evaluation run, which fails at once because this Lab Cloud's
# worker is off, with its ErrorString.
set -euo pipefail

source "$(dirname "$0")/glue-role.bash"
role=$(glue_role GlueLabJobRole)
fail() { echo "FAIL: $*"; exit 1; }
rules='Rules = [ RowCount > 0, IsComplete "id", IsUnique "id", ColumnValues "amount" >= 0 ]'

echo "glue create-data-quality-ruleset, with a target table"
name=$("$AWS" glue create-data-quality-ruleset --name cli-orders-gate --ruleset "$rules" \
  --target-table TableName=orders,DatabaseName=sales --query Name --output text)
[ "$name" = "cli-orders-gate" ] || fail "create answered $name"
got=$("$AWS" glue get-data-quality-ruleset --name cli-orders-gate --query Ruleset --output text)
[ "$got" = "$rules" ] || fail "get-data-quality-ruleset answered $got"

echo "bad DQDL is InvalidInputException with the position, a taken name AlreadyExistsException"
if out=$("$AWS" glue create-data-quality-ruleset --name cli-bad --ruleset 'Rules = [ RowCount >> 0 ]' 2>&1); then
  fail "bad DQDL was accepted"
fi
echo "$out" | grep -q InvalidInputException || fail "expected InvalidInputException, got: $out"
echo "$out" | grep -q "line 1:" || fail "the error does not say where: $out"
if out=$("$AWS" glue create-data-quality-ruleset --name cli-orders-gate --ruleset "$rules" 2>&1); then
  fail "a duplicate ruleset was accepted"
fi
echo "$out" | grep -q AlreadyExistsException || fail "expected AlreadyExistsException, got: $out"

echo "glue update-data-quality-ruleset, then list-data-quality-rulesets by target table"
"$AWS" glue update-data-quality-ruleset --name cli-orders-gate --description "orders gate" >/dev/null
read -r listed count < <("$AWS" glue list-data-quality-rulesets \
  --filter '{"TargetTable":{"TableName":"orders","DatabaseName":"sales"}}' \
  --query 'Rulesets[0].[Name,RuleCount]' --output text)
[ "$listed" = "cli-orders-gate" ] && [ "$count" = "4" ] || fail "list answered $listed $count"

echo "glue start-data-quality-ruleset-evaluation-run: FAILED with an ErrorString while the worker is off"
run=$("$AWS" glue start-data-quality-ruleset-evaluation-run --role "$role" --ruleset-names cli-orders-gate \
  --data-source '{"GlueTable":{"DatabaseName":"sales","TableName":"orders"}}' --query RunId --output text)
case "$run" in dqrun-*) ;; *) fail "RunId $run";; esac
for _ in $(seq 1 50); do
  status=$("$AWS" glue get-data-quality-ruleset-evaluation-run --run-id "$run" --query Status --output text)
  [ "$status" = "RUNNING" ] || break
  sleep 0.2
done
[ "$status" = "FAILED" ] || fail "the run is $status"
error=$("$AWS" glue get-data-quality-ruleset-evaluation-run --run-id "$run" --query ErrorString --output text)
[ -n "$error" ] && [ "$error" != "None" ] || fail "no ErrorString"
if out=$("$AWS" glue get-data-quality-result --result-id dqresult-missing 2>&1); then fail "a missing result was found"; fi
echo "$out" | grep -q EntityNotFoundException || fail "expected EntityNotFoundException, got: $out"

echo "glue delete-data-quality-ruleset"
"$AWS" glue delete-data-quality-ruleset --name cli-orders-gate
if out=$("$AWS" glue get-data-quality-ruleset --name cli-orders-gate 2>&1); then fail "the deleted ruleset is still there"; fi
echo "$out" | grep -q EntityNotFoundException || fail "expected EntityNotFoundException, got: $out"
echo "ok"
