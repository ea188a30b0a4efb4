"""S3 through boto3: create a bucket, put with metadata, get, list, copy, delete, and read back each step."""
import os

import boto3
from botocore.exceptions import ClientError

s3 = boto3.client("s3", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
bucket = "boto3-conformance"

print("create_bucket")
s3.create_bucket(Bucket=bucket)
assert any(b["Name"] == bucket for b in s3.list_buckets()["Buckets"])

print("put_object with metadata")
put = s3.put_object(Bucket=bucket, Key="in/report.csv", Body=b"id,total\n1,42\n", ContentType="text/csv",
                    Metadata={"source": "boto3", "run": "7"})
assert put["ETag"].startswith('"'), put["ETag"]

print("get_object")
got = s3.get_object(Bucket=bucket, Key="in/report.csv")
assert got["Body"].read() == b"id,total\n1,42\n"
assert got["ContentType"] == "text/csv", got["ContentType"]
assert got["Metadata"] == {"source": "boto3", "run": "7"}, got["Metadata"]
assert got["ETag"] == put["ETag"]

print("list_objects_v2")
listed = s3.list_objects_v2(Bucket=bucket, Prefix="in/")
assert [o["Key"] for o in listed["Contents"]] == ["in/report.csv"], listed
assert listed["Contents"][0]["Size"] == 14

print("copy_object")
s3.copy_object(Bucket=bucket, Key="out/report copy ü.csv", CopySource={"Bucket": bucket, "Key": "in/report.csv"})
copy = s3.get_object(Bucket=bucket, Key="out/report copy ü.csv")
assert copy["Body"].read() == b"id,total\n1,42\n"
assert copy["Metadata"] == {"source": "boto3", "run": "7"}

print("delete_object, then get is NoSuchKey")
s3.delete_object(Bucket=bucket, Key="in/report.csv")
try:
    s3.get_object(Bucket=bucket, Key="in/report.csv")
    raise AssertionError("the deleted object is still there")
except ClientError as e:
    assert e.response["Error"]["Code"] == "NoSuchKey", e.response
    assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 404
keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
assert keys == ["out/report copy ü.csv"], keys

print("delete_objects and delete_bucket")
result = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in keys]})
assert [d["Key"] for d in result["Deleted"]] == keys, result
s3.delete_bucket(Bucket=bucket)
print("ok")
