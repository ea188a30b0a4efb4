"""SQS through boto3. With Debian's boto3 1.26 this speaks SQS's Query protocol (Action=..., XML answers); run by
boto3-current-sqs.py with a current boto3 it speaks JSON 1.0. The same checks hold in both: queues, attributes,
messages with attributes and their MD5s, batches with per-entry failures, FIFO deduplication, tags, purge, and
the modeled errors (QueueDoesNotExist, InvalidAttributeName, PurgeQueueInProgress, ...)."""
import hashlib
import os
import struct

import boto3
import botocore
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
sqs = boto3.client("sqs", endpoint_url=ENDPOINT, region_name="us-east-1")
# The two runs share one Lab Cloud: names carry the client's version.
P = "b" + boto3.__version__.replace(".", "-") + "-"
print("boto3", boto3.__version__, "botocore", botocore.__version__, "protocol",
      sqs.meta.service_model.protocol)


def expect_error(call, code, status=400):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == status, e.response
        return e
    raise AssertionError("expected " + code)


def md5_of_attributes(attributes):
    out = b""
    for name in sorted(attributes):
        value = attributes[name]
        for text in (name, value["DataType"]):
            data = text.encode()
            out += struct.pack(">I", len(data)) + data
        if value["DataType"].startswith("Binary"):
            out += b"\x02" + struct.pack(">I", len(value["BinaryValue"])) + value["BinaryValue"]
        else:
            data = value["StringValue"].encode()
            out += b"\x01" + struct.pack(">I", len(data)) + data
    return hashlib.md5(out).hexdigest()


print("create-queue with attributes, get-queue-url, list-queues by prefix")
url = sqs.create_queue(QueueName=P + "orders", Attributes={"VisibilityTimeout": "40", "DelaySeconds": "0"},
                       tags={"team": "data"})["QueueUrl"]
assert url.endswith("/000000000000/" + P + "orders"), url
assert sqs.get_queue_url(QueueName=P + "orders")["QueueUrl"] == url
assert sqs.create_queue(QueueName=P + "orders", Attributes={"VisibilityTimeout": "40"})["QueueUrl"] == url
expect_error(lambda: sqs.create_queue(QueueName=P + "orders", Attributes={"VisibilityTimeout": "41"}),
             "QueueAlreadyExists")
sqs.create_queue(QueueName=P + "other")
assert sqs.list_queues(QueueNamePrefix=P + "ord")["QueueUrls"] == [url]
page = sqs.list_queues(QueueNamePrefix=P, MaxResults=1)
assert len(page["QueueUrls"]) == 1 and "NextToken" in page, page

print("get/set-queue-attributes and their errors")
attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
assert attributes["VisibilityTimeout"] == "40", attributes
assert attributes["QueueArn"] == "arn:aws:sqs:us-east-1:000000000000:" + P + "orders", attributes
sqs.set_queue_attributes(QueueUrl=url, Attributes={"MessageRetentionPeriod": "86400"})
assert sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["MessageRetentionPeriod"])["Attributes"] == {
    "MessageRetentionPeriod": "86400"}
expect_error(lambda: sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Colour"]), "InvalidAttributeName")
expect_error(lambda: sqs.set_queue_attributes(QueueUrl=url, Attributes={"DelaySeconds": "901"}),
             "InvalidAttributeValue")

print("send-message with message attributes, and the MD5s SQS answers")
message_attributes = {"source": {"DataType": "String", "StringValue": "s3"},
                      "size": {"DataType": "Number", "StringValue": "42"},
                      "raw": {"DataType": "Binary", "BinaryValue": b"\x00\x01"}}
sent = sqs.send_message(QueueUrl=url, MessageBody="héllo", MessageAttributes=message_attributes)
assert sent["MD5OfMessageBody"] == hashlib.md5("héllo".encode()).hexdigest(), sent
assert sent["MD5OfMessageAttributes"] == md5_of_attributes(message_attributes), sent

print("receive-message with system and message attributes")
received = sqs.receive_message(QueueUrl=url, AttributeNames=["All"], MessageAttributeNames=["All"],
                               WaitTimeSeconds=1)["Messages"]
assert len(received) == 1, received
message = received[0]
assert message["MessageId"] == sent["MessageId"] and message["Body"] == "héllo", message
assert message["MD5OfBody"] == sent["MD5OfMessageBody"], message
assert message["MD5OfMessageAttributes"] == sent["MD5OfMessageAttributes"], message
assert message["MessageAttributes"] == message_attributes, message["MessageAttributes"]
assert message["Attributes"]["ApproximateReceiveCount"] == "1", message["Attributes"]
assert "SentTimestamp" in message["Attributes"] and "SenderId" in message["Attributes"], message["Attributes"]
assert sqs.receive_message(QueueUrl=url).get("Messages", []) == [], "in flight"
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0)
again = sqs.receive_message(QueueUrl=url, AttributeNames=["ApproximateReceiveCount"])["Messages"][0]
assert again["Attributes"] == {"ApproximateReceiveCount": "2"}, again
sqs.delete_message(QueueUrl=url, ReceiptHandle=again["ReceiptHandle"])
expect_error(lambda: sqs.delete_message(QueueUrl=url, ReceiptHandle="garbage"), "ReceiptHandleIsInvalid")

print("batches: per-entry failures, and the whole-batch errors")
batch = sqs.send_message_batch(QueueUrl=url, Entries=[
    {"Id": "a", "MessageBody": "one"}, {"Id": "b", "MessageBody": "two", "DelaySeconds": 901},
    {"Id": "c", "MessageBody": "three"}])
assert [e["Id"] for e in batch["Successful"]] == ["a", "c"], batch
assert batch["Failed"][0]["Id"] == "b" and batch["Failed"][0]["SenderFault"] is True, batch
messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
assert sorted(m["Body"] for m in messages) == ["one", "three"], messages
changed = sqs.change_message_visibility_batch(QueueUrl=url, Entries=[
    {"Id": "x", "ReceiptHandle": messages[0]["ReceiptHandle"], "VisibilityTimeout": 60}])
assert [e["Id"] for e in changed["Successful"]] == ["x"], changed
deleted = sqs.delete_message_batch(QueueUrl=url, Entries=[
    {"Id": "d%d" % i, "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)])
assert len(deleted["Successful"]) == 2, deleted
expect_error(lambda: sqs.send_message_batch(QueueUrl=url, Entries=[
    {"Id": "same", "MessageBody": "1"}, {"Id": "same", "MessageBody": "2"}]),
             "AWS.SimpleQueueService.BatchEntryIdsNotDistinct")
expect_error(lambda: sqs.send_message_batch(QueueUrl=url, Entries=[
    {"Id": "e%d" % i, "MessageBody": "x"} for i in range(11)]), "AWS.SimpleQueueService.TooManyEntriesInBatchRequest")

print("FIFO: deduplication and message groups")
fifo = sqs.create_queue(QueueName=P + "payments.fifo",
                        Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "true"})["QueueUrl"]
first = sqs.send_message(QueueUrl=fifo, MessageBody="pay 10", MessageGroupId="acct-1")
duplicate = sqs.send_message(QueueUrl=fifo, MessageBody="pay 10", MessageGroupId="acct-1")
assert duplicate["MessageId"] == first["MessageId"] and "SequenceNumber" in first, (first, duplicate)
sqs.send_message(QueueUrl=fifo, MessageBody="pay 20", MessageGroupId="acct-1")
ordered = sqs.receive_message(QueueUrl=fifo, MaxNumberOfMessages=10, AttributeNames=["All"])["Messages"]
assert [m["Body"] for m in ordered] == ["pay 10", "pay 20"], ordered
assert ordered[0]["Attributes"]["MessageGroupId"] == "acct-1", ordered[0]["Attributes"]

print("tags")
sqs.tag_queue(QueueUrl=url, Tags={"env": "lab"})
sqs.untag_queue(QueueUrl=url, TagKeys=["team"])
assert sqs.list_queue_tags(QueueUrl=url)["Tags"] == {"env": "lab"}

print("dead-letter queues")
dlq_arn = "arn:aws:sqs:us-east-1:000000000000:" + P + "orders"
source = sqs.create_queue(QueueName=P + "source", Attributes={
    "RedrivePolicy": '{"deadLetterTargetArn":"%s","maxReceiveCount":"3"}' % dlq_arn})["QueueUrl"]
assert sqs.list_dead_letter_source_queues(QueueUrl=url)["queueUrls"] == [source]

print("purge-queue once a minute, delete-queue, and the modeled errors")
sqs.purge_queue(QueueUrl=url)
try:
    sqs.purge_queue(QueueUrl=url)
    raise AssertionError("a second purge within 60 seconds")
except sqs.exceptions.PurgeQueueInProgress as e:
    assert e.response["Error"]["Code"] == "AWS.SimpleQueueService.PurgeQueueInProgress", e.response
sqs.delete_queue(QueueUrl=source)
try:
    sqs.get_queue_url(QueueName=P + "source")
    raise AssertionError("a deleted queue")
except sqs.exceptions.QueueDoesNotExist as e:
    assert e.response["Error"]["Code"] == "AWS.SimpleQueueService.NonExistentQueue", e.response
print("OK")
