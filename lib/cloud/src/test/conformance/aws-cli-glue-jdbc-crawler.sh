#!/usr/bin/env bash
# Glue JDBC crawlers through AWS CLI v2: a crawler of a JDBC target (a real PostgreSQL created with rds
# create-db-instance, tables made with psql) reaches the database through a Glue connection and makes one table per
# table and view, named <database>_<schema>_<table>, typed as Glue types PostgreSQL columns; a path that is not
# database/schema/table is InvalidInputException; a stale connection password fails the crawl, saying so without
# quoting the password, and leaves the catalog as it was.
set -euo pipefail
cd "$WORK_DIR"

fail() { echo "FAIL: $*"; exit 1; }
ID="cli$$-crawl-db"
CRAWLER="cli$$-jdbc"
CONNECTION="cli$$-shop"
DB="cli$$_jdbc_crawled"
role=$(source "$(dirname "$0")/glue-role.bash" && glue_role GlueCrawlerRole)

echo "rds create-db-instance, and tables made with psql"
"$AWS" rds create-db-instance --db-instance-identifier "$ID" --engine postgres --db-instance-class db.t3.micro \
  --allocated-storage 20 --master-username lab_admin --master-user-password 'shop-Pass1' --db-name shop >/dev/null
for _ in $(seq 1 300); do
  [ "$("$AWS" rds describe-db-instances --db-instance-identifier "$ID" \
    --query 'DBInstances[0].DBInstanceStatus' --output text)" = "available" ] && break
  sleep 0.2
done
"$AWS" rds wait db-instance-available --db-instance-identifier "$ID"
read -r HOST PORT < <("$AWS" rds describe-db-instances --db-instance-identifier "$ID" \
  --query 'DBInstances[0].[Endpoint.Address,Endpoint.Port]' --output text)
PGPASSWORD='shop-Pass1' psql -q -h "$HOST" -p "$PORT" -U lab_admin -d shop -v ON_ERROR_STOP=1 -c "
  CREATE TABLE orders (id integer, amount numeric(10,2), note varchar(40), paid boolean, at timestamp);
  CREATE TABLE orders_tmp (id integer);
  CREATE VIEW paid_orders AS SELECT id, amount FROM orders WHERE paid;"

echo "glue create-connection, create-database, create-crawler with a JDBC target"
"$AWS" glue create-connection --connection-input "{\"Name\":\"$CONNECTION\",\"ConnectionType\":\"JDBC\",
  \"ConnectionProperties\":{\"JDBC_CONNECTION_URL\":\"jdbc:postgresql://$HOST:$PORT/shop\",
  \"USERNAME\":\"lab_admin\",\"PASSWORD\":\"shop-Pass1\"}}"
"$AWS" glue create-database --database-input "{\"Name\":\"$DB\"}"
if out=$("$AWS" glue create-crawler --name "$CRAWLER-bad" --role "$role" --database-name "$DB" \
  --targets "{\"JdbcTargets\":[{\"ConnectionName\":\"$CONNECTION\",\"Path\":\"shop\"}]}" 2>&1); then
  fail "a path without schema or table was accepted"
fi
echo "$out" | grep -q InvalidInputException || fail "expected InvalidInputException: $out"
"$AWS" glue create-crawler --name "$CRAWLER" --role "$role" --database-name "$DB" --targets \
  "{\"JdbcTargets\":[{\"ConnectionName\":\"$CONNECTION\",\"Path\":\"shop/public/%\",\"Exclusions\":[\"*_tmp\"]}]}"
[ "$("$AWS" glue get-crawler --name "$CRAWLER" --query 'Crawler.Targets.JdbcTargets[0].Path' --output text)" \
  = "shop/public/%" ] || fail "the JDBC target was not kept"

crawl() {
  local before
  before=$("$AWS" glue get-crawler --name "$CRAWLER" --query 'Crawler.LastCrawl.MessagePrefix' --output text)
  "$AWS" glue start-crawler --name "$CRAWLER"
  for _ in $(seq 1 240); do
    read -r state prefix < <("$AWS" glue get-crawler --name "$CRAWLER" \
      --query '[Crawler.State,Crawler.LastCrawl.MessagePrefix]' --output text)
    [ "$state" = "READY" ] && [ "$prefix" != "$before" ] && break
    sleep 0.25
  done
  "$AWS" glue get-crawler --name "$CRAWLER" --query 'Crawler.LastCrawl.Status' --output text
}

echo "start-crawler: the tables and the view, named, located and typed as Glue makes them"
[ "$(crawl)" = "SUCCEEDED" ] || fail "the crawl did not succeed"
[ "$("$AWS" glue get-tables --database-name "$DB" --query 'sort(TableList[].Name)' --output text)" \
  = "shop_public_orders	shop_public_paid_orders" ] || fail "tables: $("$AWS" glue get-tables --database-name "$DB")"
[ "$("$AWS" glue get-table --database-name "$DB" --name shop_public_orders \
  --query 'Table.StorageDescriptor.Location' --output text)" = "shop.public.orders" ] || fail "location"
[ "$("$AWS" glue get-table --database-name "$DB" --name shop_public_orders \
  --query 'Table.StorageDescriptor.Columns[].[Name,Type]' --output text | tr '\t\n' ': ')" \
  = "id:int amount:decimal(10,2) note:string paid:boolean at:timestamp " ] || fail "column types"
[ "$("$AWS" glue get-table --database-name "$DB" --name shop_public_orders \
  --query 'Table.Parameters.[classification,connectionName,typeOfData]' --output text)" \
  = "postgresql	$CONNECTION	table" ] || fail "table parameters"
[ "$("$AWS" glue get-table --database-name "$DB" --name shop_public_paid_orders \
  --query 'Table.Parameters.typeOfData' --output text)" = "view" ] || fail "a view is typeOfData view"
[ "$("$AWS" glue get-crawler-metrics --crawler-name-list "$CRAWLER" \
  --query 'CrawlerMetricsList[0].TablesCreated' --output text)" = "2" ] || fail "TablesCreated"

echo "update-connection with a stale password: the crawl fails, saying why, and the catalog stays as it was"
"$AWS" glue update-connection --name "$CONNECTION" --connection-input "{\"Name\":\"$CONNECTION\",
  \"ConnectionType\":\"JDBC\",\"ConnectionProperties\":{\"JDBC_CONNECTION_URL\":\"jdbc:postgresql://$HOST:$PORT/shop\",
  \"USERNAME\":\"lab_admin\",\"PASSWORD\":\"stale-Pass7\"}}"
[ "$(crawl)" = "FAILED" ] || fail "a crawl with a stale password did not fail"
message=$("$AWS" glue get-crawler --name "$CRAWLER" --query 'Crawler.LastCrawl.ErrorMessage' --output text)
echo "$message" | grep -q "password authentication failed" || fail "error message: $message"
echo "$message" | grep -q "stale-Pass7" && fail "the error message quotes the password"
[ "$("$AWS" glue get-table --database-name "$DB" --name shop_public_orders \
  --query 'length(Table.StorageDescriptor.Columns)' --output text)" = "5" ] || fail "the catalog changed"

echo "clean up"
"$AWS" glue delete-crawler --name "$CRAWLER"
"$AWS" rds delete-db-instance --db-instance-identifier "$ID" --skip-final-snapshot >/dev/null
echo "OK"
