"""S3 browser uploads through boto3's generate_presigned_post, the form sent as a browser sends it (multipart/form-data,
the file last) with http.client, not requests: 201 with its PostResponse, 204 by default, a 303 to
success_action_redirect, ${filename}, content-length-range, and S3's refusals for a failed condition, an extra field,
a bad signature, an expired policy, a missing key and an anonymous form."""
import hashlib
import http.client
import os
import time
import urllib.parse
import uuid
import xml.etree.ElementTree as ET

import boto3
from botocore.exceptions import ClientError

endpoint = os.environ["AWS_ENDPOINT_URL"]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
# Both boto3 generations run this script against one Lab Cloud: each has a bucket of its own.
bucket = "boto3-post-" + boto3.__version__.replace(".", "-")
s3.create_bucket(Bucket=bucket)


def post(presigned, file_name, content, drop=(), extra=None, replace=None):
    """POSTs the presigned form with the file last, as a browser does; returns (status, headers, body)."""
    fields = dict(presigned["fields"])
    fields.update(replace or {})
    for name in drop:
        fields.pop(name)
    fields.update(extra or {})
    boundary = uuid.uuid4().hex
    body = b""
    for name, value in fields.items():
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
             f"Content-Type: application/octet-stream\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    url = urllib.parse.urlsplit(presigned["url"])
    connection = http.client.HTTPConnection(url.hostname, url.port)
    connection.request("POST", url.path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    response = connection.getresponse()
    answer = (response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    connection.close()
    return answer


def error(answer):
    status, _, body = answer
    root = ET.fromstring(body)
    return status, root.findtext("Code"), root.findtext("Message"), root


def missing(key):
    try:
        s3.head_object(Bucket=bucket, Key=key)
    except ClientError as e:
        return e.response["Error"]["Code"] == "404"
    return False


csv = b"id,amount\n1,9.50\n"
form = s3.generate_presigned_post(
    bucket, "uploads/${filename}",
    Fields={"Content-Type": "text/csv", "x-amz-meta-source": "form", "success_action_status": "201"},
    Conditions=[{"Content-Type": "text/csv"}, {"x-amz-meta-source": "form"}, {"success_action_status": "201"},
                ["content-length-range", 1, 64]],
    ExpiresIn=300)

print("a presigned POST stores the file under ${filename}, and 201 answers with S3's PostResponse")
status, headers, body = post(form, "C:\\Users\\ana\\report.csv", csv)
assert status == 201, (status, body)
root = ET.fromstring(body)
assert root.tag == "PostResponse", body
assert root.findtext("Bucket") == bucket and root.findtext("Key") == "uploads/report.csv", body
etag = '"' + hashlib.md5(csv).hexdigest() + '"'
assert root.findtext("ETag") == etag and headers["etag"] == etag, (body, headers)
assert root.findtext("Location").endswith(f"/{bucket}/uploads%2Freport.csv"), body

print("the object has the form's Content-Type and metadata, and the file's bytes")
head = s3.head_object(Bucket=bucket, Key="uploads/report.csv")
assert head["ContentType"] == "text/csv" and head["Metadata"] == {"source": "form"}, head
assert s3.get_object(Bucket=bucket, Key="uploads/report.csv")["Body"].read() == csv

print("content-length-range: a file one byte too large is EntityTooLarge with its size, and nothing is stored")
status, code, message, root = error(post(form, "big.csv", b"x" * 65))
assert (status, code) == (400, "EntityTooLarge"), (status, code, message)
assert root.findtext("ProposedSize") == "65" and root.findtext("MaxSizeAllowed") == "64"
assert missing("uploads/big.csv")
print("  and an empty file is EntityTooSmall")
status, code, _, root = error(post(form, "empty.csv", b""))
assert (status, code, root.findtext("MinSizeAllowed")) == (400, "EntityTooSmall", "1"), (status, code)

print("a field that breaks its condition is AccessDenied, quoting the condition as S3 does")
status, code, message, _ = error(post(form, "r.csv", csv, replace={"Content-Type": "text/plain"}))
assert (status, code) == (403, "AccessDenied"), (status, code)
assert message == 'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "text/csv"]', message

print("a field no condition names is an extra input field")
status, code, message, _ = error(post(form, "r.csv", csv, extra={"x-amz-meta-owner": "eve"}))
assert (status, message) == (403, "Invalid according to Policy: Extra input fields: x-amz-meta-owner"), message

print("a policy changed after signing is SignatureDoesNotMatch, naming what was signed")
tampered = dict(form["fields"])
status, code, _, root = error(post(form, "r.csv", csv, replace={"policy": tampered["policy"][:-4] + "AAAA"}))
assert (status, code) == (403, "SignatureDoesNotMatch"), (status, code)
assert root.findtext("StringToSign") == tampered["policy"][:-4] + "AAAA"

print("an expired policy is refused")
stale = s3.generate_presigned_post(bucket, "late.csv", ExpiresIn=1)
time.sleep(2)
status, code, message, _ = error(post(stale, "late.csv", csv))
assert (status, code, message) == (403, "AccessDenied", "Invalid according to Policy: Policy expired."), message

print("a form without its key field is InvalidArgument")
status, code, message, _ = error(post(form, "r.csv", csv, drop=["key"]))
assert (status, code) == (400, "InvalidArgument"), (status, code)
assert message == "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields."

print("a form with no policy is anonymous, and a private bucket refuses it")
anonymous = {"url": form["url"], "fields": {"key": "anon.csv"}}
status, code, message, _ = error(post(anonymous, "anon.csv", csv))
assert (status, code, message) == (403, "AccessDenied", "Access Denied"), (status, code, message)

print("by default the answer is 204 with the ETag; success_action_redirect is a 303 with bucket, key and etag")
plain = s3.generate_presigned_post(bucket, "plain.csv")
status, headers, body = post(plain, "plain.csv", csv)
assert (status, body, headers["etag"]) == (204, b"", etag), (status, body)
redirecting = s3.generate_presigned_post(bucket, "back.csv", Fields={"success_action_redirect": "http://app.test/done"},
                                         Conditions=[{"success_action_redirect": "http://app.test/done"}])
status, headers, _ = post(redirecting, "back.csv", csv)
assert status == 303, status
assert headers["location"] == ("http://app.test/done?bucket=" + bucket + "&key=back.csv&etag="
                               + urllib.parse.quote(etag)), headers["location"]
print("ok")
