#!/usr/bin/env bash
# Glue crawlers through AWS CLI v2: a crawler over partitioned CSV in S3 creates a table with its partitions;
# a crawler that is crawling refuses a second start; metrics and the crawl history tell what the crawl did.
set -euo pipefail

bucket=cli-crawler-lake
db=cli_crawled
role=arn:aws:iam::000000000000:role/GlueCrawlerRole
fail() { echo "FAIL: $*"; exit 1; }
cd "$WORK_DIR"

echo "put partitioned CSV under s3://$bucket/sales/"
"$AWS" s3 mb "s3://$bucket" >/dev/null
for day in 2024-01-01 2024-01-02; do
  printf 'id,item,amount\n1,apple,1.5\n2,pear,2.25\n3,plum,0.75\n' > sales.csv
  "$AWS" s3 cp sales.csv "s3://$bucket/sales/day=$day/part-0.csv" >/dev/null
done

echo "create-database and create-crawler"
"$AWS" glue create-database --database-input "{\"Name\":\"$db\"}"
"$AWS" glue create-crawler --name cli-sales --role "$role" --database-name "$db" \
  --targets "{\"S3Targets\":[{\"Path\":\"s3://$bucket/sales/\"}]}"
state=$("$AWS" glue get-crawler --name cli-sales --query Crawler.State --output text)
[ "$state" = "READY" ] || fail "a new crawler should be READY, not $state"

echo "two start-crawler calls at once: one starts the crawl, the other gets CrawlerRunningException"
# Both are sent together: a CLI process takes seconds to start on a loaded machine, longer than a small crawl.
"$AWS" glue start-crawler --name cli-sales > first.out 2>&1 & first=$!
"$AWS" glue start-crawler --name cli-sales > second.out 2>&1 & second=$!
started=0
refused=0
for pid in $first $second; do
  if wait "$pid"; then started=$((started + 1)); else refused=$((refused + 1)); fi
done
out=$(cat first.out second.out)
[ "$started" = 1 ] && [ "$refused" = 1 ] || fail "expected one start and one refusal, got $started and $refused: $out"
grep -q "CrawlerRunningException" <<<"$out" || fail "expected CrawlerRunningException, got: $out"

echo "poll get-crawler until READY"
for _ in $(seq 1 120); do
  state=$("$AWS" glue get-crawler --name cli-sales --query Crawler.State --output text)
  [ "$state" = "READY" ] && break
  sleep 0.5
done
[ "$state" = "READY" ] || fail "the crawler is still $state"
status=$("$AWS" glue get-crawler --name cli-sales --query Crawler.LastCrawl.Status --output text)
[ "$status" = "SUCCEEDED" ] || fail "the crawl ended $status: $("$AWS" glue get-crawler --name cli-sales --query Crawler.LastCrawl.ErrorMessage --output text)"

echo "get-tables shows the sales table, partitioned by day, with its two partitions"
tables=$("$AWS" glue get-tables --database-name "$db" --query 'TableList[].Name' --output text)
[ "$tables" = "sales" ] || fail "expected table sales, got '$tables'"
key=$("$AWS" glue get-table --database-name "$db" --name sales --query 'Table.PartitionKeys[0].Name' --output text)
[ "$key" = "day" ] || fail "expected partition key day, got $key"
by=$("$AWS" glue get-table --database-name "$db" --name sales --query 'Table.Parameters.UPDATED_BY_CRAWLER' --output text)
[ "$by" = "cli-sales" ] || fail "expected UPDATED_BY_CRAWLER cli-sales, got $by"
partitions=$("$AWS" glue get-partitions --database-name "$db" --table-name sales --query 'length(Partitions)' --output text)
[ "$partitions" = "2" ] || fail "expected 2 partitions, got $partitions"

echo "get-crawler-metrics counts the table the last crawl created"
created=$("$AWS" glue get-crawler-metrics --crawler-name-list cli-sales --query 'CrawlerMetricsList[0].TablesCreated' --output text)
[ "$created" = "1" ] || fail "expected TablesCreated 1, got $created"

echo "list-crawls shows one COMPLETED crawl"
crawls=$("$AWS" glue list-crawls --crawler-name cli-sales --query 'Crawls[].State' --output text)
[ "$crawls" = "COMPLETED" ] || fail "expected one COMPLETED crawl, got '$crawls'"

echo "delete-crawler; the table it made stays"
"$AWS" glue delete-crawler --name cli-sales
"$AWS" glue get-table --database-name "$db" --name sales >/dev/null
"$AWS" glue delete-database --name "$db"
"$AWS" s3 rb "s3://$bucket" --force >/dev/null
echo "ok"
