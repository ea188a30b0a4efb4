"""Glue Data Quality through boto3: rulesets paged and filtered, an update that does not parse leaving the
ruleset as it was, an unknown ruleset refused by start_data_quality_ruleset_evaluation_run, an evaluation run
that fails at once (the worker is off in this Lab Cloud) with its timings, and the results APIs' answers."""
import os
import time

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
glue = boto3.client("glue", endpoint_url=ENDPOINT, region_name="us-east-1")
iam = boto3.client("iam", endpoint_url=ENDPOINT, region_name="us-east-1")


def expect_error(call, code):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        return e.response["Error"]["Message"]
    raise AssertionError("expected " + code)


role = iam.create_role(RoleName="Boto3DqRole", AssumeRolePolicyDocument="""{"Version":"2012-10-17","Statement":[
    {"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")["Role"]["Arn"]

print("create_data_quality_ruleset x3, list_data_quality_rulesets paged")
for n in ("py-a", "py-b", "py-c"):
    glue.create_data_quality_ruleset(Name=n, Ruleset='Rules = [ RowCount > 0, IsComplete "id" ]')
page = glue.list_data_quality_rulesets(MaxResults=2)
assert [r["Name"] for r in page["Rulesets"]] == ["py-a", "py-b"], page
assert page["Rulesets"][0]["RuleCount"] == 2, page
rest = glue.list_data_quality_rulesets(MaxResults=2, NextToken=page["NextToken"])
assert [r["Name"] for r in rest["Rulesets"]] == ["py-c"], rest

print("an update that does not parse is InvalidInputException and changes nothing")
message = expect_error(lambda: glue.update_data_quality_ruleset(Name="py-a", Ruleset="Rules = [ IsComplete ]"),
                       "InvalidInputException")
assert "IsComplete" in message, message
assert glue.get_data_quality_ruleset(Name="py-a")["Ruleset"] == 'Rules = [ RowCount > 0, IsComplete "id" ]'

print("start_data_quality_ruleset_evaluation_run: an unknown ruleset is EntityNotFoundException")
source = {"GlueTable": {"DatabaseName": "py_sales", "TableName": "py_orders"}}
expect_error(lambda: glue.start_data_quality_ruleset_evaluation_run(DataSource=source, Role=role,
                                                                    RulesetNames=["py-missing"]),
             "EntityNotFoundException")

print("an evaluation run fails at once while the worker is off, with its timings")
run_id = glue.start_data_quality_ruleset_evaluation_run(DataSource=source, Role=role, RulesetNames=["py-a", "py-b"])["RunId"]
for _ in range(50):
    run = glue.get_data_quality_ruleset_evaluation_run(RunId=run_id)
    if run["Status"] != "RUNNING":
        break
    time.sleep(0.2)
assert run["Status"] == "FAILED", run
assert run["ErrorString"], run
assert run["RulesetNames"] == ["py-a", "py-b"], run
assert run["CompletedOn"] >= run["StartedOn"], run
assert run["DataSource"] == source, run
runs = glue.list_data_quality_ruleset_evaluation_runs(Filter={"DataSource": source})["Runs"]
assert [r["RunId"] for r in runs] == [run_id], runs

print("results: none yet; a batch names the missing ids")
assert glue.list_data_quality_results(Filter={"DataSource": source})["Results"] == []
batch = glue.batch_get_data_quality_result(ResultIds=["dqresult-nope"])
assert batch["Results"] == [] and batch["ResultsNotFound"] == ["dqresult-nope"], batch

for n in ("py-a", "py-b", "py-c"):
    glue.delete_data_quality_ruleset(Name=n)
print("ok")
