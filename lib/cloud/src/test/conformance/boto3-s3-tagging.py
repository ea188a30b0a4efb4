"""S3 tags through boto3: Tagging= on put_object, put/get/delete_object_tagging, and bucket tagging."""
import os

import boto3
from botocore.exceptions import ClientError

s3 = boto3.client("s3", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
bucket = "boto3-tags"
s3.create_bucket(Bucket=bucket)

print("put_object with Tagging, then get_object_tagging")
s3.put_object(Bucket=bucket, Key="k", Body=b"x", Tagging="team=data&zone=raw%20area")
assert s3.get_object_tagging(Bucket=bucket, Key="k")["TagSet"] == [{"Key": "team", "Value": "data"},
                                                                    {"Key": "zone", "Value": "raw area"}]
assert s3.get_object(Bucket=bucket, Key="k")["TagCount"] == 2

print("put_object_tagging replaces the set, delete_object_tagging empties it")
s3.put_object_tagging(Bucket=bucket, Key="k", Tagging={"TagSet": [{"Key": "only", "Value": "one"}]})
assert s3.get_object_tagging(Bucket=bucket, Key="k")["TagSet"] == [{"Key": "only", "Value": "one"}]
s3.delete_object_tagging(Bucket=bucket, Key="k")
assert s3.get_object_tagging(Bucket=bucket, Key="k")["TagSet"] == []

print("bucket tagging, and NoSuchTagSet without it")
s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": [{"Key": "cost-center", "Value": "42"}]})
assert s3.get_bucket_tagging(Bucket=bucket)["TagSet"] == [{"Key": "cost-center", "Value": "42"}]
s3.delete_bucket_tagging(Bucket=bucket)
try:
    s3.get_bucket_tagging(Bucket=bucket)
    raise AssertionError("a bucket without tags answered with some")
except ClientError as e:
    assert e.response["Error"]["Code"] == "NoSuchTagSet", e.response
print("ok")
