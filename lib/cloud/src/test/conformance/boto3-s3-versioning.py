"""S3 versioning through boto3, as cleanup code and restore scripts use it: version ids, delete markers, reads by
version, list_object_versions paging, and emptying a versioned bucket with delete_objects."""
import os

import boto3
from botocore.exceptions import ClientError

s3 = boto3.client("s3", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
bucket = "boto3-versions-" + boto3.__version__.replace(".", "-")
print("boto3", boto3.__version__)

print("an unversioned bucket lists its objects as null versions")
s3.create_bucket(Bucket=bucket)
s3.put_object(Bucket=bucket, Key="plain", Body=b"plain")
listed = s3.list_object_versions(Bucket=bucket)
assert [(v["Key"], v["VersionId"], v["IsLatest"]) for v in listed["Versions"]] == [("plain", "null", True)], listed
assert "Status" not in s3.get_bucket_versioning(Bucket=bucket)

print("put_bucket_versioning Enabled, then every put makes a version")
s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
first = s3.put_object(Bucket=bucket, Key="report.csv", Body=b"first")["VersionId"]
second = s3.put_object(Bucket=bucket, Key="report.csv", Body=b"second")["VersionId"]
assert first != second and len(first) == 32, (first, second)
assert s3.get_object(Bucket=bucket, Key="report.csv", VersionId=first)["Body"].read() == b"first"
head = s3.head_object(Bucket=bucket, Key="report.csv")
assert head["VersionId"] == second, head

print("delete_object leaves a delete marker")
deleted = s3.delete_object(Bucket=bucket, Key="report.csv")
assert deleted["DeleteMarker"] is True and len(deleted["VersionId"]) == 32, deleted
try:
    s3.get_object(Bucket=bucket, Key="report.csv")
    raise AssertionError("a deleted key can still be read")
except ClientError as e:
    assert e.response["Error"]["Code"] == "NoSuchKey", e.response
    assert e.response["ResponseMetadata"]["HTTPHeaders"]["x-amz-delete-marker"] == "true", e.response
assert "Contents" not in s3.list_objects_v2(Bucket=bucket, Prefix="report")

print("copy_object restores an older version")
copy = s3.copy_object(Bucket=bucket, Key="report.csv", CopySource={"Bucket": bucket, "Key": "report.csv",
                                                                     "VersionId": first})
assert copy["CopySourceVersionId"] == first, copy
assert s3.get_object(Bucket=bucket, Key="report.csv")["Body"].read() == b"first"

print("list_object_versions pages, then delete_objects empties the bucket")
entries = []
for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket, PaginationConfig={"PageSize": 2}):
    entries += [{"Key": v["Key"], "VersionId": v["VersionId"]} for v in page.get("Versions", [])]
    entries += [{"Key": m["Key"], "VersionId": m["VersionId"]} for m in page.get("DeleteMarkers", [])]
assert len(entries) == 5, entries
result = s3.delete_objects(Bucket=bucket, Delete={"Objects": entries})
assert len(result["Deleted"]) == 5 and "Errors" not in result, result
s3.delete_bucket(Bucket=bucket)
print("ok")
