"""Step Functions through boto3: a machine with Parallel branches, Catch and a Fail state, executions that succeed
and fail, the history paged with nextToken in both orders, a name reused while its execution runs, tags, the
definition an execution started with, and AWS's errors."""
import json
import os
import random
import time

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
SUFFIX = str(random.randrange(10 ** 9))
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
    for _ in range(400):
        described = sfn.describe_execution(executionArn=arn)
        if described["status"] != "RUNNING":
            return described
        time.sleep(0.05)
    raise AssertionError("still running: " + arn)


iam = boto3.client("iam", endpoint_url=ENDPOINT, region_name="us-east-1")
sfn = boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1")
role = iam.create_role(RoleName="py-sfn-" + SUFFIX, AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"]

definition = {
    "StartAt": "Checks",
    "States": {
        "Checks": {"Type": "Parallel", "ResultPath": "$.checks", "Next": "Done",
                   "Branches": [
                       {"StartAt": "Stock", "States": {"Stock": {"Type": "Pass", "Result": "in stock", "End": True}}},
                       {"StartAt": "Credit", "States": {
                           "Credit": {"Type": "Choice", "Default": "Ok",
                                      "Choices": [{"Variable": "$.amount", "NumericGreaterThan": 1000,
                                                   "Next": "Refuse"}]},
                           "Refuse": {"Type": "Fail", "Error": "CreditRefused", "Cause": "over the limit"},
                           "Ok": {"Type": "Pass", "Result": "credit ok", "End": True}}}],
                   "Catch": [{"ErrorEquals": ["CreditRefused"], "ResultPath": "$.error", "Next": "Refused"}]},
        "Refused": {"Type": "Fail", "ErrorPath": "$.error.Error", "CausePath": "$.error.Cause"},
        "Done": {"Type": "Succeed"}}}

print("create_state_machine with tags; list_state_machines finds it")
machine = sfn.create_state_machine(name="py-orders-" + SUFFIX, definition=json.dumps(definition), roleArn=role,
                                   tags=[{"key": "team", "value": "data"}])["stateMachineArn"]
names = [m["name"] for page in sfn.get_paginator("list_state_machines").paginate(PaginationConfig={"PageSize": 1})
         for m in page["stateMachines"]]
assert "py-orders-" + SUFFIX in names, names
assert sfn.list_tags_for_resource(resourceArn=machine)["tags"] == [{"key": "team", "value": "data"}]

print("an execution whose branches pass: both results, in branch order")
ok = sfn.start_execution(stateMachineArn=machine, name="small", input=json.dumps({"amount": 10}))["executionArn"]
described = finished(ok)
assert described["status"] == "SUCCEEDED", described
assert json.loads(described["output"]) == {"amount": 10, "checks": ["in stock", "credit ok"]}, described["output"]

print("a failing branch is caught, and the Fail state rethrows its error and cause")
refused = sfn.start_execution(stateMachineArn=machine, input=json.dumps({"amount": 5000}))["executionArn"]
described = finished(refused)
assert described["status"] == "FAILED", described
assert described["error"] == "CreditRefused" and described["cause"] == "over the limit", described

print("get_execution_history in pages, forward and reversed")
forward = [e for page in sfn.get_paginator("get_execution_history").paginate(
    executionArn=refused, PaginationConfig={"PageSize": 3}) for e in page["events"]]
assert [e["id"] for e in forward] == list(range(1, len(forward) + 1))
assert forward[0]["type"] == "ExecutionStarted" and forward[-1]["type"] == "ExecutionFailed", forward
types = [e["type"] for e in forward]
for expected in ["ParallelStateEntered", "ParallelStateStarted", "ParallelStateFailed", "ParallelStateExited",
                 "FailStateEntered"]:
    assert expected in types, types
backward = [e["id"] for page in sfn.get_paginator("get_execution_history").paginate(
    executionArn=refused, reverseOrder=True, PaginationConfig={"PageSize": 4}) for e in page["events"]]
assert backward == list(reversed([e["id"] for e in forward])), backward

print("a name is idempotent while its execution runs; the definition it started with stays its own")
waiting = sfn.create_state_machine(name="py-wait-" + SUFFIX, roleArn=role, definition=json.dumps(
    {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": True}}}))["stateMachineArn"]
first = sfn.start_execution(stateMachineArn=waiting, name="once", input="{}")["executionArn"]
assert sfn.start_execution(stateMachineArn=waiting, name="once", input="{}")["executionArn"] == first
expect_error(lambda: sfn.start_execution(stateMachineArn=waiting, name="once", input='{"other":1}'),
             "ExecutionAlreadyExists", first)
sfn.update_state_machine(stateMachineArn=waiting, definition=json.dumps(
    {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}))
assert '"Wait"' in sfn.describe_state_machine_for_execution(executionArn=first)["definition"]
sfn.stop_execution(executionArn=first, error="Done", cause="test over")
assert sfn.describe_execution(executionArn=first)["status"] == "ABORTED"

print("AWS's errors")
expect_error(lambda: sfn.describe_state_machine(stateMachineArn=machine + "-gone"), "StateMachineDoesNotExist")
expect_error(lambda: sfn.start_execution(stateMachineArn=machine, input="{nope"), "InvalidExecutionInput")
expect_error(lambda: sfn.create_state_machine(name="bad name", roleArn=role, definition=json.dumps(definition)),
             "InvalidName")
expect_error(lambda: sfn.create_state_machine(name="py-bad-" + SUFFIX, roleArn=role, definition="{}"),
             "InvalidDefinition", "SCHEMA_VALIDATION_FAILED")
print("OK")
