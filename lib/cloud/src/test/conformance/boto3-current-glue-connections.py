"""Glue connections through a current boto3 (Debian's 1.26 predates TestConnection): a JDBC connection to a
PostgreSQL DB instance provisioned through RDS, read back with and without its password, listed with a filter and
pages, tested for real (the right password passes; a stale one is refused with PostgreSQL's own words), updated,
and deleted one by one and in a batch."""
import os
import time

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
rds = boto3.client("rds", endpoint_url=ENDPOINT, region_name="us-east-1")
glue = boto3.client("glue", endpoint_url=ENDPOINT, region_name="us-east-1")
P = "bc%d-" % os.getpid()
DB = P + "warehouse"
print("boto3", boto3.__version__)


def expect_error(call, code, words=""):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert words in e.response["Error"]["Message"], e.response
        return e
    raise AssertionError("expected " + code)


print("an RDS PostgreSQL instance to connect to")
rds.create_db_instance(DBInstanceIdentifier=DB, Engine="postgres", DBInstanceClass="db.t3.micro",
                       AllocatedStorage=20, MasterUsername="etl", MasterUserPassword="right-Pass1", DBName="sales")
for _ in range(300):
    instance = rds.describe_db_instances(DBInstanceIdentifier=DB)["DBInstances"][0]
    if instance["DBInstanceStatus"] == "available":
        break
    time.sleep(0.2)
url = "jdbc:postgresql://%s:%d/sales" % (instance["Endpoint"]["Address"], instance["Endpoint"]["Port"])


def jdbc(name, password):
    return {"Name": name, "ConnectionType": "JDBC", "MatchCriteria": ["postgres"],
            "ConnectionProperties": {"JDBC_CONNECTION_URL": url, "USERNAME": "etl", "PASSWORD": password}}


print("create_connection, get_connection with and without HidePassword")
assert glue.create_connection(ConnectionInput=jdbc(P + "sales", "right-Pass1"))["CreateConnectionStatus"] == "READY"
shown = glue.get_connection(Name=P + "sales")["Connection"]
assert shown["ConnectionProperties"]["PASSWORD"] == "right-Pass1", shown
hidden = glue.get_connection(Name=P + "sales", HidePassword=True)["Connection"]
assert "PASSWORD" not in hidden["ConnectionProperties"], hidden
expect_error(lambda: glue.create_connection(ConnectionInput=jdbc(P + "sales", "x")), "AlreadyExistsException")
expect_error(lambda: glue.get_connection(Name=P + "nothing"), "EntityNotFoundException")

print("test_connection: the right password, then a stale one")
glue.test_connection(ConnectionName=P + "sales")
glue.update_connection(Name=P + "sales", ConnectionInput=jdbc(P + "sales", "stale-Pass1"))
error = expect_error(lambda: glue.test_connection(ConnectionName=P + "sales"), "InvalidInputException",
                     'password authentication failed for user "etl"')
assert "stale-Pass1" not in str(error.response), error.response
glue.test_connection(TestConnectionInput={
    "ConnectionType": "JDBC", "ConnectionProperties": {"JDBC_CONNECTION_URL": url},
    "AuthenticationConfiguration": {"BasicAuthenticationCredentials": {"Username": "etl", "Password": "right-Pass1"}}})

print("get_connections with a filter and pages")
glue.create_connection(ConnectionInput=jdbc(P + "more", "right-Pass1"))
first = glue.get_connections(Filter={"ConnectionType": "JDBC", "MatchCriteria": ["postgres"]}, MaxResults=1,
                             HidePassword=True)
assert len(first["ConnectionList"]) == 1 and "NextToken" in first, first
names = {c["Name"] for c in glue.get_paginator("get_connections").paginate(
    Filter={"ConnectionType": "JDBC"}, PaginationConfig={"PageSize": 1}).build_full_result()["ConnectionList"]}
assert {P + "sales", P + "more"} <= names, names

print("delete_connection and batch_delete_connection")
glue.delete_connection(ConnectionName=P + "more")
batch = glue.batch_delete_connection(ConnectionNameList=[P + "sales", P + "never"])
assert batch["Succeeded"] == [P + "sales"], batch
assert batch["Errors"][P + "never"]["ErrorCode"] == "EntityNotFoundException", batch
rds.delete_db_instance(DBInstanceIdentifier=DB, SkipFinalSnapshot=True)
print("OK")
