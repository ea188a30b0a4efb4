"""CloudTrail through boto3: a trail logging one prefix's S3 data events, those events reaching an EventBridge rule on
the default bus as "AWS API Call via CloudTrail" (and an object outside the prefix not), lookup_events paging through
management events, and AWS's errors."""
import json
import os
import random
import time
import urllib.request

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
SUFFIX = str(random.randrange(10 ** 9))


def client(service):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1")


def lab(path):
    return json.load(urllib.request.urlopen(os.environ["LAB_ENDPOINT"] + path))


def expect_error(call, code, status):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == status, e.response
        return
    raise AssertionError("expected " + code)


def delivered_to(rule_arn, count):
    """The events EventBridge delivered for the rule (from the timeline), waiting up to ten seconds for count."""
    deadline = time.time() + 10
    while True:
        found = [json.loads(e["detail"]["input"]) for e in lab("/_lab/events?service=events&limit=10000")["events"]
                 if e["name"] == "Target Delivered" and e["detail"]["rule"] == rule_arn]
        if len(found) >= count or time.time() > deadline:
            return found
        time.sleep(0.05)


s3, cloudtrail, events = client("s3"), client("cloudtrail"), client("events")
logs_bucket, data_bucket, trail = "boto3-trail-logs-" + SUFFIX, "boto3-trail-data-" + SUFFIX, "boto3-trail-" + SUFFIX

print("create_trail refuses a missing bucket, then takes an existing one")
expect_error(lambda: cloudtrail.create_trail(Name=trail, S3BucketName=logs_bucket), "S3BucketDoesNotExistException", 400)
s3.create_bucket(Bucket=logs_bucket)
s3.create_bucket(Bucket=data_bucket)
created = cloudtrail.create_trail(Name=trail, S3BucketName=logs_bucket)
assert created["TrailARN"] == "arn:aws:cloudtrail:us-east-1:000000000000:trail/" + trail, created
expect_error(lambda: cloudtrail.create_trail(Name=trail, S3BucketName=logs_bucket), "TrailAlreadyExistsException", 400)

print("put_event_selectors for one prefix's object writes, and start_logging")
cloudtrail.put_event_selectors(TrailName=trail, EventSelectors=[{
    "ReadWriteType": "WriteOnly", "IncludeManagementEvents": True,
    "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::%s/landing/" % data_bucket]}]}])
selectors = cloudtrail.get_event_selectors(TrailName=trail)["EventSelectors"]
assert selectors[0]["ReadWriteType"] == "WriteOnly", selectors
cloudtrail.start_logging(Name=trail)
assert cloudtrail.get_trail_status(Name=trail)["IsLogging"] is True

print("an EventBridge rule on the default bus matches the trail's PutObject data events")
events.create_event_bus(Name="boto3-trail-sink-" + SUFFIX)
rule_arn = events.put_rule(Name="boto3-trail-puts-" + SUFFIX, EventPattern=json.dumps({
    "source": ["aws.s3"], "detail-type": ["AWS API Call via CloudTrail"],
    "detail": {"eventName": ["PutObject"], "requestParameters": {"bucketName": [data_bucket]}}}))["RuleArn"]
events.put_targets(Rule="boto3-trail-puts-" + SUFFIX, Targets=[{
    "Id": "sink", "Arn": "arn:aws:events:us-east-1:000000000000:event-bus/boto3-trail-sink-" + SUFFIX}])
s3.put_object(Bucket=data_bucket, Key="elsewhere/skip.csv", Body=b"not covered by the selector")
s3.put_object(Bucket=data_bucket, Key="landing/orders.csv", Body=b"id\n1\n")
s3.get_object(Bucket=data_bucket, Key="landing/orders.csv")["Body"].read()
delivered = delivered_to(rule_arn, 1)
assert len(delivered) == 1, delivered
event = delivered[0]
assert event["source"] == "aws.s3" and event["detail-type"] == "AWS API Call via CloudTrail", event
assert event["resources"] == [], event
assert event["detail"]["eventSource"] == "s3.amazonaws.com", event
assert event["detail"]["requestParameters"]["key"] == "landing/orders.csv", event
assert event["detail"]["eventCategory"] == "Data" and event["detail"]["managementEvent"] is False, event
assert event["detail"]["userIdentity"]["type"] == "Root", event

print("lookup_events pages through management events, and filters by event name")
first = cloudtrail.lookup_events(MaxResults=1)
assert len(first["Events"]) == 1 and "NextToken" in first, first
second = cloudtrail.lookup_events(MaxResults=1, NextToken=first["NextToken"])
assert second["Events"][0]["EventId"] != first["Events"][0]["EventId"], (first, second)
started = cloudtrail.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "StartLogging"}])
assert started["Events"] and all(e["EventName"] == "StartLogging" for e in started["Events"]), started
assert json.loads(started["Events"][0]["CloudTrailEvent"])["requestParameters"]["name"] == trail, started

print("stop_logging, delete_trail, and the errors of a trail that is gone")
cloudtrail.stop_logging(Name=trail)
cloudtrail.delete_trail(Name=trail)
expect_error(lambda: cloudtrail.get_trail(Name=trail), "TrailNotFoundException", 400)
expect_error(lambda: cloudtrail.start_logging(Name=trail), "TrailNotFoundException", 400)
print("ok")
