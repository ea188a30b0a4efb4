#!/usr/bin/env bash
# The Glue Data Catalog through AWS CLI v2: a database, a table partitioned by (year int, month int),
# partitions, GetPartitions filter expressions that compare by the keys' declared types, and partition indexes.
set -euo pipefail

db=cli_catalog
fail() { echo "FAIL: $*"; exit 1; }

# The partitions' values a filter returns, one "v1/v2" per line, sorted.
partitions() {
  "$AWS" glue get-partitions --database-name "$db" --table-name "$1" --expression "$2" \
    --query "Partitions[].join('/', Values)" --output text | tr '\t' '\n' | sed '/^$/d' | sort
}

expect() {
  local table=$1 expression=$2 expected=$3 got
  got=$(partitions "$table" "$expression" | paste -sd' ' -)
  echo "get-partitions $table --expression \"$expression\" -> $got"
  [ "$got" = "$expected" ] || fail "expected '$expected', got '$got'"
}

echo "create-database (the name is stored in lower case)"
"$AWS" glue create-database --database-input '{"Name":"CLI_Catalog","Description":"conformance"}'
name=$("$AWS" glue get-database --name cli_catalog --query Database.Name --output text)
[ "$name" = "$db" ] || fail "expected database name $db, got $name"

echo "create-table sales partitioned by year int, month int"
"$AWS" glue create-table --database-name "$db" --table-input '{
  "Name": "sales",
  "TableType": "EXTERNAL_TABLE",
  "Parameters": {"classification": "parquet"},
  "StorageDescriptor": {"Location": "s3://lake/sales/", "Columns": [{"Name": "id", "Type": "bigint"}]},
  "PartitionKeys": [{"Name": "year", "Type": "int"}, {"Name": "month", "Type": "int"}]
}'
version=$("$AWS" glue get-table --database-name "$db" --name sales --query Table.VersionId --output text)
[ "$version" = "0" ] || fail "expected VersionId 0, got $version"

echo "create-partition for seven (year, month) pairs"
for ym in 2023/9 2023/12 2024/2 2024/9 2024/10 2024/11 2024/12; do
  year=${ym%/*} month=${ym#*/}
  "$AWS" glue create-partition --database-name "$db" --table-name sales --partition-input \
    "{\"Values\": [\"$year\", \"$month\"], \"StorageDescriptor\": {\"Location\": \"s3://lake/sales/year=$year/month=$month/\"}}"
done

expect sales "year = 2024 AND month > 9" "2024/10 2024/11 2024/12"
expect sales "month BETWEEN 9 AND 11" "2023/9 2024/10 2024/11 2024/9"
expect sales "year = 2023 OR month IN (2, 12)" "2023/12 2023/9 2024/12 2024/2"

echo "create-table codes partitioned by a string key, which compares as text"
"$AWS" glue create-table --database-name "$db" --table-input '{
  "Name": "codes",
  "StorageDescriptor": {"Location": "s3://lake/codes/"},
  "PartitionKeys": [{"Name": "code", "Type": "string"}]
}'
"$AWS" glue batch-create-partition --database-name "$db" --table-name codes --partition-input-list \
  '[{"Values": ["9"]}, {"Values": ["10"]}, {"Values": ["100"]}]' --query 'length(Errors)' --output text \
  | grep -qx 0 || fail "batch-create-partition reported errors"
expect codes "code > '10'" "100 9"
expect codes "code LIKE '1%'" "10 100"

echo "an unknown column is InvalidInputException"
if out=$("$AWS" glue get-partitions --database-name "$db" --table-name sales --expression "colour = 'red'" 2>&1); then
  fail "a filter on an unknown column was accepted: $out"
fi
echo "$out" | grep -q "InvalidInputException" || fail "expected InvalidInputException, got: $out"

echo "create-partition-index on (month, year): ACTIVE, with the keys' types; a key that is not a partition key is refused"
"$AWS" glue create-partition-index --database-name "$db" --table-name sales \
  --partition-index '{"IndexName": "by_month_year", "Keys": ["month", "year"]}'
index=$("$AWS" glue get-partition-indexes --database-name "$db" --table-name sales \
  --query 'PartitionIndexDescriptorList[].[IndexName, IndexStatus, join(`,`, Keys[].Name), join(`,`, Keys[].Type)]' --output text)
[ "$index" = "$(printf 'by_month_year\tACTIVE\tmonth,year\tint,int')" ] || fail "unexpected index: $index"
if out=$("$AWS" glue create-partition-index --database-name "$db" --table-name sales \
    --partition-index '{"IndexName": "by_id", "Keys": ["id"]}' 2>&1); then
  fail "an index on a column that is not a partition key was accepted"
fi
echo "$out" | grep -q "InvalidInputException" || fail "expected InvalidInputException, got: $out"
"$AWS" glue delete-partition-index --database-name "$db" --table-name sales --index-name by_month_year
count=$("$AWS" glue get-partition-indexes --database-name "$db" --table-name sales \
  --query 'length(PartitionIndexDescriptorList)' --output text)
[ "$count" = "0" ] || fail "the deleted index is still there: $count"

echo "delete-database removes its tables"
"$AWS" glue delete-database --name "$db"
if out=$("$AWS" glue get-table --database-name "$db" --name sales 2>&1); then
  fail "the table outlived its database: $out"
fi
echo "$out" | grep -q "EntityNotFoundException" || fail "expected EntityNotFoundException, got: $out"
echo "ok"
