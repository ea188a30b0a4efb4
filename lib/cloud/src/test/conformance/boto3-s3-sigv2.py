"""S3's Signature Version 2 through boto3, which still writes it: generate_presigned_url makes SigV2 query-string URLs
(AWSAccessKeyId, Signature, Expires) for a custom endpoint, and signature_version="s3" signs requests with
'Authorization: AWS key:signature'. The URLs are used by a plain HTTP client, as a browser or curl would use them.
boto3-current-s3-sigv2.py runs these same checks with a current boto3."""
import http.client
import json
import os
import time
import urllib.parse

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = os.environ["AWS_ENDPOINT_URL"]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
sigv2 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", config=Config(signature_version="s3"))
bucket = "sigv2-boto3-" + boto3.__version__.replace(".", "-")


def send(url, method="GET", body=None, headers=None):
    """The request exactly as given: no Content-Type or other header added behind the caller's back."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request(method, parts.path + "?" + parts.query, body=body, headers=headers or {})
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def refused(status, body, code, message=None):
    assert status == 403, (status, body)
    assert b"<Code>" + code.encode() + b"</Code>" in body, body
    if message:
        assert b"<Message>" + message.encode() + b"</Message>" in body, body


def code_of(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"]
    raise AssertionError("expected the call to be refused")


s3.create_bucket(Bucket=bucket)
key = "reports/2026 Q1+final ü.csv"
s3.put_object(Bucket=bucket, Key=key, Body=b"id,total\n1,42\n", ContentType="text/csv")

print("a presigned GET is a SigV2 URL that a plain HTTP client can read")
url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=300)
query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
assert set(query) == {"AWSAccessKeyId", "Signature", "Expires"}, url
status, headers, body = send(url)
assert (status, body) == (200, b"id,total\n1,42\n"), (status, body)

print("response-* overrides are signed with the URL")
url = s3.generate_presigned_url("get_object", ExpiresIn=300,
                                Params={"Bucket": bucket, "Key": key, "ResponseContentType": "application/x-lab"})
status, headers, body = send(url)
assert status == 200 and headers["Content-Type"] == "application/x-lab", (status, headers)
refused(*send(url.replace("x-lab", "x-other"))[::2], "SignatureDoesNotMatch")

print("a presigned PUT stores the body")
url = s3.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "uploads/by-url.txt"}, ExpiresIn=300)
status, _, body = send(url, "PUT", b"sent with a SigV2 url")
assert status == 200, (status, body)
assert s3.get_object(Bucket=bucket, Key="uploads/by-url.txt")["Body"].read() == b"sent with a SigV2 url"

print("a presigned PUT with a ContentType needs that Content-Type header, as on S3")
url = s3.generate_presigned_url("put_object", ExpiresIn=300,
                                Params={"Bucket": bucket, "Key": "uploads/typed.txt", "ContentType": "text/plain"})
status, _, body = send(url, "PUT", b"typed", {"Content-Type": "text/plain"})
assert status == 200, (status, body)
assert s3.head_object(Bucket=bucket, Key="uploads/typed.txt")["ContentType"] == "text/plain"
refused(*send(url, "PUT", b"typed")[::2], "SignatureDoesNotMatch")

print("a tampered signature, key or expiry is SignatureDoesNotMatch")
url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=300)
query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
signature, expires = query["Signature"][0], query["Expires"][0]
forged = ("B" if signature[0] == "A" else "A") + signature[1:]
tampered = url.replace(urllib.parse.quote(signature, safe=""), urllib.parse.quote(forged, safe=""))
assert tampered != url
refused(*send(tampered)[::2], "SignatureDoesNotMatch")
refused(*send(url.replace("reports/", "other/"))[::2], "SignatureDoesNotMatch")
refused(*send(url.replace("Expires=" + expires, "Expires=" + str(int(expires) + 600)))[::2], "SignatureDoesNotMatch")

print("an expired URL is AccessDenied: Request has expired")
url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=1)
time.sleep(2.2)
refused(*send(url)[::2], "AccessDenied", "Request has expired")

print("a URL of a key Lab Cloud does not know is InvalidAccessKeyId")
stranger = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIASTRANGER", aws_secret_access_key="whatever")
refused(*send(stranger.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}))[::2],
        "InvalidAccessKeyId")

print("temporary credentials carry their session token in the URL")
# IAM is enforced for role sessions, so the role must exist and may read the bucket, as on AWS. Both boto3 runs of
# this script share one Lab Cloud: the second finds the role there.
iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1")
try:
    iam.create_role(RoleName="url-signer", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::000000000000:root"}, "Action": "sts:AssumeRole"}]}))
    iam.put_role_policy(RoleName="url-signer", PolicyName="read-sigv2-buckets", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::sigv2-boto3-*/*"}]}))
except ClientError as e:
    if e.response["Error"]["Code"] != "EntityAlreadyExists":
        raise
assumed = boto3.client("sts", endpoint_url=endpoint, region_name="us-east-1").assume_role(
    RoleArn="arn:aws:iam::000000000000:role/url-signer", RoleSessionName="sigv2")["Credentials"]
session = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                       aws_access_key_id=assumed["AccessKeyId"], aws_secret_access_key=assumed["SecretAccessKey"],
                       aws_session_token=assumed["SessionToken"])
url = session.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=300)
assert "x-amz-security-token=" in url, url
status, _, body = send(url)
assert (status, body) == (200, b"id,total\n1,42\n"), (status, body)

print("requests signed with 'Authorization: AWS key:signature'")
sigv2.create_bucket(Bucket=bucket + "-v2")
sigv2.put_object(Bucket=bucket + "-v2", Key="header/signed.txt", Body=b"signed the old way", Metadata={"by": "sigv2"})
got = sigv2.get_object(Bucket=bucket + "-v2", Key="header/signed.txt")
assert got["Body"].read() == b"signed the old way" and got["Metadata"] == {"by": "sigv2"}, got
assert sigv2.head_object(Bucket=bucket + "-v2", Key="header/signed.txt")["ContentLength"] == 18
assert any(b["Name"] == bucket + "-v2" for b in sigv2.list_buckets()["Buckets"])
wrong = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", config=Config(signature_version="s3"),
                     aws_access_key_id="test", aws_secret_access_key="not-the-secret")
assert code_of(lambda: wrong.get_object(Bucket=bucket + "-v2", Key="header/signed.txt")) == "SignatureDoesNotMatch"

print("only S3 accepts SigV2: CloudWatch Logs and STS refuse it")
logs = boto3.client("logs", endpoint_url=endpoint, region_name="us-east-1", config=Config(signature_version="s3"))
assert code_of(logs.describe_log_groups) == "IncompleteSignature"
sts = boto3.client("sts", endpoint_url=endpoint, region_name="us-east-1", config=Config(signature_version="s3"))
assert code_of(sts.get_caller_identity) == "IncompleteSignature"

print("get_object_attributes")
attributes = s3.get_object_attributes(Bucket=bucket, Key=key, ObjectAttributes=["ETag", "ObjectSize", "StorageClass"])
assert attributes["ObjectSize"] == 14 and attributes["StorageClass"] == "STANDARD", attributes
assert attributes["ETag"] == s3.head_object(Bucket=bucket, Key=key)["ETag"].strip('"'), attributes
assert code_of(lambda: s3.get_object_attributes(Bucket=bucket, Key=key, ObjectAttributes=["Owner"])) == "InvalidArgument"
print("ok")
