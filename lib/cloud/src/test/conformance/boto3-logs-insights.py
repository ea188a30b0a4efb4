"""CloudWatch Logs Insights through boto3: a Glue-like output group with two runs, a parse/stats query polled to
Complete with its {field, value} rows and statistics, a fields/filter/sort/limit query with @ptr on each row,
describe_queries, stop_query on a finished query, and the modeled errors (MalformedQueryException with its
queryCompileError location, ResourceNotFoundException, InvalidParameterException)."""
import json
import os
import random
import time
import urllib.request

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
logs = boto3.client("logs", endpoint_url=ENDPOINT, region_name="us-east-1")
group = "/conformance/insights-%d" % random.randrange(10**9)
# Event timestamps come from the lab clock, which PutLogEvents judges them by.
now = json.load(urllib.request.urlopen(os.environ["LAB_ENDPOINT"] + "/_lab/clock"))["epochMillis"]


def expect_error(call, code):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        print("refused as expected:", code)
        return e.response
    raise AssertionError("expected " + code)


def run(**request):
    query_id = logs.start_query(**request)["queryId"]
    deadline = time.time() + 10
    while True:
        answer = logs.get_query_results(queryId=query_id)
        if answer["status"] not in ("Scheduled", "Running"):
            assert answer["status"] == "Complete", answer
            return query_id, answer
        assert time.time() < deadline, answer
        time.sleep(0.05)


def rows(answer):
    return [{f["field"]: f["value"] for f in row} for row in answer["results"]]


logs.create_log_group(logGroupName=group)
for stream, lines in (("jr_1", ["rows read: 120", "WARN rejected rows: 3", "rows written: 117"]),
                      ("jr_2", ["rows read: 80", "rows written: 80"])):
    logs.create_log_stream(logGroupName=group, logStreamName=stream)
    logs.put_log_events(logGroupName=group, logStreamName=stream,
                        logEvents=[{"timestamp": now - 60_000 + i * 1000, "message": m} for i, m in enumerate(lines)])
window = {"startTime": (now - 120_000) // 1000, "endTime": now // 1000 + 1}

query = ("parse @message 'rows read: *' as rowsIn | parse @message 'rows written: *' as rowsOut"
         " | stats sum(rowsIn) as rows_in, sum(rowsOut) as rows_out, count(*) as events by @logStream"
         " | sort @logStream asc")
stats_id, answer = run(logGroupName=group, queryString=query, **window)
assert rows(answer) == [{"@logStream": "jr_1", "rows_in": "120", "rows_out": "117", "events": "3"},
                        {"@logStream": "jr_2", "rows_in": "80", "rows_out": "80", "events": "2"}], rows(answer)
assert answer["statistics"]["recordsScanned"] == 5.0 and answer["statistics"]["recordsMatched"] == 5.0, answer
print("stats by @logStream:", rows(answer))

_, answer = run(logGroupNames=[group], queryString="fields @timestamp, @message | filter @message like /WARN/"
                " | sort @timestamp desc | limit 5", **window)
found = rows(answer)
assert [r["@message"] for r in found] == ["WARN rejected rows: 3"], found
assert "@ptr" in found[0], found
print("filter like /WARN/:", found[0]["@message"])

listed = logs.describe_queries(logGroupName=group)["queries"]
assert [q["queryId"] for q in listed][-1] == stats_id and listed[-1]["queryString"] == query, listed
print("describe_queries:", len(listed), "queries, newest first")

expect_error(lambda: logs.stop_query(queryId=stats_id), "InvalidParameterException")
error = expect_error(lambda: logs.start_query(logGroupName=group, queryString="fields @message | sort", **window),
                     "MalformedQueryException")
location = error["queryCompileError"]["location"]
assert location["startCharOffset"] == len("fields @message | sort"), error
expect_error(lambda: logs.start_query(logGroupName=group + "-missing", queryString="fields @message", **window),
             "ResourceNotFoundException")
expect_error(lambda: logs.start_query(logGroupName=group, queryString="fields @message", startTime=20, endTime=10),
             "InvalidParameterException")
expect_error(lambda: logs.get_query_results(queryId="no-such-query"), "ResourceNotFoundException")
logs.delete_log_group(logGroupName=group)
print("ok")
