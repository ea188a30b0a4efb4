"""boto3-s3-sigv2.py with a current boto3, then what only a current botocore signs right with signature_version="s3":
operations on sub-resources of a bucket (?list-type=2, ?delete, ?location) and multipart uploads (?uploads,
?partNumber&uploadId). Debian's botocore 1.29 signs the requestUri's own query into the resource, which S3 refuses."""
import os
import runpy

import boto3
from botocore.config import Config

runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "boto3-s3-sigv2.py"), run_name="__main__")

endpoint = os.environ["AWS_ENDPOINT_URL"]
sigv2 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", config=Config(signature_version="s3"))
bucket = "sigv2-subresources-" + boto3.__version__.replace(".", "-")

print("bucket sub-resources signed with SigV2:", boto3.__version__)
sigv2.create_bucket(Bucket=bucket)
for name in ["a.txt", "b.txt", "c.txt"]:
    sigv2.put_object(Bucket=bucket, Key="list/" + name, Body=name.encode())
listed = sigv2.list_objects_v2(Bucket=bucket, Prefix="list/", MaxKeys=2)
assert [o["Key"] for o in listed["Contents"]] == ["list/a.txt", "list/b.txt"] and listed["IsTruncated"], listed
rest = sigv2.list_objects_v2(Bucket=bucket, Prefix="list/", ContinuationToken=listed["NextContinuationToken"])
assert [o["Key"] for o in rest["Contents"]] == ["list/c.txt"], rest
assert sigv2.get_bucket_location(Bucket=bucket).get("LocationConstraint") is None

print("a multipart upload signed with SigV2")
upload = sigv2.create_multipart_upload(Bucket=bucket, Key="multi.bin")
first = sigv2.upload_part(Bucket=bucket, Key="multi.bin", UploadId=upload["UploadId"], PartNumber=1, Body=b"1" * (5 << 20))
last = sigv2.upload_part(Bucket=bucket, Key="multi.bin", UploadId=upload["UploadId"], PartNumber=2, Body=b"2" * 10)
parts = sigv2.list_parts(Bucket=bucket, Key="multi.bin", UploadId=upload["UploadId"])["Parts"]
assert [p["PartNumber"] for p in parts] == [1, 2], parts
sigv2.complete_multipart_upload(Bucket=bucket, Key="multi.bin", UploadId=upload["UploadId"], MultipartUpload={
    "Parts": [{"PartNumber": 1, "ETag": first["ETag"]}, {"PartNumber": 2, "ETag": last["ETag"]}]})
attributes = sigv2.get_object_attributes(Bucket=bucket, Key="multi.bin", ObjectAttributes=["ObjectParts", "ObjectSize"])
assert attributes["ObjectSize"] == (5 << 20) + 10 and attributes["ObjectParts"]["TotalPartsCount"] == 2, attributes

print("delete_objects signed with SigV2")
deleted = sigv2.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "list/" + n} for n in ["a.txt", "b.txt", "c.txt"]]
                                                      + [{"Key": "multi.bin"}]})
assert len(deleted["Deleted"]) == 4, deleted
sigv2.delete_bucket(Bucket=bucket)
print("ok")
