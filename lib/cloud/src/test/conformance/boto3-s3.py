"""S3 through boto3: create a bucket, put with metadata, get, list, copy, delete, and read back each step, and a
notification configuration sending to an SQS queue (the s3:TestEvent, then a copy's event)."""
import json
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

print("put_bucket_notification_configuration: the s3:TestEvent, then ObjectCreated:Copy under the prefix")
sqs = boto3.client("sqs", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
queue_arn = "arn:aws:sqs:us-east-1:000000000000:boto3-s3-events"
queue_url = sqs.create_queue(QueueName="boto3-s3-events", Attributes={"Policy": json.dumps({
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
                                            "Action": "sqs:SendMessage", "Resource": queue_arn}]})})["QueueUrl"]
s3.put_bucket_notification_configuration(Bucket=bucket, NotificationConfiguration={"QueueConfigurations": [{
    "QueueArn": queue_arn, "Events": ["s3:ObjectCreated:Copy"],
    "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "copies/"}]}}}]})
configured = s3.get_bucket_notification_configuration(Bucket=bucket)["QueueConfigurations"]
assert configured[0]["QueueArn"] == queue_arn and configured[0]["Id"], configured
test = sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=2)["Messages"][0]
assert json.loads(test["Body"])["Event"] == "s3:TestEvent", test
sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=test["ReceiptHandle"])
s3.copy_object(Bucket=bucket, Key="copies/report.csv", CopySource={"Bucket": bucket, "Key": "in/report.csv"})
event = json.loads(sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=5)["Messages"][0]["Body"])
record = event["Records"][0]
assert record["eventName"] == "ObjectCreated:Copy" and record["s3"]["object"]["key"] == "copies/report.csv", event
s3.put_bucket_notification_configuration(Bucket=bucket, NotificationConfiguration={})
s3.delete_object(Bucket=bucket, Key="copies/report.csv")

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
