#!/usr/bin/env bash
# DynamoDB through AWS CLI v2: a table with a GSI created and waited for, items put with a condition, updated with
# an expression and read back, a query on the table and on the index, a scan with a filter, a batch, a transaction
# cancelled by its condition, TTL, tags, and the errors AWS answers with.
set -euo pipefail
cd "$WORK_DIR"

fail() { echo "FAIL: $*"; exit 1; }
T="cli$$-files"

echo "dynamodb create-table, wait table-exists, describe-table, list-tables"
"$AWS" dynamodb create-table --table-name "$T" --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=bucket,AttributeType=S AttributeName=key,AttributeType=S \
    AttributeName=state,AttributeType=S \
  --key-schema AttributeName=bucket,KeyType=HASH AttributeName=key,KeyType=RANGE \
  --global-secondary-indexes 'IndexName=by-state,KeySchema=[{AttributeName=state,KeyType=HASH}],Projection={ProjectionType=ALL}' \
  > created.json
[ "$(python3 -c 'import json; print(json.load(open("created.json"))["TableDescription"]["TableStatus"])')" = "CREATING" ] \
  || fail "a new table is CREATING"
"$AWS" dynamodb wait table-exists --table-name "$T"
[ "$("$AWS" dynamodb describe-table --table-name "$T" --query Table.TableStatus --output text)" = "ACTIVE" ] \
  || fail "ACTIVE after the waiter"
"$AWS" dynamodb list-tables --query TableNames --output text | grep -q "$T" || fail "list-tables"

echo "dynamodb put-item with a condition, and the conditional failure"
"$AWS" dynamodb put-item --table-name "$T" --condition-expression "attribute_not_exists(#k)" \
  --expression-attribute-names '{"#k":"key"}' \
  --item '{"bucket":{"S":"landing"},"key":{"S":"a.csv"},"state":{"S":"NEW"},"bytes":{"N":"100"}}'
if "$AWS" dynamodb put-item --table-name "$T" --condition-expression "attribute_not_exists(#k)" \
  --expression-attribute-names '{"#k":"key"}' --item '{"bucket":{"S":"landing"},"key":{"S":"a.csv"}}' 2> err.txt; then
  fail "a second put with attribute_not_exists succeeded"
fi
grep -q "ConditionalCheckFailedException" err.txt || fail "ConditionalCheckFailedException: $(cat err.txt)"

echo "dynamodb update-item with SET, ADD and a condition that keeps a status moving forward"
"$AWS" dynamodb update-item --table-name "$T" --key '{"bucket":{"S":"landing"},"key":{"S":"a.csv"}}' \
  --update-expression "SET #s = :done ADD attempts :one" --condition-expression "#s = :new" \
  --expression-attribute-names '{"#s":"state"}' \
  --expression-attribute-values '{":done":{"S":"DONE"},":new":{"S":"NEW"},":one":{"N":"1"}}' \
  --return-values ALL_NEW > updated.json
python3 - <<'PY'
import json
item = json.load(open("updated.json"))["Attributes"]
assert item["state"] == {"S": "DONE"} and item["attempts"] == {"N": "1"}, item
PY
if "$AWS" dynamodb update-item --table-name "$T" --key '{"bucket":{"S":"landing"},"key":{"S":"a.csv"}}' \
  --update-expression "SET #s = :new" --condition-expression "#s = :new" \
  --expression-attribute-names '{"#s":"state"}' --expression-attribute-values '{":new":{"S":"NEW"}}' 2> err.txt; then
  fail "the status went backwards"
fi
grep -q "ConditionalCheckFailedException" err.txt || fail "backwards: $(cat err.txt)"

echo "dynamodb batch-write-item, query (table and index), scan with a filter"
cat > batch.json <<JSON
{"$T": [
  {"PutRequest": {"Item": {"bucket": {"S": "landing"}, "key": {"S": "b.csv"}, "state": {"S": "NEW"}, "bytes": {"N": "5"}}}},
  {"PutRequest": {"Item": {"bucket": {"S": "landing"}, "key": {"S": "c.csv"}, "state": {"S": "NEW"}, "bytes": {"N": "7"}}}},
  {"PutRequest": {"Item": {"bucket": {"S": "archive"}, "key": {"S": "z.csv"}, "state": {"S": "DONE"}}}}
]}
JSON
"$AWS" dynamodb batch-write-item --request-items file://batch.json > written.json
python3 -c 'import json; assert json.load(open("written.json"))["UnprocessedItems"] == {}'
[ "$("$AWS" dynamodb query --table-name "$T" --key-condition-expression "#b = :b AND begins_with(#k, :p)" \
  --expression-attribute-names '{"#b":"bucket","#k":"key"}' \
  --expression-attribute-values '{":b":{"S":"landing"},":p":{"S":"b"}}' --query Count --output text)" = "1" ] \
  || fail "query with begins_with"
[ "$("$AWS" dynamodb query --table-name "$T" --index-name by-state --key-condition-expression "#s = :new" \
  --expression-attribute-names '{"#s":"state"}' --expression-attribute-values '{":new":{"S":"NEW"}}' \
  --query Count --output text)" = "2" ] || fail "query on the GSI"
[ "$("$AWS" dynamodb scan --table-name "$T" --filter-expression "#by > :five" \
  --expression-attribute-names '{"#by":"bytes"}' --expression-attribute-values '{":five":{"N":"5"}}' \
  --query 'Items[].key.S' --output text | tr '\t' '\n' | sort | tr '\n' ' ')" = "a.csv c.csv " ] || fail "scan filter"

echo "dynamodb transact-write-items cancelled by its condition check"
cat > transaction.json <<JSON
[{"Update": {"TableName": "$T", "Key": {"bucket": {"S": "landing"}, "key": {"S": "b.csv"}},
   "UpdateExpression": "SET #s = :done", "ExpressionAttributeNames": {"#s": "state"},
   "ExpressionAttributeValues": {":done": {"S": "DONE"}}}},
 {"ConditionCheck": {"TableName": "$T", "Key": {"bucket": {"S": "archive"}, "key": {"S": "z.csv"}},
   "ConditionExpression": "attribute_not_exists(#s)", "ExpressionAttributeNames": {"#s": "state"}}}]
JSON
if "$AWS" dynamodb transact-write-items --transact-items file://transaction.json 2> err.txt; then
  fail "the transaction ignored its condition"
fi
grep -q "TransactionCanceledException" err.txt && grep -q "\[None, ConditionalCheckFailed\]" err.txt \
  || fail "cancellation: $(cat err.txt)"
[ "$("$AWS" dynamodb get-item --table-name "$T" --key '{"bucket":{"S":"landing"},"key":{"S":"b.csv"}}' \
  --consistent-read --query Item.state.S --output text)" = "NEW" ] || fail "a cancelled transaction wrote"

echo "dynamodb update-time-to-live, tags"
"$AWS" dynamodb update-time-to-live --table-name "$T" --time-to-live-specification Enabled=true,AttributeName=expires >/dev/null
[ "$("$AWS" dynamodb describe-time-to-live --table-name "$T" \
  --query TimeToLiveDescription.TimeToLiveStatus --output text)" = "ENABLED" ] || fail "TTL"
arn=$("$AWS" dynamodb describe-table --table-name "$T" --query Table.TableArn --output text)
"$AWS" dynamodb tag-resource --resource-arn "$arn" --tags Key=team,Value=data
[ "$("$AWS" dynamodb list-tags-of-resource --resource-arn "$arn" --query 'Tags[0].Value' --output text)" = "data" ] \
  || fail "tags"

echo "errors: a reserved word, an unused value, a missing table"
if "$AWS" dynamodb scan --table-name "$T" --filter-expression "status = :s" \
  --expression-attribute-values '{":s":{"S":"x"}}' 2> err.txt; then fail "a reserved word was accepted"; fi
grep -q "Attribute name is a reserved keyword; reserved keyword: status" err.txt || fail "reserved: $(cat err.txt)"
if "$AWS" dynamodb scan --table-name "$T" --filter-expression "#s = :s" --expression-attribute-names '{"#s":"state"}' \
  --expression-attribute-values '{":s":{"S":"x"},":t":{"S":"y"}}' 2> err.txt; then fail "an unused value was accepted"; fi
grep -q "Value provided in ExpressionAttributeValues unused in expressions: keys: {:t}" err.txt || fail "unused: $(cat err.txt)"
if "$AWS" dynamodb describe-table --table-name "cli$$-nowhere" 2> err.txt; then fail "a missing table was found"; fi
grep -q "ResourceNotFoundException" err.txt || fail "missing table: $(cat err.txt)"

echo "dynamodb delete-table"
[ "$("$AWS" dynamodb delete-table --table-name "$T" --query TableDescription.TableStatus --output text)" = "DELETING" ] \
  || fail "delete-table"
echo "PASS"
