"""EventBridge Scheduler through boto3: an at() schedule whose universal target starts a Glue job run
(the run exists, failing because this Lab Cloud has no Glue worker), a rate schedule firing at once and every period,
schedule groups listed in pages, and AWS's errors."""
import datetime
import json
import os
import random
import urllib.request

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
SUFFIX = str(random.randrange(10 ** 9))


def client(service):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1")


def lab(path, body=None):
    request = urllib.request.Request(os.environ["LAB_ENDPOINT"] + path, method="POST" if body else "GET",
                                     data=json.dumps(body).encode() if body else None)
    return json.load(urllib.request.urlopen(request))


def expect_error(call, code, status):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == status, e.response
        return e.response["Error"]["Message"]
    raise AssertionError("expected " + code)


iam, glue, logs, scheduler = client("iam"), client("glue"), client("logs"), client("scheduler")
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "scheduler.amazonaws.com"},
                                                 "Action": "sts:AssumeRole"}]}
allow = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["glue:StartJobRun", "logs:PutLogEvents"],
                                                 "Resource": "*"}]}
role = iam.create_role(RoleName="boto3-scheduler-" + SUFFIX, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
iam.put_role_policy(RoleName="boto3-scheduler-" + SUFFIX, PolicyName="targets", PolicyDocument=json.dumps(allow))
glue_trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"},
                                                      "Action": "sts:AssumeRole"}]}
job_role = iam.create_role(RoleName="boto3-job-" + SUFFIX, AssumeRolePolicyDocument=json.dumps(glue_trust))["Role"]["Arn"]
job = "boto3-etl-" + SUFFIX
glue.create_job(Name=job, Role=job_role, GlueVersion="5.0",
                Command={"Name": "glueetl", "ScriptLocation": "s3://boto3-jobs/etl.jar"},
                DefaultArguments={"--class": "com.example.Etl"})

print("an at() schedule starts a Glue job run when the lab clock reaches it")
now = datetime.datetime.fromtimestamp(lab("/_lab/clock")["epochMillis"] / 1000, tz=datetime.timezone.utc)
fire_utc = (now + datetime.timedelta(minutes=10)).replace(microsecond=0)
scheduler.create_schedule(
    Name="start-etl-" + SUFFIX, ScheduleExpression="at(%s)" % fire_utc.strftime("%Y-%m-%dT%H:%M:%S"),
    ScheduleExpressionTimezone="UTC", FlexibleTimeWindow={"Mode": "OFF"},
    Target={"Arn": "arn:aws:scheduler:::aws-sdk:glue:startJobRun", "RoleArn": role,
            "Input": json.dumps({"JobName": job, "Arguments": {"--fired_at": "<aws.scheduler.scheduled-time>"}})})
assert glue.get_job_runs(JobName=job)["JobRuns"] == []
lab("/_lab/clock/advance", {"seconds": 900})
runs = glue.get_job_runs(JobName=job)["JobRuns"]
assert len(runs) == 1, runs
assert runs[0]["Arguments"]["--fired_at"] == fire_utc.strftime("%Y-%m-%dT%H:%M:%SZ"), runs[0]["Arguments"]
print("  run", runs[0]["Id"], runs[0]["JobRunState"])

print("a rate schedule fires at once, then once per period")
group_name = "/boto3/rate-" + SUFFIX
logs.create_log_group(logGroupName=group_name)
logs.create_log_stream(logGroupName=group_name, logStreamName="fires")
stamp = int(lab("/_lab/clock")["epochMillis"])
scheduler.create_schedule(
    Name="every-10-" + SUFFIX, ScheduleExpression="rate(10 minutes)", FlexibleTimeWindow={"Mode": "OFF"},
    Target={"Arn": "arn:aws:scheduler:::aws-sdk:cloudwatchlogs:putLogEvents", "RoleArn": role,
            "Input": json.dumps({"logGroupName": group_name, "logStreamName": "fires",
                                 "logEvents": [{"timestamp": stamp, "message": "<aws.scheduler.scheduled-time>"}]})})
start = scheduler.get_schedule(Name="every-10-" + SUFFIX)["LastModificationDate"]
until = start.astimezone(datetime.timezone.utc) + datetime.timedelta(minutes=20, seconds=1)
lab("/_lab/clock/advance", {"to": until.strftime("%Y-%m-%dT%H:%M:%S.%fZ")})
messages = [e["message"] for e in logs.get_log_events(logGroupName=group_name, logStreamName="fires",
                                                      startFromHead=True)["events"]]
assert len(messages) == 3, messages

print("schedule groups list in pages, the default one among them")
for i in range(3):
    scheduler.create_schedule_group(Name="boto3-group-%d-%s" % (i, SUFFIX))
names, token = [], None
while True:
    page = scheduler.list_schedule_groups(MaxResults=2, **({"NextToken": token} if token else {}))
    names += [g["Name"] for g in page["ScheduleGroups"]]
    token = page.get("NextToken")
    if not token:
        break
assert "default" in names, names
assert all(("boto3-group-%d-%s" % (i, SUFFIX)) in names for i in range(3)), names
assert len(names) == len(set(names)), names

print("AWS's errors: conflict, not found, validation")
expect_error(lambda: scheduler.create_schedule_group(Name="boto3-group-0-" + SUFFIX), "ConflictException", 409)
expect_error(lambda: scheduler.get_schedule(Name="nobody-" + SUFFIX), "ResourceNotFoundException", 404)
message = expect_error(lambda: scheduler.create_schedule(
    Name="bad-" + SUFFIX, ScheduleExpression="cron(0 8 * * *)", FlexibleTimeWindow={"Mode": "OFF"},
    Target={"Arn": "arn:aws:scheduler:::aws-sdk:glue:startJobRun", "RoleArn": role, "Input": "{}"}),
    "ValidationException", 400)
assert "Invalid Schedule Expression" in message, message
expect_error(lambda: scheduler.create_schedule(
    Name="read-only-" + SUFFIX, ScheduleExpression="rate(1 hour)", FlexibleTimeWindow={"Mode": "OFF"},
    Target={"Arn": "arn:aws:scheduler:::aws-sdk:glue:getJobRun", "RoleArn": role, "Input": "{}"}),
    "ValidationException", 400)
print("ok")
