#!/usr/bin/env bash
# A Glue job run end to end through AWS CLI v2, as a learner would drive it: the job jar and a stub .scala
# launcher copied to S3, create-job with --class and --extra-jars, start-job-run, get-job-run polled until it
# ends, then the Parquet output listed with s3 ls and the driver output read with logs get-log-events.
set -euo pipefail

fail() { echo "FAIL: $1"; exit 1; }
[ -f "${JOB_JAR:-}" ] || fail "JOB_JAR names no file: ${JOB_JAR:-unset}"

echo "s3 mb, and s3 cp of the job jar, the launcher script and the input"
for bucket in cli-jobs cli-raw cli-refined; do
  "$AWS" s3 mb "s3://$bucket" > /dev/null
done
"$AWS" s3 cp "$JOB_JAR" s3://cli-jobs/jars/lab-jobs.jar > /dev/null
printf '// Glue compiles this before the run; the run starts at --class.\nobject GlueLabLauncher\n' > "$WORK_DIR/launcher.scala"
"$AWS" s3 cp "$WORK_DIR/launcher.scala" s3://cli-jobs/scripts/launcher.scala > /dev/null
printf 'id,name,amount\n1,Ada,12.50\n2,Grace,7.25\n3,Linus,3.00\n' > "$WORK_DIR/customers.csv"
"$AWS" s3 cp "$WORK_DIR/customers.csv" s3://cli-raw/customers/customers.csv > /dev/null

echo "glue create-job with --class and --extra-jars"
"$AWS" glue create-job --name cli-csv-to-parquet --role arn:aws:iam::000000000000:role/GlueLabJobRole \
  --glue-version 5.0 --worker-type G.1X --number-of-workers 2 \
  --command Name=glueetl,ScriptLocation=s3://cli-jobs/scripts/launcher.scala \
  --default-arguments '{"--job-language":"scala","--class":"labtest.CsvToParquet",
    "--extra-jars":"s3://cli-jobs/jars/lab-jobs.jar","--input":"s3://cli-raw/customers/",
    "--output":"s3://cli-refined/customers/"}' > /dev/null

echo "glue start-job-run, then get-job-run until the run ends"
run=$("$AWS" glue start-job-run --job-name cli-csv-to-parquet --query JobRunId --output text)
[[ "$run" =~ ^jr_[0-9a-f]{64}$ ]] || fail "unexpected JobRunId $run"
state=STARTING
for _ in $(seq 1 300); do
  state=$("$AWS" glue get-job-run --job-name cli-csv-to-parquet --run-id "$run" \
    --query JobRun.JobRunState --output text)
  case "$state" in
    SUCCEEDED) break ;;
    STARTING|RUNNING) sleep 1 ;;
    *) fail "the run ended $state: $("$AWS" glue get-job-run --job-name cli-csv-to-parquet --run-id "$run" \
         --query JobRun.ErrorMessage --output text)" ;;
  esac
done
[ "$state" = "SUCCEEDED" ] || fail "the run is still $state after 5 minutes"
read -r completed seconds < <("$AWS" glue get-job-run --job-name cli-csv-to-parquet --run-id "$run" \
  --query 'JobRun.[CompletedOn,ExecutionTime]' --output text)
[ -n "$completed" ] && [ "$completed" != "None" ] || fail "a SUCCEEDED run without CompletedOn"
[[ "$seconds" =~ ^[0-9]+$ ]] || fail "ExecutionTime is $seconds"

echo "s3 ls: Parquet part files, nothing temporary"
listing=$("$AWS" s3 ls s3://cli-refined/customers/ --recursive)
echo "$listing"
echo "$listing" | grep -Eq 'customers/part-[^ ]+\.parquet$' || fail "no Parquet part file under customers/"
if echo "$listing" | grep -q '_temporary'; then fail "the commit left _temporary objects"; fi

echo "logs get-log-events: the run's driver stream in /aws-glue/jobs/output"
streams=$("$AWS" logs describe-log-streams --log-group-name /aws-glue/jobs/output --log-stream-name-prefix "$run" \
  --query 'logStreams[].logStreamName' --output text)
[ "$streams" = "$run" ] || fail "expected the log stream $run, got: $streams"
messages=$("$AWS" logs get-log-events --log-group-name /aws-glue/jobs/output --log-stream-name "$run" \
  --start-from-head --query 'events[].message' --output json)
echo "$messages"
echo "$messages" | grep -q '"read 3 rows"' || fail "the job's own output line is missing"
echo "$messages" | grep -Fq '{\"glue_lab_metric\":\"run\",\"filesRead\":1,\"rowsRead\":3,\"rowsWritten\":3}' \
  || fail "the run metric line is missing or wrong"

echo "clean-up"
"$AWS" glue delete-job --job-name cli-csv-to-parquet > /dev/null
echo "OK"
