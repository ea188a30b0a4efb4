"""RDS through boto3 (Query protocol, XML answers): a PostgreSQL DB instance created and awaited with boto3's own
db_instance_available waiter, reached with psycopg2 (libpq) at its endpoint; the master password changed with
modify_db_instance, after which the old one is refused and the new one accepted; paging with Marker, tags, the
modeled errors, and a deletion."""
import os
import time

import boto3
import psycopg2
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
rds = boto3.client("rds", endpoint_url=ENDPOINT, region_name="us-east-1")
ID = "boto%d-db" % os.getpid()
print("boto3", boto3.__version__, "protocol", rds.meta.service_model.protocol)


def expect_error(call, code, status=400):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == status, e.response
        return e
    raise AssertionError("expected " + code)


def await_available():
    # boto3's waiter polls every 30 s: poll quickly first, then let it confirm with its own acceptors.
    for _ in range(300):
        if rds.describe_db_instances(DBInstanceIdentifier=ID)["DBInstances"][0]["DBInstanceStatus"] == "available":
            break
        time.sleep(0.2)
    rds.get_waiter("db_instance_available").wait(DBInstanceIdentifier=ID)
    return rds.describe_db_instances(DBInstanceIdentifier=ID)["DBInstances"][0]


def connect(instance, password):
    return psycopg2.connect(host=instance["Endpoint"]["Address"], port=instance["Endpoint"]["Port"],
                            user="lab_admin", password=password, dbname="sales", connect_timeout=5)


def refused(instance, password):
    try:
        connect(instance, password).close()
    except psycopg2.OperationalError as e:
        return "password authentication failed" in str(e)
    return False


print("create_db_instance, then the db_instance_available waiter")
created = rds.create_db_instance(DBInstanceIdentifier=ID, Engine="postgres", DBInstanceClass="db.t3.micro",
                                 AllocatedStorage=20, MasterUsername="lab_admin", MasterUserPassword="first-Pass1",
                                 DBName="sales", Tags=[{"Key": "team", "Value": "sales"}])["DBInstance"]
assert created["DBInstanceStatus"] == "creating", created
assert created["Engine"] == "postgres" and created["DBInstanceArn"].endswith(":db:" + ID), created
instance = await_available()
assert instance["Endpoint"]["Address"] == "127.0.0.1", instance
assert instance["EngineVersion"].startswith("17."), instance

print("psycopg2 with the master password, and with a wrong one")
with connect(instance, "first-Pass1") as connection, connection.cursor() as cursor:
    cursor.execute("CREATE TABLE t (n int)")
    cursor.execute("INSERT INTO t VALUES (42)")
    cursor.execute("SELECT n, current_database() FROM t")
    assert cursor.fetchone() == (42, "sales")
assert refused(instance, "wrong-Pass1")

print("modify_db_instance with MasterUserPassword")
modified = rds.modify_db_instance(DBInstanceIdentifier=ID, MasterUserPassword="second-Pass2",
                                  ApplyImmediately=True)["DBInstance"]
assert modified["PendingModifiedValues"] == {"MasterUserPassword": "****"}, modified
instance = await_available()
assert refused(instance, "first-Pass1"), "the old password still works"
connect(instance, "second-Pass2").close()

print("describe_db_instances: Marker paging, filters")
page = rds.describe_db_instances(MaxRecords=20, Filters=[{"Name": "engine", "Values": ["postgres"]}])
assert ID in [i["DBInstanceIdentifier"] for i in page["DBInstances"]], page
expect_error(lambda: rds.describe_db_instances(MaxRecords=5), "InvalidParameterValue")
expect_error(lambda: rds.describe_db_instances(DBInstanceIdentifier="boto-nothing"), "DBInstanceNotFound", 404)

print("tags")
arn = instance["DBInstanceArn"]
rds.add_tags_to_resource(ResourceName=arn, Tags=[{"Key": "stage", "Value": "lab"}])
rds.remove_tags_from_resource(ResourceName=arn, TagKeys=["team"])
assert rds.list_tags_for_resource(ResourceName=arn)["TagList"] == [{"Key": "stage", "Value": "lab"}]

print("errors")
expect_error(lambda: rds.create_db_instance(DBInstanceIdentifier=ID, Engine="postgres", DBInstanceClass="db.t3.micro",
                                            AllocatedStorage=20, MasterUsername="lab_admin",
                                            MasterUserPassword="first-Pass1"), "DBInstanceAlreadyExists")
expect_error(lambda: rds.create_db_instance(DBInstanceIdentifier="boto-bad", Engine="postgres",
                                            DBInstanceClass="db.t3.micro", AllocatedStorage=20,
                                            MasterUsername="lab_admin", MasterUserPassword="has/slash"),
             "InvalidParameterValue")
expect_error(lambda: rds.modify_db_instance(DBInstanceIdentifier="boto-nothing", MasterUserPassword="x-Pass1234"),
             "DBInstanceNotFound", 404)

print("delete_db_instance")
deleting = rds.delete_db_instance(DBInstanceIdentifier=ID, SkipFinalSnapshot=True)["DBInstance"]
assert deleting["DBInstanceStatus"] == "deleting", deleting
rds.get_waiter("db_instance_deleted").wait(DBInstanceIdentifier=ID, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
try:
    connect(instance, "second-Pass2").close()
    raise AssertionError("the server still answers")
except psycopg2.OperationalError as e:
    assert "password" not in str(e), e
print("OK")
