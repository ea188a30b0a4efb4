"""Glue JDBC crawlers through boto3: a crawler of every schema of a real PostgreSQL (created with rds
create_db_instance, tables made with psycopg2) reaches it through a Glue connection whose SECRET_ID the crawler's
role reads, takes the table prefix, drops an excluded schema, and after a column is added its re-crawl updates the
table (UPDATE_IN_DATABASE, TablesUpdated); a table dropped from the database is deprecated."""
import json
import os
import time

import boto3
import psycopg2
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
rds = boto3.client("rds", endpoint_url=ENDPOINT, region_name="us-east-1")
glue = boto3.client("glue", endpoint_url=ENDPOINT, region_name="us-east-1")
secrets = boto3.client("secretsmanager", endpoint_url=ENDPOINT, region_name="us-east-1")
iam = boto3.client("iam", endpoint_url=ENDPOINT, region_name="us-east-1")
SUFFIX = str(os.getpid())
ID = "boto%s-crawl-db" % SUFFIX
CRAWLER = "boto%s-jdbc" % SUFFIX
CONNECTION = "boto%s-shop" % SUFFIX
DB = "boto%s_jdbc_crawled" % SUFFIX
ROLE = "GlueCrawlerRole"
print("boto3", boto3.__version__)

print("create_db_instance, and tables in two schemas")
rds.create_db_instance(DBInstanceIdentifier=ID, Engine="postgres", DBInstanceClass="db.t3.micro",
                       AllocatedStorage=20, MasterUsername="lab_admin", MasterUserPassword="shop-Pass1",
                       DBName="shop")
for _ in range(300):
    if rds.describe_db_instances(DBInstanceIdentifier=ID)["DBInstances"][0]["DBInstanceStatus"] == "available":
        break
    time.sleep(0.2)
rds.get_waiter("db_instance_available").wait(DBInstanceIdentifier=ID)
endpoint = rds.describe_db_instances(DBInstanceIdentifier=ID)["DBInstances"][0]["Endpoint"]


def sql(*statements):
    with psycopg2.connect(host=endpoint["Address"], port=endpoint["Port"], user="lab_admin", password="shop-Pass1",
                          dbname="shop", connect_timeout=5) as connection:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


sql("CREATE TABLE public.customers (id bigint, name text, since date)",
    "CREATE TABLE public.leads (id integer)",
    "CREATE SCHEMA scratch", "CREATE TABLE scratch.junk (id integer)")

print("a connection with SECRET_ID, and the crawler's role allowed to read the secret")
secret_arn = secrets.create_secret(Name="boto%s/shop" % SUFFIX,
                                   SecretString=json.dumps({"username": "lab_admin", "password": "shop-Pass1"}))["ARN"]
iam.put_role_policy(RoleName=ROLE, PolicyName="boto%s-shop-secret" % SUFFIX, PolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
                                            "Resource": secret_arn}]}))
glue.create_connection(ConnectionInput={"Name": CONNECTION, "ConnectionType": "JDBC", "ConnectionProperties": {
    "JDBC_CONNECTION_URL": "jdbc:postgresql://%s:%d/shop" % (endpoint["Address"], endpoint["Port"]),
    "SECRET_ID": "boto%s/shop" % SUFFIX}})
glue.create_database(DatabaseInput={"Name": DB})
role_arn = iam.get_role(RoleName=ROLE)["Role"]["Arn"]
try:
    glue.create_crawler(Name=CRAWLER + "-bad", Role=role_arn, DatabaseName=DB, Targets={"JdbcTargets": [
        {"ConnectionName": CONNECTION, "Path": "shop/public/%", "EnableAdditionalMetadata": ["EVERYTHING"]}]})
    raise AssertionError("an unknown EnableAdditionalMetadata value was accepted")
except ClientError as e:
    assert e.response["Error"]["Code"] == "ValidationException", e.response
glue.create_crawler(Name=CRAWLER, Role=role_arn, DatabaseName=DB, TablePrefix="src_", Targets={"JdbcTargets": [
    {"ConnectionName": CONNECTION, "Path": "shop/%", "Exclusions": ["scratch/**"]}]})


def crawl():
    before = (glue.get_crawler(Name=CRAWLER)["Crawler"].get("LastCrawl") or {}).get("MessagePrefix")
    glue.start_crawler(Name=CRAWLER)
    for _ in range(240):
        crawler = glue.get_crawler(Name=CRAWLER)["Crawler"]
        if crawler["State"] == "READY" and crawler.get("LastCrawl", {}).get("MessagePrefix") not in (None, before):
            return crawler["LastCrawl"]
        time.sleep(0.25)
    raise AssertionError("the crawl did not end")


def columns(table):
    return [(c["Name"], c["Type"]) for c in
            glue.get_table(DatabaseName=DB, Name=table)["Table"]["StorageDescriptor"]["Columns"]]


print("start_crawler: every schema but the excluded one, with the table prefix")
last = crawl()
assert last["Status"] == "SUCCEEDED", last
names = sorted(t["Name"] for t in glue.get_tables(DatabaseName=DB)["TableList"])
assert names == ["src_shop_public_customers", "src_shop_public_leads"], names
assert columns("src_shop_public_customers") == [("id", "bigint"), ("name", "string"), ("since", "date")]
table = glue.get_table(DatabaseName=DB, Name="src_shop_public_customers")["Table"]
assert table["StorageDescriptor"]["Location"] == "shop.public.customers", table
assert table["Parameters"]["classification"] == "postgresql", table
assert table["Parameters"]["connectionName"] == CONNECTION, table

print("a column added and a table dropped: the re-crawl updates one table and deprecates the other")
sql("ALTER TABLE public.customers ADD COLUMN score real", "DROP TABLE public.leads")
assert crawl()["Status"] == "SUCCEEDED"
assert columns("src_shop_public_customers")[-1] == ("score", "float"), columns("src_shop_public_customers")
assert "DEPRECATED_BY_CRAWLER" in glue.get_table(DatabaseName=DB, Name="src_shop_public_leads")["Table"]["Parameters"]
metrics = glue.get_crawler_metrics(CrawlerNameList=[CRAWLER])["CrawlerMetricsList"][0]
assert (metrics["TablesCreated"], metrics["TablesUpdated"], metrics["TablesDeleted"]) == (0, 1, 1), metrics

print("clean up")
glue.delete_crawler(Name=CRAWLER)
iam.delete_role_policy(RoleName=ROLE, PolicyName="boto%s-shop-secret" % SUFFIX)
rds.delete_db_instance(DBInstanceIdentifier=ID, SkipFinalSnapshot=True)
print("OK")
