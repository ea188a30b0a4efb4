"""DynamoDB through boto3: the low-level client (typed AttributeValues) and the resource API, whose conditions
builder (boto3.dynamodb.conditions) writes expressions with its own #n0/:v0 placeholders. Tables, conditional
writes, an atomic counter, queries with begins_with and BETWEEN, paging, batches, a transaction and its
CancellationReasons, and AWS's modeled errors. Run by boto3-current-dynamodb.py with a current boto3 too."""
import os
from decimal import Decimal

import boto3
import botocore
from boto3.dynamodb.conditions import Attr, Key
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
client = boto3.client("dynamodb", endpoint_url=ENDPOINT, region_name="us-east-1")
resource = boto3.resource("dynamodb", endpoint_url=ENDPOINT, region_name="us-east-1")
# The two runs share one Lab Cloud: names carry the client's version.
P = "b" + boto3.__version__.replace(".", "-") + "-"
print("boto3", boto3.__version__, "botocore", botocore.__version__)


def expect_error(call, code, message=None):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        if message:
            assert message in e.response["Error"]["Message"], e.response
        return e
    raise AssertionError("expected " + code)


print("create_table and the table_exists waiter")
table = resource.create_table(
    TableName=P + "runs", BillingMode="PAY_PER_REQUEST",
    AttributeDefinitions=[{"AttributeName": "job", "AttributeType": "S"},
                          {"AttributeName": "run", "AttributeType": "N"}],
    KeySchema=[{"AttributeName": "job", "KeyType": "HASH"}, {"AttributeName": "run", "KeyType": "RANGE"}])
assert table.table_status == "CREATING", table.table_status
table.wait_until_exists()
table.reload()
assert table.table_status == "ACTIVE", table.table_status
expect_error(lambda: client.create_table(
    TableName=P + "bad", BillingMode="PAY_PER_REQUEST",
    AttributeDefinitions=[{"AttributeName": "job", "AttributeType": "S"}],
    KeySchema=[{"AttributeName": "job", "KeyType": "HASH"}, {"AttributeName": "run", "KeyType": "RANGE"}]),
    "ValidationException", "Some index key attributes are not defined in AttributeDefinitions")

print("put_item with the conditions builder; a conditional failure answers the old item")
for run in range(1, 21):
    table.put_item(Item={"job": "load", "run": run, "state": "SUCCEEDED" if run % 4 else "FAILED",
                         "seconds": Decimal("1.5") * run},
                   ConditionExpression=Attr("job").not_exists())
# ReturnValuesOnConditionCheckFailure came in 2023: Debian's boto3 1.26 cannot send it.
on_failure = "ReturnValuesOnConditionCheckFailure" in \
    client.meta.service_model.operation_model("PutItem").input_shape.members
e = expect_error(lambda: client.put_item(TableName=P + "runs", Item={"job": {"S": "load"}, "run": {"N": "1"}},
                                         ConditionExpression="attribute_not_exists(job)",
                                         **({"ReturnValuesOnConditionCheckFailure": "ALL_OLD"} if on_failure else {})),
                 "ConditionalCheckFailedException", "The conditional request failed")
if on_failure:
    assert e.response["Item"]["state"] == {"S": "SUCCEEDED"}, e.response

print("an atomic counter and a status that never goes backwards")
for _ in range(5):
    table.update_item(Key={"job": "load", "run": 0}, UpdateExpression="ADD runs :one",
                      ExpressionAttributeValues={":one": 1})
assert table.get_item(Key={"job": "load", "run": 0}, ConsistentRead=True)["Item"]["runs"] == 5
expect_error(lambda: table.update_item(Key={"job": "load", "run": 1}, UpdateExpression="SET #s = :s",
                                       ConditionExpression=Attr("state").eq("RUNNING"),
                                       ExpressionAttributeNames={"#s": "state"},
                                       ExpressionAttributeValues={":s": "STARTING"}),
             "ConditionalCheckFailedException")
new = table.update_item(Key={"job": "load", "run": 1}, UpdateExpression="SET tags = list_append(if_not_exists(tags, :e), :t)",
                        ExpressionAttributeValues={":e": [], ":t": ["first"]}, ReturnValues="UPDATED_NEW")
assert new["Attributes"] == {"tags": ["first"]}, new

print("query with Key conditions, a filter, paging and COUNT")
page = table.query(KeyConditionExpression=Key("job").eq("load") & Key("run").between(1, 20),
                   FilterExpression=Attr("state").eq("FAILED"))
assert [int(i["run"]) for i in page["Items"]] == [4, 8, 12, 16, 20], page["Items"]
assert page["ScannedCount"] == 20
runs, start = [], None
while True:
    kwargs = {"ExclusiveStartKey": start} if start else {}
    page = table.query(KeyConditionExpression=Key("job").eq("load") & Key("run").gt(10), Limit=3,
                       ScanIndexForward=False, **kwargs)
    runs += [int(i["run"]) for i in page["Items"]]
    start = page.get("LastEvaluatedKey")
    if not start:
        break
assert runs == list(range(20, 10, -1)), runs
expect_error(lambda: client.query(TableName=P + "runs", KeyConditionExpression="job = :j AND begins_with(#r, :p)",
                                  ExpressionAttributeNames={"#r": "run"},
                                  ExpressionAttributeValues={":j": {"S": "load"}, ":p": {"N": "1"}}),
             "ValidationException", "begins_with")
assert client.query(TableName=P + "runs", KeyConditionExpression="job = :j",
                    ExpressionAttributeValues={":j": {"S": "load"}}, Select="COUNT")["Count"] == 21

print("batch_writer and batch_get_item")
with table.batch_writer() as batch:
    for run in range(100, 130):
        batch.put_item(Item={"job": "batch", "run": run})
got = client.batch_get_item(RequestItems={P + "runs": {"Keys": [{"job": {"S": "batch"}, "run": {"N": str(r)}}
                                                               for r in range(100, 130)]}})
assert len(got["Responses"][P + "runs"]) == 30 and got["UnprocessedKeys"] == {}, got

print("transact_write_items and its CancellationReasons")
e = expect_error(lambda: client.transact_write_items(TransactItems=[
    {"Update": {"TableName": P + "runs", "Key": {"job": {"S": "load"}, "run": {"N": "0"}},
                "UpdateExpression": "ADD runs :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}},
    {"ConditionCheck": {"TableName": P + "runs", "Key": {"job": {"S": "load"}, "run": {"N": "4"}},
                        "ConditionExpression": "#s = :ok", "ExpressionAttributeNames": {"#s": "state"},
                        "ExpressionAttributeValues": {":ok": {"S": "SUCCEEDED"}}}}]),
    "TransactionCanceledException", "[None, ConditionalCheckFailed]")
assert [r["Code"] for r in e.response["CancellationReasons"]] == ["None", "ConditionalCheckFailed"], e.response
assert table.get_item(Key={"job": "load", "run": 0}, ConsistentRead=True)["Item"]["runs"] == 5

print("modeled errors: a reserved word, a missing table, a key of the wrong type")
expect_error(lambda: client.scan(TableName=P + "runs", FilterExpression="size > :n",
                                 ExpressionAttributeValues={":n": {"N": "1"}}),
             "ValidationException", "Attribute name is a reserved keyword; reserved keyword: size")
expect_error(lambda: client.get_item(TableName=P + "nowhere", Key={"job": {"S": "x"}}), "ResourceNotFoundException")
expect_error(lambda: client.put_item(TableName=P + "runs", Item={"job": {"N": "1"}, "run": {"N": "1"}}),
             "ValidationException", "Type mismatch for key job expected: S actual: N")

table.delete()
print("PASS")
