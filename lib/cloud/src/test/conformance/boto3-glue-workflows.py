"""Glue workflows through boto3: a SCHEDULED trigger of a workflow starting runs on the lab clock, a run stopped,
paging and includeGraph on get_workflow_runs, update_workflow, and the validation errors AWS answers with. The
worker is off in this Lab Cloud, so job runs fail fast."""
import json
import os
import time
import urllib.request

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


def advance_clock(seconds):
    request = urllib.request.Request(ENDPOINT + "/_lab/clock/advance", method="POST",
                                     data=json.dumps({"seconds": seconds}).encode())
    with urllib.request.urlopen(request) as response:
        assert response.status == 200


def await_end(name, run_id):
    for _ in range(300):
        run = glue.get_workflow_run(Name=name, RunId=run_id, IncludeGraph=True)["Run"]
        if run["Status"] in ("COMPLETED", "STOPPED", "ERROR"):
            return run
        time.sleep(0.1)
    raise AssertionError("run %s is still %s" % (run_id, run["Status"]))


role = "arn:aws:iam::000000000000:role/GlueLabJobRole"
print("a workflow whose SCHEDULED trigger fires at 02:00 every day")
glue.create_workflow(Name="py-nightly", MaxConcurrentRuns=2, Tags={"team": "etl"})
glue.create_job(Name="py-nightly-load", Role=role, GlueVersion="5.0",
                Command={"Name": "glueetl", "ScriptLocation": "s3://lab-jobs/n.jar"},
                DefaultArguments={"--class": "com.example.Nightly"})
glue.create_trigger(Name="py-nightly-at-2", WorkflowName="py-nightly", Type="SCHEDULED",
                    Schedule="cron(0 2 * * ? *)", StartOnCreation=True, Actions=[{"JobName": "py-nightly-load"}])
assert glue.get_tags(ResourceArn="arn:aws:glue:us-east-1:000000000000:workflow/py-nightly")["Tags"] == {"team": "etl"}

advance_clock(2 * 24 * 3600)
runs = glue.get_workflow_runs(Name="py-nightly")["Runs"]
assert len(runs) == 2, runs
for run in runs:
    run = await_end("py-nightly", run["WorkflowRunId"])
    assert run["Status"] == "COMPLETED", run
    assert run["StartedOn"].hour == 2, run["StartedOn"]
    assert run["Statistics"]["TotalActions"] == 1 and run["Statistics"]["FailedActions"] == 1, run["Statistics"]
    job_node = [n for n in run["Graph"]["Nodes"] if n["Type"] == "JOB"][0]
    assert job_node["JobDetails"]["JobRuns"][0]["TriggerName"] == "py-nightly-at-2", job_node

print("get_workflow_runs pages newest first")
first = glue.get_workflow_runs(Name="py-nightly", MaxResults=1)
second = glue.get_workflow_runs(Name="py-nightly", MaxResults=1, NextToken=first["NextToken"])
assert first["Runs"][0]["StartedOn"] > second["Runs"][0]["StartedOn"]
assert "NextToken" not in second, second
assert "Graph" not in first["Runs"][0]

print("update_workflow keeps what it does not set")
glue.update_workflow(Name="py-nightly", Description="loads the day", DefaultRunProperties={"env": "lab"})
workflow = glue.get_workflow(Name="py-nightly")["Workflow"]
assert workflow["Description"] == "loads the day" and workflow["MaxConcurrentRuns"] == 2, workflow
run_id = glue.start_workflow_run(Name="py-nightly")["RunId"]
assert glue.get_workflow_run_properties(Name="py-nightly", RunId=run_id)["RunProperties"] == {"env": "lab"}

print("the errors")
expect_error(lambda: glue.get_workflow_run(Name="py-nightly", RunId="wr_0"), "EntityNotFoundException")
expect_error(lambda: glue.start_workflow_run(Name="py-missing"), "EntityNotFoundException")
expect_error(lambda: glue.get_workflow_runs(Name="py-nightly", MaxResults=1001), "ValidationException")
expect_error(lambda: glue.create_trigger(Name="py-bad-batch", WorkflowName="py-nightly", Type="EVENT",
                                         EventBatchingCondition={"BatchSize": 101},
                                         Actions=[{"JobName": "py-nightly-load"}]), "ValidationException")
expect_error(lambda: glue.resume_workflow_run(Name="py-nightly", RunId=runs[0]["WorkflowRunId"],
                                              NodeIds=["wnode_nope"]), "InvalidInputException")

glue.delete_workflow(Name="py-nightly")
assert "py-nightly" not in glue.list_workflows()["Workflows"]
glue.delete_job(JobName="py-nightly-load")
print("ok")
