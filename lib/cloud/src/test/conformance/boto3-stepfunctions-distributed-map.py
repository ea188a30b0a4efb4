"""Step Functions' Distributed Map through boto3: a CSV in S3 mapped in batches by child executions, read as the
machine's role; the map run described, listed and its children listed; ResultWriter files read back from S3; a
failure past the tolerated threshold; UpdateMapRun's errors."""
import json
import os
import random
import time

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
SUFFIX = str(random.randrange(10 ** 9))
BUCKET = "py-dmap-" + SUFFIX
TRUST = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"},
                                                 "Action": "sts:AssumeRole"}]}

def expect_error(call, code, message=""):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        assert message in e.response["Error"]["Message"], e.response
        return
    raise AssertionError("expected " + code)

def finished(arn):
    for _ in range(600):
        described = sfn.describe_execution(executionArn=arn)
        if described["status"] != "RUNNING":
            return described
        time.sleep(0.05)
    raise AssertionError("still running: " + arn)

def run(name, definition, payload):
    machine = sfn.create_state_machine(name=name + "-" + SUFFIX, roleArn=role,
                                       definition=json.dumps(definition))["stateMachineArn"]
    arn = sfn.start_execution(stateMachineArn=machine, input=json.dumps(payload))["executionArn"]
    return machine, arn, finished(arn)

def map_run_of(execution_arn):
    events = sfn.get_execution_history(executionArn=execution_arn, maxResults=1000)["events"]
    return next(e["mapRunStartedEventDetails"]["mapRunArn"] for e in events if e["type"] == "MapRunStarted")

iam = boto3.client("iam", endpoint_url=ENDPOINT, region_name="us-east-1")
s3 = boto3.client("s3", endpoint_url=ENDPOINT, region_name="us-east-1")
sfn = boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1")
role_name = "py-dmap-" + SUFFIX
role = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"]
iam.put_role_policy(RoleName=role_name, PolicyName="s3", PolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "*",
                                            "Action": ["s3:GetObject", "s3:ListBucket", "s3:PutObject"]}]}))
s3.create_bucket(Bucket=BUCKET)
rows = "city,temp\n" + "".join("c%d,%d\n" % (i, i % 40) for i in range(250))
s3.put_object(Bucket=BUCKET, Key="in/temps.csv", Body=rows.encode())

processor = {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "Count",
             "States": {"Count": {"Type": "Pass", "End": True,
                                  "Parameters": {"n.$": "States.ArrayLength($.Items)", "first.$": "$.Items[0].city"}}}}
definition = {"StartAt": "Temps", "States": {"Temps": {
    "Type": "Map", "End": True, "MaxConcurrency": 5, "Label": "temps",
    "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                   "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
                   "Parameters": {"Bucket": BUCKET, "Key": "in/temps.csv"}},
    "ItemBatcher": {"MaxItemsPerBatch": 100},
    "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": BUCKET, "Prefix": "out"}},
    "ItemProcessor": processor}}}
machine, execution, done = run("py-dmap", definition, {})
assert done["status"] == "SUCCEEDED", done
output = json.loads(done["output"])
map_run = map_run_of(execution)
assert output["MapRunArn"] == map_run, output
assert ":mapRun:py-dmap-%s/temps:" % SUFFIX in map_run, map_run
manifest_key = output["ResultWriterDetails"]["Key"]
assert manifest_key == "out/%s/manifest.json" % map_run.rsplit(":", 1)[1], output
manifest = json.loads(s3.get_object(Bucket=BUCKET, Key=manifest_key)["Body"].read())
assert manifest["DestinationBucket"] == BUCKET and manifest["MapRunArn"] == map_run, manifest
assert manifest["ResultFiles"]["FAILED"] == [] and manifest["ResultFiles"]["PENDING"] == [], manifest
succeeded = json.loads(s3.get_object(Bucket=BUCKET, Key=manifest["ResultFiles"]["SUCCEEDED"][0]["Key"])["Body"].read())
assert sorted(json.loads(c["Output"])["n"] for c in succeeded) == [50, 100, 100], succeeded
assert {json.loads(c["Output"])["first"] for c in succeeded} == {"c0", "c100", "c200"}, succeeded
print("a CSV of 250 rows ran in 3 batches; the ResultWriter's manifest and SUCCEEDED_0.json read back")

described = sfn.describe_map_run(mapRunArn=map_run)
assert described["status"] == "SUCCEEDED" and described["executionArn"] == execution, described
assert described["itemCounts"]["total"] == 250 and described["itemCounts"]["succeeded"] == 250, described
assert described["executionCounts"]["total"] == 3 and described["maxConcurrency"] == 5, described
listed = sfn.list_map_runs(executionArn=execution)["mapRuns"]
assert [r["mapRunArn"] for r in listed] == [map_run], listed
children = sfn.list_executions(mapRunArn=map_run)["executions"]
assert len(children) == 3 and all(c["status"] == "SUCCEEDED" for c in children), children
assert sfn.describe_execution(executionArn=children[0]["executionArn"])["mapRunArn"] == map_run
print("DescribeMapRun, ListMapRuns and ListExecutions(mapRunArn) describe the map run and its 3 children")

failing = {"StartAt": "M", "States": {"M": {
    "Type": "Map", "End": True, "ToleratedFailureCount": 1,
    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "C",
                      "States": {"C": {"Type": "Choice", "Default": "Ok",
                                       "Choices": [{"Variable": "$", "NumericGreaterThan": 1, "Next": "Bad"}]},
                                 "Ok": {"Type": "Pass", "End": True},
                                 "Bad": {"Type": "Fail", "Error": "TooBig", "Cause": "over 1"}}}}}}
_, within_arn, within = run("py-dmap-ok", failing, [0, 1, 2])
assert within["status"] == "SUCCEEDED", within
assert json.loads(within["output"])[2] == {"Error": "TooBig", "Cause": "over 1"}, within
_, past_arn, past = run("py-dmap-bad", failing, [2, 3, 0])
assert past["status"] == "FAILED" and past["error"] == "States.ExceedToleratedFailureThreshold", past
assert sfn.describe_map_run(mapRunArn=map_run_of(past_arn))["status"] == "FAILED"
print("one failed item is tolerated; two fail the map run with States.ExceedToleratedFailureThreshold")

expect_error(lambda: sfn.update_map_run(mapRunArn=map_run, maxConcurrency=2), "ValidationException", "not running")
expect_error(lambda: sfn.update_map_run(mapRunArn=map_run.rsplit(":", 1)[0] + ":00000000-0000-0000-0000-000000000000",
                                        maxConcurrency=2), "ResourceNotFound")
expect_error(lambda: sfn.describe_map_run(mapRunArn="arn:aws:states:us-east-1:000000000000:execution:x:y"),
             "InvalidArn")
inline = json.loads(json.dumps(definition))
inline["States"]["Temps"]["ItemProcessor"] = {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}
expect_error(lambda: sfn.create_state_machine(name="py-dmap-inline-" + SUFFIX, roleArn=role,
                                              definition=json.dumps(inline)), "InvalidDefinition", "ItemReader")
print("UpdateMapRun, DescribeMapRun and CreateStateMachine answer AWS's errors")
