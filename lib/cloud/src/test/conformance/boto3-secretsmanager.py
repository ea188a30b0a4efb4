"""Secrets Manager through boto3: a binary and a string secret, ClientRequestToken idempotency, versions and labels,
list_secrets with filters in pages, get_random_password, tags, DeleteSecret's recovery window passing on the lab clock,
and AWS's errors."""
import json
import os
import random
import urllib.request
import uuid

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
SUFFIX = str(random.randrange(10 ** 9))


def lab(path, body=None):
    request = urllib.request.Request(os.environ["LAB_ENDPOINT"] + path, method="POST" if body else "GET",
                                     data=json.dumps(body).encode() if body else None)
    return json.load(urllib.request.urlopen(request))


def expect_error(call, code, message=""):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        assert message in e.response["Error"]["Message"], e.response
        return e.response["Error"]["Message"]
    raise AssertionError("expected " + code)


sm = boto3.client("secretsmanager", endpoint_url=ENDPOINT, region_name="us-east-1")
name = "py/db-" + SUFFIX

print("create_secret with a ClientRequestToken; the same token and value again is the same answer")
token = str(uuid.uuid4())
created = sm.create_secret(Name=name, SecretString='{"password":"one"}', ClientRequestToken=token,
                           Tags=[{"Key": "env", "Value": "lab"}])
assert created["VersionId"] == token, created
again = sm.create_secret(Name=name, SecretString='{"password":"one"}', ClientRequestToken=token)
assert again["ARN"] == created["ARN"], again
expect_error(lambda: sm.create_secret(Name=name, SecretString='{"password":"two"}', ClientRequestToken=token),
             "ResourceExistsException")

print("put_secret_value: AWSCURRENT moves, AWSPREVIOUS follows; a staged-only version leaves AWSCURRENT alone")
second = sm.put_secret_value(SecretId=name, SecretString='{"password":"two"}')["VersionId"]
pending = sm.put_secret_value(SecretId=name, SecretString='{"password":"three"}',
                              VersionStages=["AWSPENDING"])["VersionId"]
stages = sm.describe_secret(SecretId=name)["VersionIdsToStages"]
assert stages == {token: ["AWSPREVIOUS"], second: ["AWSCURRENT"], pending: ["AWSPENDING"]}, stages
assert sm.get_secret_value(SecretId=name)["SecretString"] == '{"password":"two"}'
assert sm.get_secret_value(SecretId=name, VersionId=token)["SecretString"] == '{"password":"one"}'
assert sm.get_secret_value(SecretId=name, VersionStage="AWSPENDING")["VersionId"] == pending
partial_arn = created["ARN"][:-7]
assert sm.get_secret_value(SecretId=partial_arn)["Name"] == name

print("a binary secret")
sm.create_secret(Name=name + "-key", SecretBinary=b"\x00\x01\xff")
assert sm.get_secret_value(SecretId=name + "-key")["SecretBinary"] == b"\x00\x01\xff"

print("list_secrets: filters and pages")
for i in range(3):
    sm.create_secret(Name="py/list-%s-%d" % (SUFFIX, i), SecretString="x", Description="number %d" % i)
seen = []
kwargs = {"Filters": [{"Key": "name", "Values": ["py/list-" + SUFFIX]}], "MaxResults": 2}
while True:
    page = sm.list_secrets(**kwargs)
    assert len(page["SecretList"]) <= 2, page
    seen += [s["Name"] for s in page["SecretList"]]
    if "NextToken" not in page:
        break
    kwargs["NextToken"] = page["NextToken"]
assert sorted(seen) == ["py/list-%s-%d" % (SUFFIX, i) for i in range(3)], seen
described = sm.list_secrets(Filters=[{"Key": "description", "Values": ["number 1"]},
                                     {"Key": "name", "Values": ["py/list-" + SUFFIX]}])["SecretList"]
assert [s["Name"] for s in described] == ["py/list-%s-1" % SUFFIX], described
tagged = sm.list_secrets(Filters=[{"Key": "tag-key", "Values": ["env"]}, {"Key": "name", "Values": [name]}])
assert [s["Name"] for s in tagged["SecretList"]] == [name], tagged

print("get_random_password")
password = sm.get_random_password(PasswordLength=64, ExcludeCharacters="abc")["RandomPassword"]
assert len(password) == 64 and not set("abc") & set(password), password

print("delete_secret: reads refused during the recovery window, gone once the lab clock passes it")
sm.delete_secret(SecretId=name, RecoveryWindowInDays=7)
expect_error(lambda: sm.get_secret_value(SecretId=name), "InvalidRequestException", "marked for deletion")
assert "DeletedDate" in sm.describe_secret(SecretId=name)
listed = [s["Name"] for s in sm.list_secrets(Filters=[{"Key": "name", "Values": [name]}])["SecretList"]]
assert listed == [name + "-key"], listed
lab("/_lab/clock/advance", {"seconds": 8 * 24 * 3600})
expect_error(lambda: sm.describe_secret(SecretId=name), "ResourceNotFoundException",
             "Secrets Manager can't find the specified secret.")

print("AWS's errors")
expect_error(lambda: sm.put_secret_value(SecretId=name + "-key", SecretString="x", SecretBinary=b"x"),
             "InvalidParameterException")
expect_error(lambda: sm.delete_secret(SecretId=name + "-key", RecoveryWindowInDays=31), "InvalidParameterException")
expect_error(lambda: sm.list_secrets(NextToken="garbage"), "InvalidNextTokenException")
print("ok")
