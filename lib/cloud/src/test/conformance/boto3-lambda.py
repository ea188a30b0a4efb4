"""Lambda through boto3: a Java function from a zip, its State until Active, a synchronous invoke with the log tail,
an asynchronous one answered 202, reserved concurrency throttling, an SQS event-source mapping, and AWS's errors."""
import base64
import io
import json
import os
import subprocess
import zipfile

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
WORK = os.environ["WORK_DIR"]


def client(service):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1")


def expect_error(call, code, status):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == status, e.response
        return e.response["Error"]["Message"]
    raise AssertionError("expected " + code)


print("a Class::method handler, compiled and zipped in memory")
source = os.path.join(WORK, "src", "py3", "Greeter.java")
os.makedirs(os.path.dirname(source), exist_ok=True)
with open(source, "w") as out:
    out.write("package py3; import java.util.Map; public class Greeter {"
              " public String greet(Map<String, Object> in) { System.out.println(\"from boto3\");"
              " return \"hi \" + in.get(\"who\") + \" from \" + System.getenv(\"AWS_LAMBDA_FUNCTION_NAME\"); } }")
subprocess.run(["javac", "-d", os.path.join(WORK, "classes"), source], check=True)
package = io.BytesIO()
with zipfile.ZipFile(package, "w") as z:
    z.write(os.path.join(WORK, "classes", "py3", "Greeter.class"), "py3/Greeter.class")

iam = client("iam")
iam.create_role(RoleName="boto3-lambda-role", AssumeRolePolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                            "Action": "sts:AssumeRole"}]}))
role = "arn:aws:iam::000000000000:role/boto3-lambda-role"

lam = client("lambda")
print("create_function: Pending, then Active")
created = lam.create_function(FunctionName="boto3-greeter", Runtime="java17", Role=role, Handler="py3.Greeter::greet",
                              Code={"ZipFile": package.getvalue()}, MemorySize=256, Timeout=15)
assert created["State"] in ("Pending", "Active"), created
assert created["FunctionArn"] == "arn:aws:lambda:us-east-1:000000000000:function:boto3-greeter", created
lam.get_waiter("function_active_v2").wait(FunctionName="boto3-greeter")
assert lam.get_function(FunctionName="boto3-greeter")["Configuration"]["State"] == "Active"

print("invoke: the result and the log tail")
response = lam.invoke(FunctionName="boto3-greeter", Payload=json.dumps({"who": "boto3"}), LogType="Tail")
assert response["StatusCode"] == 200, response
assert json.loads(response["Payload"].read()) == "hi boto3 from boto3-greeter"
tail = base64.b64decode(response["LogResult"]).decode()
assert "START RequestId:" in tail and "from boto3" in tail and "END RequestId:" in tail, tail

print("invoke as an Event: 202 at once")
assert lam.invoke(FunctionName="boto3-greeter", InvocationType="Event",
                  Payload=json.dumps({"who": "later"}))["StatusCode"] == 202

print("reserved concurrency 0 throttles")
lam.put_function_concurrency(FunctionName="boto3-greeter", ReservedConcurrentExecutions=0)
expect_error(lambda: lam.invoke(FunctionName="boto3-greeter", Payload=b"{}"), "TooManyRequestsException", 429)
lam.delete_function_concurrency(FunctionName="boto3-greeter")

print("errors: unknown function, duplicate, bad JSON payload")
message = expect_error(lambda: lam.get_function(FunctionName="boto3-nobody"), "ResourceNotFoundException", 404)
assert message == "Function not found: arn:aws:lambda:us-east-1:000000000000:function:boto3-nobody", message
expect_error(lambda: lam.create_function(FunctionName="boto3-greeter", Runtime="java17", Role=role,
                                         Handler="py3.Greeter::greet", Code={"ZipFile": package.getvalue()}),
             "ResourceConflictException", 409)
expect_error(lambda: lam.invoke(FunctionName="boto3-greeter", Payload=b"not json"),
             "InvalidRequestContentException", 400)

print("event-source mappings: the role must poll the queue, AWS's batch rules, Creating then Enabled, and 404s")
sqs = client("sqs")
sqs.create_queue(QueueName="boto3-esm")
queue_arn = "arn:aws:sqs:us-east-1:000000000000:boto3-esm"
message = expect_error(lambda: lam.create_event_source_mapping(FunctionName="boto3-greeter", EventSourceArn=queue_arn),
                       "InvalidParameterValueException", 400)
assert message == "The provided execution role does not have permissions to call ReceiveMessage on SQS", message
iam.attach_role_policy(RoleName="boto3-lambda-role",
                       PolicyArn="arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole")
expect_error(lambda: lam.create_event_source_mapping(FunctionName="boto3-greeter", EventSourceArn=queue_arn,
                                                     BatchSize=100), "InvalidParameterValueException", 400)
mapping = lam.create_event_source_mapping(FunctionName="boto3-greeter", EventSourceArn=queue_arn, BatchSize=100,
                                          MaximumBatchingWindowInSeconds=1,
                                          FunctionResponseTypes=["ReportBatchItemFailures"])
assert mapping["State"] == "Creating" and mapping["BatchSize"] == 100, mapping
assert lam.get_event_source_mapping(UUID=mapping["UUID"])["State"] == "Enabled"
listed = lam.list_event_source_mappings(EventSourceArn=queue_arn)["EventSourceMappings"]
assert [m["UUID"] for m in listed] == [mapping["UUID"]], listed
assert lam.delete_event_source_mapping(UUID=mapping["UUID"])["State"] == "Deleting"
expect_error(lambda: lam.get_event_source_mapping(UUID=mapping["UUID"]), "ResourceNotFoundException", 404)

print("list_functions and delete_function")
assert "boto3-greeter" in [f["FunctionName"] for f in lam.list_functions()["Functions"]]
lam.delete_function(FunctionName="boto3-greeter")
expect_error(lambda: lam.get_function(FunctionName="boto3-greeter"), "ResourceNotFoundException", 404)
print("ok")
