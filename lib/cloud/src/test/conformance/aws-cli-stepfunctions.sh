#!/usr/bin/env bash
# Step Functions through AWS CLI v2 (Debian's 2.9, which predates ValidateStateMachineDefinition): a role Step
# Functions may assume, definitions refused with AWS's diagnostics,
# a machine created and described, an execution whose Choice, intrinsic functions and Map run to their end,
# its history with AWS's event types, a Wait state held until the lab clock passes it, a stop, and AWS's errors.
set -euo pipefail
cd "$WORK_DIR"

fail() { echo "FAIL: $*"; exit 1; }
suffix=$RANDOM$RANDOM

expect_error() { # code, then the command
  local code=$1; shift
  local out
  if out=$("$@" 2>&1); then fail "expected $code from $*"; fi
  echo "$out" | grep -q "($code)" || fail "expected $code, got: $out"
}

wait_done() { # execution ARN; prints its final status
  local status
  for _ in $(seq 1 200); do
    status=$("$AWS" stepfunctions describe-execution --execution-arn "$1" --query status --output text)
    [ "$status" != RUNNING ] && { echo "$status"; return; }
    sleep 0.1
  done
  echo "$status"
}

echo "iam create-role: a role that trusts states.amazonaws.com"
role=$("$AWS" iam create-role --role-name "cli-sfn-$suffix" --query Role.Arn --output text \
  --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole"}]}')

echo "create-state-machine refuses a missing target with InvalidDefinition, naming its code and location"
if out=$("$AWS" stepfunctions create-state-machine --name "cli-bad-$suffix" --role-arn "$role" \
  --definition '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}' 2>&1); then fail "created"; fi
echo "$out" | grep -q "(InvalidDefinition)" || fail "not InvalidDefinition: $out"
echo "$out" | grep -q "MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A" || fail "diagnostic: $out"
expect_error InvalidDefinition "$AWS" stepfunctions create-state-machine --name "cli-bad-$suffix" --role-arn "$role" \
  --definition '{"StartAt":"A","States":{"A":{"Type":"Wait","End":true}}}'

cat > orders.asl.json <<'ASL'
{"Comment":"Sorts orders: big ones are counted, each line is priced",
 "StartAt":"Size",
 "States":{
  "Size":{"Type":"Choice","Choices":[{"Variable":"$.total","NumericGreaterThan":100,"Next":"Big"}],"Default":"Small"},
  "Big":{"Type":"Pass","Parameters":{"label.$":"States.Format('big order {}', $.id)","lines.$":"$.lines"},"Next":"Price"},
  "Small":{"Type":"Pass","Parameters":{"label":"small","lines.$":"$.lines"},"Next":"Price"},
  "Price":{"Type":"Map","ItemsPath":"$.lines","ResultPath":"$.priced",
           "ItemProcessor":{"StartAt":"Line","States":{"Line":{"Type":"Pass",
             "Parameters":{"sku.$":"$.sku","cents.$":"States.MathAdd($.cents, 0)"},"End":true}}},
           "End":true}}}
ASL
echo "create-state-machine and describe-state-machine"
machine=$("$AWS" stepfunctions create-state-machine --name "cli-orders-$suffix" --role-arn "$role" \
  --definition file://orders.asl.json --query stateMachineArn --output text)
[ "$machine" = "arn:aws:states:us-east-1:000000000000:stateMachine:cli-orders-$suffix" ] || fail "ARN $machine"
[ "$("$AWS" stepfunctions describe-state-machine --state-machine-arn "$machine" --query type --output text)" \
  = STANDARD ] || fail "type"

echo "start-execution: the Choice, States.Format and the Map run to the end"
execution=$("$AWS" stepfunctions start-execution --state-machine-arn "$machine" --name "order-1" \
  --input '{"id":7,"total":250,"lines":[{"sku":"a","cents":100},{"sku":"b","cents":150}]}' \
  --query executionArn --output text)
[ "$(wait_done "$execution")" = SUCCEEDED ] || fail "execution did not succeed"
"$AWS" stepfunctions describe-execution --execution-arn "$execution" --query output --output text > output.json
[ "$(jq -r .label output.json)" = "big order 7" ] || fail "label $(cat output.json)"
[ "$(jq -c .priced output.json)" = '[{"sku":"a","cents":100},{"sku":"b","cents":150}]' ] || fail "priced $(cat output.json)"

echo "get-execution-history: AWS's event types, in order and reversed"
types=$("$AWS" stepfunctions get-execution-history --execution-arn "$execution" --query 'events[].type' --output text)
for t in ExecutionStarted ChoiceStateEntered ChoiceStateExited PassStateEntered MapStateStarted MapIterationStarted \
  MapIterationSucceeded MapStateSucceeded MapStateExited ExecutionSucceeded; do
  echo "$types" | grep -qw "$t" || fail "no $t in $types"
done
[ "$("$AWS" stepfunctions get-execution-history --execution-arn "$execution" --reverse-order --max-items 1 \
  --query 'events[0].type' --output text | head -1)" = ExecutionSucceeded ] || fail "reversed history"

echo "a Wait state holds the execution until the lab clock passes it"
waiting=$("$AWS" stepfunctions create-state-machine --name "cli-wait-$suffix" --role-arn "$role" --query stateMachineArn \
  --output text --definition '{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}')
held=$("$AWS" stepfunctions start-execution --state-machine-arn "$waiting" --query executionArn --output text)
[ "$("$AWS" stepfunctions describe-execution --execution-arn "$held" --query status --output text)" = RUNNING ] \
  || fail "not waiting"
curl -sf -X POST "$LAB_ENDPOINT/_lab/clock/advance" -d '{"seconds":601}' > /dev/null
[ "$(wait_done "$held")" = SUCCEEDED ] || fail "the wait did not end"

echo "stop-execution aborts a running execution; list-executions filters by status"
stopped=$("$AWS" stepfunctions start-execution --state-machine-arn "$waiting" --query executionArn --output text)
"$AWS" stepfunctions stop-execution --execution-arn "$stopped" --error Operator --cause "not today" > /dev/null
[ "$("$AWS" stepfunctions list-executions --state-machine-arn "$waiting" --status-filter ABORTED \
  --query 'executions[0].executionArn' --output text)" = "$stopped" ] || fail "aborted not listed"

echo "AWS's errors: ExecutionAlreadyExists, StateMachineDoesNotExist, ExecutionDoesNotExist, InvalidArn"
expect_error ExecutionAlreadyExists "$AWS" stepfunctions start-execution --state-machine-arn "$machine" --name order-1 \
  --input '{"id":8,"total":1,"lines":[]}'
expect_error StateMachineDoesNotExist "$AWS" stepfunctions describe-state-machine --state-machine-arn "$machine-gone"
expect_error ExecutionDoesNotExist "$AWS" stepfunctions describe-execution --execution-arn "$execution-gone"
expect_error InvalidArn "$AWS" stepfunctions describe-state-machine --state-machine-arn not-an-arn

echo "delete-state-machine"
"$AWS" stepfunctions delete-state-machine --state-machine-arn "$machine"
expect_error StateMachineDoesNotExist "$AWS" stepfunctions describe-state-machine --state-machine-arn "$machine"
echo "OK"
