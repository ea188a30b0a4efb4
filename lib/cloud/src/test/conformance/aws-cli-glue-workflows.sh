#!/usr/bin/env bash
# Glue workflows through AWS CLI v2: a workflow of three jobs chained by an ON_DEMAND and two CONDITIONAL triggers,
# a run's graph and statistics, its properties, and the errors AWS answers with. This Lab Cloud's worker is off, so
# every job run fails: B watches A's FAILED and runs; C watches B's SUCCEEDED and never does.
set -euo pipefail

source "$(dirname "$0")/glue-role.bash"
role=$(glue_role GlueLabJobRole)
fail() { echo "FAIL: $*"; exit 1; }

echo "glue create-workflow, with default run properties"
name=$("$AWS" glue create-workflow --name cli-flow --description "A, then B, then C" \
  --default-run-properties source=s3://lab/raw/ --query Name --output text)
[ "$name" = "cli-flow" ] || fail "create-workflow answered $name"
if out=$("$AWS" glue create-workflow --name cli-flow 2>&1); then fail "a duplicate workflow was accepted"; fi
echo "$out" | grep -q AlreadyExistsException || fail "expected AlreadyExistsException, got: $out"

for job in A B C; do
  "$AWS" glue create-job --name "cli-flow-$job" --role "$role" --glue-version 5.0 \
    --command Name=glueetl,ScriptLocation=s3://lab-jobs/flow.jar --default-arguments '{"--class":"com.example.Flow"}' >/dev/null
done
"$AWS" glue create-trigger --name cli-flow-start --workflow-name cli-flow --type ON_DEMAND \
  --actions JobName=cli-flow-A >/dev/null
"$AWS" glue create-trigger --name cli-flow-after-A --workflow-name cli-flow --type CONDITIONAL --start-on-creation \
  --predicate 'Conditions=[{LogicalOperator=EQUALS,JobName=cli-flow-A,State=FAILED}]' --actions JobName=cli-flow-B >/dev/null
"$AWS" glue create-trigger --name cli-flow-after-B --workflow-name cli-flow --type CONDITIONAL --start-on-creation \
  --predicate 'Conditions=[{LogicalOperator=EQUALS,JobName=cli-flow-B,State=SUCCEEDED}]' --actions JobName=cli-flow-C >/dev/null

echo "glue get-workflow --include-graph: three triggers, three jobs, five edges"
read -r nodes edges < <("$AWS" glue get-workflow --name cli-flow --include-graph \
  --query '[length(Workflow.Graph.Nodes),length(Workflow.Graph.Edges)]' --output text)
[ "$nodes" = "6" ] || fail "expected 6 nodes, got $nodes"
[ "$edges" = "5" ] || fail "expected 5 edges, got $edges"

echo "glue start-workflow-run, then wait for it to complete"
run=$("$AWS" glue start-workflow-run --name cli-flow --run-properties day=2026-12-07 --query RunId --output text)
[[ "$run" =~ ^wr_[0-9a-f]{64}$ ]] || fail "unexpected RunId $run"
status=RUNNING
for _ in $(seq 1 200); do
  status=$("$AWS" glue get-workflow-run --name cli-flow --run-id "$run" --query Run.Status --output text)
  [ "$status" = "COMPLETED" ] && break
  sleep 0.1
done
[ "$status" = "COMPLETED" ] || fail "the run is still $status"

echo "its statistics: A and B ran and failed; C never ran"
read -r total failed succeeded running < <("$AWS" glue get-workflow-run --name cli-flow --run-id "$run" \
  --query 'Run.Statistics.[TotalActions,FailedActions,SucceededActions,RunningActions]' --output text)
[ "$total $failed $succeeded $running" = "2 2 0 0" ] || fail "unexpected statistics $total $failed $succeeded $running"
trigger=$("$AWS" glue get-workflow-run --name cli-flow --run-id "$run" --include-graph \
  --query "Run.Graph.Nodes[?Name=='cli-flow-B'].JobDetails.JobRuns[0].TriggerName | [0]" --output text)
[ "$trigger" = "cli-flow-after-A" ] || fail "B's run names trigger $trigger"
crun=$("$AWS" glue get-job-runs --job-name cli-flow-C --query 'length(JobRuns)' --output text)
[ "$crun" = "0" ] || fail "C ran $crun times"
wfarg=$("$AWS" glue get-job-runs --job-name cli-flow-A --query 'JobRuns[0].Arguments."--WORKFLOW_RUN_ID"' --output text)
[ "$wfarg" = "$run" ] || fail "A's run was given --WORKFLOW_RUN_ID $wfarg"

echo "glue put-workflow-run-properties adds to the run's properties"
"$AWS" glue put-workflow-run-properties --name cli-flow --run-id "$run" --run-properties rows=42 >/dev/null
props=$("$AWS" glue get-workflow-run-properties --name cli-flow --run-id "$run" \
  --query 'RunProperties.[source,day,rows]' --output text)
[ "$props" = "s3://lab/raw/	2026-12-07	42" ] || fail "unexpected run properties: $props"

echo "stopping a completed run is IllegalWorkflowStateException; a missing workflow EntityNotFoundException"
if out=$("$AWS" glue stop-workflow-run --name cli-flow --run-id "$run" 2>&1); then fail "a completed run was stopped"; fi
echo "$out" | grep -q IllegalWorkflowStateException || fail "expected IllegalWorkflowStateException, got: $out"
if out=$("$AWS" glue get-workflow --name cli-nowhere 2>&1); then fail "a missing workflow was found"; fi
echo "$out" | grep -q EntityNotFoundException || fail "expected EntityNotFoundException, got: $out"

echo "glue list-workflows, batch-get-workflows and get-workflow-runs"
"$AWS" glue list-workflows --query Workflows --output text | grep -qw cli-flow || fail "list-workflows lacks cli-flow"
missing=$("$AWS" glue batch-get-workflows --names cli-flow cli-nowhere --query 'MissingWorkflows[0]' --output text)
[ "$missing" = "cli-nowhere" ] || fail "batch-get-workflows missed $missing"
last=$("$AWS" glue get-workflow --name cli-flow --query Workflow.LastRun.WorkflowRunId --output text)
[ "$last" = "$run" ] || fail "LastRun is $last"
runs=$("$AWS" glue get-workflow-runs --name cli-flow --query 'length(Runs)' --output text)
[ "$runs" = "1" ] || fail "expected one run, got $runs"

echo "glue delete-workflow deletes its triggers too"
"$AWS" glue delete-workflow --name cli-flow >/dev/null
if "$AWS" glue get-trigger --name cli-flow-start >/dev/null 2>&1; then fail "the workflow's trigger outlived it"; fi
for job in A B C; do "$AWS" glue delete-job --job-name "cli-flow-$job" >/dev/null; done
echo "ok"
