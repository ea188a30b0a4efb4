"""StartSyncExecution and RedriveExecution through a current boto3 (Debian's 1.26 predates RedriveExecution).
boto3 sends StartSyncExecution to the "sync-" host of its endpoint, as on AWS; aimed at Lab Cloud's address it
must leave the prefix off: Config(inject_host_prefix=False), or AWS_DISABLE_HOST_PREFIX_INJECTION=true."""
import json
import os
import random
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
SUFFIX = str(random.randrange(10 ** 9))
TRUST = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"},
                                                 "Action": "sts:AssumeRole"}]}


def expect_error(call, code):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        return
    raise AssertionError("expected " + code)


def finished(arn):
    for _ in range(400):
        described = sfn.describe_execution(executionArn=arn)
        if described["status"] != "RUNNING":
            return described
        time.sleep(0.05)
    raise AssertionError("still running: " + arn)


iam = boto3.client("iam", endpoint_url=ENDPOINT, region_name="us-east-1")
sfn = boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1",
                   config=Config(inject_host_prefix=False))
sqs = boto3.client("sqs", endpoint_url=ENDPOINT, region_name="us-east-1")
role = iam.create_role(RoleName="py-sfn-redrive-" + SUFFIX, AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"]
iam.put_role_policy(RoleName="py-sfn-redrive-" + SUFFIX, PolicyName="sqs", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:GetQueueUrl", "Resource": "*"}]}))

print("start_sync_execution runs an EXPRESS machine and answers with its output")
express = sfn.create_state_machine(name="py-express-" + SUFFIX, roleArn=role, type="EXPRESS", definition=json.dumps(
    {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('hi {}', $.who)"},
                                              "End": True}}}))["stateMachineArn"]
done = sfn.start_sync_execution(stateMachineArn=express, input=json.dumps({"who": "ada"}))
assert done["status"] == "SUCCEEDED", done
assert json.loads(done["output"]) == {"greeting": "hi ada"}, done
assert done["billingDetails"]["billedDurationInMilliseconds"] > 0, done
assert ":express:" in done["executionArn"], done

print("a STANDARD machine cannot run synchronously")
standard = sfn.create_state_machine(name="py-find-" + SUFFIX, roleArn=role, definition=json.dumps(
    {"StartAt": "Prep", "States": {
        "Prep": {"Type": "Pass", "Parameters": {"QueueName.$": "$.queue"}, "Next": "Find"},
        "Find": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sqs:getQueueUrl", "End": True}}}))[
    "stateMachineArn"]
expect_error(lambda: sfn.start_sync_execution(stateMachineArn=standard), "StateMachineTypeNotSupported")

print("a failed execution is redriven from the failed task once the queue it looks for exists")
queue = "py-redrive-" + SUFFIX
execution = sfn.start_execution(stateMachineArn=standard, input=json.dumps({"queue": queue}))["executionArn"]
failed = finished(execution)
assert failed["status"] == "FAILED" and failed["redriveStatus"] == "REDRIVABLE", failed
sqs.create_queue(QueueName=queue)
sfn.redrive_execution(executionArn=execution)
redriven = finished(execution)
assert redriven["status"] == "SUCCEEDED" and redriven["redriveCount"] == 1, redriven
assert json.loads(redriven["output"])["QueueUrl"].endswith("/" + queue), redriven
types = [e["type"] for e in sfn.get_execution_history(executionArn=execution)["events"]]
assert types.count("PassStateEntered") == 1 and "ExecutionRedriven" in types, types

print("a succeeded execution is not redrivable")
expect_error(lambda: sfn.redrive_execution(executionArn=execution), "ExecutionNotRedrivable")
print("OK")
