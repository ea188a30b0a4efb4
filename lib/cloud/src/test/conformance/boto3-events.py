"""EventBridge through boto3: buses, rules with patterns and schedules, targets, PutEvents limits and per-entry
errors, TestEventPattern for several operators, tags, paging, and the errors AWS answers with."""
import json
import os

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
events = boto3.client("events", endpoint_url=ENDPOINT, region_name="us-east-1")


def expect_error(call, code, message=None):
    try:
        call()
    except ClientError as e:
        error = e.response["Error"]
        assert error["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        assert message is None or error["Message"] == message, error["Message"]
        return error["Message"]
    raise AssertionError("expected " + code)


print("a bus with tags, listed by prefix")
bus_arn = events.create_event_bus(Name="py-bus", Tags=[{"Key": "team", "Value": "data"}])["EventBusArn"]
assert bus_arn == "arn:aws:events:us-east-1:000000000000:event-bus/py-bus", bus_arn
assert [b["Name"] for b in events.list_event_buses(NamePrefix="py-")["EventBuses"]] == ["py-bus"]
assert events.list_tags_for_resource(ResourceARN=bus_arn)["Tags"] == [{"Key": "team", "Value": "data"}]
expect_error(lambda: events.create_event_bus(Name="py-bus"), "ResourceAlreadyExistsException",
             "Event bus py-bus already exists.")
expect_error(lambda: events.describe_event_bus(Name="py-nothing"), "ResourceNotFoundException",
             "Event bus py-nothing does not exist.")

print("rules: a pattern, a schedule, paging")
for i in range(3):
    events.put_rule(Name="py-rule-%d" % i, EventBusName="py-bus",
                    EventPattern=json.dumps({"source": ["py.app"], "detail": {"n": [i]}}))
page = events.list_rules(EventBusName="py-bus", NamePrefix="py-rule-", Limit=2)
assert [r["Name"] for r in page["Rules"]] == ["py-rule-0", "py-rule-1"], page
rest = events.list_rules(EventBusName="py-bus", NamePrefix="py-rule-", Limit=2, NextToken=page["NextToken"])
assert [r["Name"] for r in rest["Rules"]] == ["py-rule-2"] and "NextToken" not in rest, rest
schedule = events.put_rule(Name="py-every-hour", ScheduleExpression="rate(1 hour)", State="DISABLED")
assert schedule["RuleArn"].endswith(":rule/py-every-hour"), schedule
assert events.describe_rule(Name="py-every-hour")["State"] == "DISABLED"
expect_error(lambda: events.put_rule(Name="py-sched", EventBusName="py-bus", ScheduleExpression="rate(1 hour)"),
             "ValidationException", "ScheduleExpression is supported only on the default event bus.")
expect_error(lambda: events.describe_rule(Name="py-missing"), "ResourceNotFoundException",
             "Rule py-missing does not exist on EventBus default.")

print("targets: at most five, one input kind at a time")
function = "arn:aws:lambda:us-east-1:000000000000:function:py-handler"
result = events.put_targets(Rule="py-rule-0", EventBusName="py-bus",
                            Targets=[{"Id": "t%d" % i, "Arn": function} for i in range(5)])
assert result["FailedEntryCount"] == 0 and result["FailedEntries"] == [], result
expect_error(lambda: events.put_targets(Rule="py-rule-0", EventBusName="py-bus", Targets=[{"Id": "t5", "Arn": function}]),
             "LimitExceededException", "The requested resource exceeds the maximum number allowed.")
expect_error(lambda: events.put_targets(Rule="py-rule-1", EventBusName="py-bus",
                                        Targets=[{"Id": "x", "Arn": function, "Input": "{}", "InputPath": "$.detail"}]),
             "ValidationException", "Only one of Input, InputPath, or InputTransformer must be provided for target x.")
assert events.list_rule_names_by_target(TargetArn=function, EventBusName="py-bus")["RuleNames"] == ["py-rule-0"]

print("put_events: per-entry errors and the limits")
response = events.put_events(Entries=[
    {"Source": "py.app", "DetailType": "Tick", "Detail": json.dumps({"n": 0}), "EventBusName": "py-bus"},
    {"Source": "py.app", "DetailType": "Tick", "Detail": "not json"},
    {"Source": "py.app", "DetailType": "Tick", "Detail": "{}", "EventBusName": "py-nothing"},
])
assert response["FailedEntryCount"] == 2, response
codes = [e.get("ErrorCode") for e in response["Entries"]]
assert codes == [None, "MalformedDetail", "ResourceNotFoundException"], codes
expect_error(lambda: events.put_events(Entries=[{"Source": "py.app", "DetailType": "T", "Detail": "{}"}] * 11),
             "ValidationException")
big = json.dumps({"blob": "x" * (200 * 1024)})
expect_error(lambda: events.put_events(Entries=[{"Source": "py.app", "DetailType": "T", "Detail": big}] * 2),
             "ValidationException", "Total size of the entries in the request is over the limit.")

print("test_event_pattern with several operators")
event = json.dumps({"id": "1", "account": "000000000000", "source": "py.app", "time": "2026-01-01T00:00:00Z",
                    "region": "us-east-1", "detail-type": "Upload", "resources": [],
                    "detail": {"key": "raw/a.csv", "size": 10, "ip": "10.1.2.3"}})
cases = [
    ({"detail": {"key": [{"prefix": "raw/"}]}}, True),
    ({"detail": {"key": [{"suffix": ".json"}]}}, False),
    ({"detail": {"key": [{"wildcard": "raw/*.csv"}]}}, True),
    ({"detail": {"size": [{"numeric": [">=", 10, "<", 11]}]}}, True),
    ({"detail": {"ip": [{"cidr": "10.1.0.0/16"}]}}, True),
    ({"detail": {"missing": [{"exists": True}]}}, False),
    ({"detail": {"key": [{"anything-but": {"prefix": "raw/"}}]}}, False),
    ({"$or": [{"source": ["other"]}, {"detail-type": ["Upload"]}]}, True),
]
for pattern, expected in cases:
    got = events.test_event_pattern(EventPattern=json.dumps(pattern), Event=event)["Result"]
    assert got == expected, (pattern, got)
expect_error(lambda: events.test_event_pattern(EventPattern='{"detail": {"key": [{"bogus": 1}]}}', Event=event),
             "InvalidEventPatternException")

print("clean up")
events.remove_targets(Rule="py-rule-0", EventBusName="py-bus", Ids=["t%d" % i for i in range(5)])
expect_error(lambda: events.delete_event_bus(Name="default"), "ValidationException", "Cannot delete event bus default.")
for i in range(3):
    events.delete_rule(Name="py-rule-%d" % i, EventBusName="py-bus")
events.delete_rule(Name="py-every-hour")
events.delete_event_bus(Name="py-bus")
print("ok")
