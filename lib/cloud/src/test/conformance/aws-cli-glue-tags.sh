#!/usr/bin/env bash
# Glue's tagging operations through AWS CLI v2, on a job, a trigger, a crawler and a database addressed by
# their ARNs: tags given at creation, tag-resource, untag-resource, get-tags, the List filters, and the errors.
set -euo pipefail

arn=arn:aws:glue:us-east-1:000000000000
source "$(dirname "$0")/glue-role.bash"
role=$(glue_role GlueLabJobRole)
fail() { echo "FAIL: $*"; exit 1; }

# A resource's tags as sorted "key=value" words.
tags() {
  "$AWS" glue get-tags --resource-arn "$arn:$1" --output json \
    | /usr/bin/python3 -c 'import json,sys; print(" ".join(sorted(f"{k}={v}" for k, v in json.load(sys.stdin)["Tags"].items())))'
}

expect_tags() {
  local got
  got=$(tags "$1")
  echo "get-tags $1 -> $got"
  [ "$got" = "$2" ] || fail "expected '$2', got '$got'"
}

echo "create a job, a trigger, a crawler and a database, each with --tags"
"$AWS" glue create-job --name cli-tagged-job --role "$role" --command Name=glueetl,ScriptLocation=s3://lab-jobs/job.jar \
  --tags team=data >/dev/null
"$AWS" glue create-trigger --name cli-tagged-trigger --type ON_DEMAND --actions JobName=cli-tagged-job \
  --tags team=ops >/dev/null
"$AWS" glue create-crawler --name cli-tagged-crawler --role "$role" --database-name lake \
  --targets '{"S3Targets":[{"Path":"s3://lake/sales/"}]}' --tags team=lake
"$AWS" glue create-database --database-input '{"Name":"CLI_Tagged"}' --tags team=bi
expect_tags job/cli-tagged-job "team=data"
expect_tags trigger/cli-tagged-trigger "team=ops"
expect_tags crawler/cli-tagged-crawler "team=lake"
expect_tags database/cli_tagged "team=bi"

echo "tag-resource adds and overwrites; untag-resource removes only the keys it names"
"$AWS" glue tag-resource --resource-arn "$arn:job/cli-tagged-job" --tags-to-add team=platform,tier=gold
expect_tags job/cli-tagged-job "team=platform tier=gold"
"$AWS" glue untag-resource --resource-arn "$arn:job/cli-tagged-job" --tags-to-remove team never-there
expect_tags job/cli-tagged-job "tier=gold"

echo "list-jobs and list-crawlers filter by those tags"
jobs=$("$AWS" glue list-jobs --tags tier=gold --query 'JobNames' --output text)
[ "$jobs" = "cli-tagged-job" ] || fail "list-jobs --tags tier=gold answered '$jobs'"
crawlers=$("$AWS" glue list-crawlers --tags team=lake --query 'CrawlerNames' --output text)
[ "$crawlers" = "cli-tagged-crawler" ] || fail "list-crawlers --tags team=lake answered '$crawlers'"

echo "a job that does not exist is EntityNotFoundException; a table cannot be tagged; aws: is reserved"
if out=$("$AWS" glue get-tags --resource-arn "$arn:job/cli-missing" 2>&1); then
  fail "get-tags of a missing job answered: $out"
fi
echo "$out" | grep -q "EntityNotFoundException" || fail "expected EntityNotFoundException, got: $out"
if out=$("$AWS" glue get-tags --resource-arn "$arn:table/cli_tagged/t" 2>&1); then
  fail "get-tags of a table answered: $out"
fi
echo "$out" | grep -q "InvalidInputException" || fail "expected InvalidInputException, got: $out"
if out=$("$AWS" glue tag-resource --resource-arn "$arn:database/cli_tagged" --tags-to-add aws:owner=me 2>&1); then
  fail "a tag with the aws: prefix was accepted"
fi
echo "$out" | grep -q "InvalidInputException" || fail "expected InvalidInputException, got: $out"

echo "clean-up; a job created again under the same name has no tags"
"$AWS" glue delete-trigger --name cli-tagged-trigger >/dev/null
"$AWS" glue delete-crawler --name cli-tagged-crawler
"$AWS" glue delete-database --name cli_tagged
"$AWS" glue delete-job --job-name cli-tagged-job >/dev/null
"$AWS" glue create-job --name cli-tagged-job --role "$role" --command Name=glueetl >/dev/null
expect_tags job/cli-tagged-job ""
"$AWS" glue delete-job --job-name cli-tagged-job >/dev/null
echo "ok"
