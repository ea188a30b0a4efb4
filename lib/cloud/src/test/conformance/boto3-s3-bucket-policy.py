"""S3 bucket policies through boto3: put/get/delete_bucket_policy, get_bucket_policy_status, MalformedPolicy,
cross-account access granted to the second account, and an explicit deny that binds the owner too."""
import json
import os

import boto3
from botocore.exceptions import ClientError

endpoint = os.environ["AWS_ENDPOINT_URL"]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
s3_b = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test-b",
                    aws_secret_access_key="test-b")
bucket = "boto3-bucket-policy"
s3.create_bucket(Bucket=bucket)
s3.put_object(Bucket=bucket, Key="shared/feed.csv", Body=b"id\n1\n")
s3.put_object(Bucket=bucket, Key="private/pay.csv", Body=b"salary\n")


def error_code(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"]
    return None


print("the second account is denied before any policy")
assert error_code(lambda: s3_b.get_object(Bucket=bucket, Key="shared/feed.csv")) == "AccessDenied"

print("a malformed policy is MalformedPolicy, with S3's message")
try:
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::other/*"}]}))
    raise AssertionError("a policy for another bucket was accepted")
except ClientError as e:
    assert e.response["Error"]["Code"] == "MalformedPolicy", e.response
    assert e.response["Error"]["Message"] == "Policy has invalid resource", e.response

policy = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Sid": "PartnerReadsShared", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"},
     "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/shared/*"},
    {"Sid": "NobodyReadsPay", "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject",
     "Resource": f"arn:aws:s3:::{bucket}/private/*"}]})
print("put_bucket_policy keeps the document exactly; it is not public")
s3.put_bucket_policy(Bucket=bucket, Policy=policy)
assert s3.get_bucket_policy(Bucket=bucket)["Policy"] == policy
assert s3.get_bucket_policy_status(Bucket=bucket)["PolicyStatus"]["IsPublic"] is False

print("the second account reads what the policy grants, and nothing else")
assert s3_b.get_object(Bucket=bucket, Key="shared/feed.csv")["Body"].read() == b"id\n1\n"
assert error_code(lambda: s3_b.put_object(Bucket=bucket, Key="shared/x", Body=b"x")) == "AccessDenied"

print("the explicit deny binds the owner's account too")
assert error_code(lambda: s3.get_object(Bucket=bucket, Key="private/pay.csv")) == "AccessDenied"

print("delete_bucket_policy: NoSuchBucketPolicy after, and the second account is out again")
s3.delete_bucket_policy(Bucket=bucket)
assert error_code(lambda: s3.get_bucket_policy(Bucket=bucket)) == "NoSuchBucketPolicy"
assert error_code(lambda: s3_b.get_object(Bucket=bucket, Key="shared/feed.csv")) == "AccessDenied"
print("ok")
