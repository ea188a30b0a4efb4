#!/usr/bin/env bash
# Glue job and trigger definitions through AWS CLI v2: create, read back, schedule validation, a run's
# record (its outcome depends on the worker, so only its shape is checked here), clean-up.
set -euo pipefail

fail() { echo "$1"; exit 1; }

echo "glue create-job"
name=$("$AWS" glue create-job --name cli-job --role arn:aws:iam::000000000000:role/GlueLabJobRole \
  --command Name=glueetl,ScriptLocation=s3://lab-jobs/job.jar --glue-version 5.0 \
  --default-arguments '{"--class":"com.example.Job","--job-bookmark-option":"job-bookmark-enable"}' \
  --worker-type G.1X --number-of-workers 2 --query Name --output text)
[ "$name" = "cli-job" ] || fail "create-job answered $name"

echo "glue get-job"
read -r timeout workers capacity concurrency < <("$AWS" glue get-job --job-name cli-job \
  --query 'Job.[Timeout,NumberOfWorkers,MaxCapacity,ExecutionProperty.MaxConcurrentRuns]' --output text)
[ "$timeout" = "2880" ] || fail "expected the default Timeout 2880, got $timeout"
[ "$workers" = "2" ] || fail "expected 2 workers, got $workers"
[ "$capacity" = "2.0" ] || fail "expected MaxCapacity 2.0, got $capacity"
[ "$concurrency" = "1" ] || fail "expected MaxConcurrentRuns 1, got $concurrency"

echo "a second create-job is AlreadyExistsException"
if out=$("$AWS" glue create-job --name cli-job --role r --command Name=glueetl 2>&1); then
  fail "a duplicate job was accepted"
fi
echo "$out" | grep -q "AlreadyExistsException" || fail "expected AlreadyExistsException, got: $out"

echo "glue start-job-run and get-job-run"
run=$("$AWS" glue start-job-run --job-name cli-job --arguments '{"--input_key":"raw/a.csv"}' \
  --query JobRunId --output text)
[[ "$run" =~ ^jr_[0-9a-f]{64}$ ]] || fail "unexpected JobRunId $run"
read -r id state key started < <("$AWS" glue get-job-run --job-name cli-job --run-id "$run" \
  --query 'JobRun.[Id,JobRunState,Arguments."--input_key",StartedOn]' --output text)
[ "$id" = "$run" ] || fail "get-job-run answered run $id"
case "$state" in STARTING|RUNNING|SUCCEEDED|FAILED) ;; *) fail "unexpected state $state" ;; esac
[ "$key" = "raw/a.csv" ] || fail "the run's arguments were not recorded: $key"
[ -n "$started" ] || fail "no StartedOn"
count=$("$AWS" glue get-job-runs --job-name cli-job --query 'length(JobRuns)' --output text)
[ "$count" = "1" ] || fail "expected one run, got $count"

echo "glue create-trigger with a cron schedule, and an invalid one"
"$AWS" glue create-trigger --name cli-trigger --type SCHEDULED --schedule "cron(0/5 * * * ? *)" \
  --actions JobName=cli-job > /dev/null
state=$("$AWS" glue get-trigger --name cli-trigger --query Trigger.State --output text)
[ "$state" = "CREATED" ] || fail "expected CREATED, got $state"
if out=$("$AWS" glue create-trigger --name cli-bad --type SCHEDULED --schedule "cron(0 12 * * * *)" \
    --actions JobName=cli-job 2>&1); then
  fail "an invalid schedule was accepted"
fi
echo "$out" | grep -q "InvalidInputException" || fail "expected InvalidInputException, got: $out"

echo "clean-up: delete-trigger and delete-job, twice each"
for i in 1 2; do
  "$AWS" glue delete-trigger --name cli-trigger > /dev/null
  "$AWS" glue delete-job --job-name cli-job > /dev/null
done
if out=$("$AWS" glue get-job --job-name cli-job 2>&1); then
  fail "the job is still there"
fi
echo "$out" | grep -q "EntityNotFoundException" || fail "expected EntityNotFoundException, got: $out"
echo "ok"
