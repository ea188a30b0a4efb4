#!/usr/bin/env bash
# Lambda through AWS CLI v2: a Java function created from a zip with a role Lambda trusts, waited for until Active,
# invoked (result, log tail, function error), its resource policy, an SQS event-source mapping, and AWS's refusals.
set -euo pipefail
cd "$WORK_DIR"

echo "a Class::method handler, compiled and zipped as for AWS"
mkdir -p src/conformance
cat > src/conformance/Hello.java <<'JAVA'
package conformance;
import java.util.Map;
public class Hello {
    public String handle(Map<String, Object> input) {
        System.out.println("greeting " + input.get("name"));
        if (input.containsKey("fail")) {
            throw new IllegalArgumentException("no greeting for " + input.get("name"));
        }
        return "hello " + input.get("name");
    }
}
JAVA
javac -d classes src/conformance/Hello.java
(cd classes && jar cf ../hello.zip conformance/Hello.class)

echo "iam create-role trusting lambda.amazonaws.com"
"$AWS" iam create-role --role-name cli-lambda-role --assume-role-policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null
"$AWS" iam attach-role-policy --role-name cli-lambda-role \
  --policy-arn arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
role=arn:aws:iam::000000000000:role/cli-lambda-role

echo "lambda create-function answers Pending"
state=$("$AWS" lambda create-function --function-name cli-hello --runtime java17 --role "$role" \
  --handler conformance.Hello::handle --zip-file fileb://hello.zip --timeout 15 --query State --output text)
[ "$state" = "Pending" ] || [ "$state" = "Active" ] || { echo "expected Pending, got $state"; exit 1; }

echo "lambda wait function-active-v2"
"$AWS" lambda wait function-active-v2 --function-name cli-hello
[ "$("$AWS" lambda get-function-configuration --function-name cli-hello --query State --output text)" = "Active" ]

echo "lambda invoke: the handler's result, and its log tail"
"$AWS" lambda invoke --function-name cli-hello --cli-binary-format raw-in-base64-out \
  --payload '{"name":"cli"}' --log-type Tail out.json > invoke.json
[ "$(cat out.json)" = '"hello cli"' ] || { echo "unexpected result: $(cat out.json)"; exit 1; }
python3 -c 'import base64,json,sys; t=base64.b64decode(json.load(open("invoke.json"))["LogResult"]).decode(); \
  assert "START RequestId:" in t and "greeting cli" in t and "REPORT RequestId:" in t, t'

echo "lambda invoke: a function error is Unhandled with AWS's error document"
"$AWS" lambda invoke --function-name cli-hello --cli-binary-format raw-in-base64-out \
  --payload '{"name":"cli","fail":true}' err.json > invoke-error.json
grep -q '"FunctionError": "Unhandled"' invoke-error.json || { echo "no FunctionError: $(cat invoke-error.json)"; exit 1; }
grep -q '"errorType":"java.lang.IllegalArgumentException"' err.json || { echo "unexpected error: $(cat err.json)"; exit 1; }

echo "lambda add-permission and get-policy"
"$AWS" lambda add-permission --function-name cli-hello --statement-id s3-invoke --action lambda:InvokeFunction \
  --principal s3.amazonaws.com --source-arn arn:aws:s3:::cli-bucket --source-account 000000000000 >/dev/null
"$AWS" lambda get-policy --function-name cli-hello --query Policy --output text | grep -q '"Service":"s3.amazonaws.com"'

echo "a role that does not trust Lambda is refused"
"$AWS" iam create-role --role-name cli-glue-only --assume-role-policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null
if out=$("$AWS" lambda create-function --function-name cli-untrusted --runtime java17 \
    --role arn:aws:iam::000000000000:role/cli-glue-only --handler conformance.Hello::handle \
    --zip-file fileb://hello.zip 2>&1); then
  echo "an untrusting role was accepted: $out"; exit 1
fi
echo "$out" | grep -q "InvalidParameterValueException" || { echo "unexpected: $out"; exit 1; }
echo "$out" | grep -q "The role defined for the function cannot be assumed by Lambda." || { echo "unexpected: $out"; exit 1; }

echo "lambda create-event-source-mapping from an SQS queue: Creating, then Enabled, and the queue drained"
"$AWS" iam attach-role-policy --role-name cli-lambda-role \
  --policy-arn arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole
queue_url=$("$AWS" sqs create-queue --queue-name cli-esm --query QueueUrl --output text)
queue_arn=arn:aws:sqs:us-east-1:000000000000:cli-esm
"$AWS" lambda create-event-source-mapping --function-name cli-hello --event-source-arn "$queue_arn" \
  --batch-size 5 > mapping.json
uuid=$(python3 -c 'import json; m=json.load(open("mapping.json")); assert m["State"] == "Creating", m; print(m["UUID"])')
[ "$("$AWS" lambda get-event-source-mapping --uuid "$uuid" --query State --output text)" = "Enabled" ]
[ "$("$AWS" lambda list-event-source-mappings --function-name cli-hello --query 'EventSourceMappings[0].UUID' \
  --output text)" = "$uuid" ]
"$AWS" sqs send-message --queue-url "$queue_url" --message-body '{"order":1}' >/dev/null
for _ in $(seq 1 100); do
  read -r visible in_flight <<<"$("$AWS" sqs get-queue-attributes --queue-url "$queue_url" --attribute-names All \
    --query '[Attributes.ApproximateNumberOfMessages, Attributes.ApproximateNumberOfMessagesNotVisible]' --output text)"
  left=$((visible + in_flight))
  [ "$left" = "0" ] && break
  sleep 0.2
done
[ "$left" = "0" ] || { echo "the mapped function did not take the message: $left left"; exit 1; }

echo "a second mapping of the same queue and function is a ResourceConflictException"
if out=$("$AWS" lambda create-event-source-mapping --function-name cli-hello --event-source-arn "$queue_arn" 2>&1); then
  echo "a duplicate mapping was accepted: $out"; exit 1
fi
echo "$out" | grep -q "ResourceConflictException" || { echo "unexpected: $out"; exit 1; }

echo "lambda update-event-source-mapping --no-enabled answers Disabling; delete answers Deleting"
[ "$("$AWS" lambda update-event-source-mapping --uuid "$uuid" --no-enabled --query State --output text)" = "Disabling" ]
[ "$("$AWS" lambda get-event-source-mapping --uuid "$uuid" --query State --output text)" = "Disabled" ]
[ "$("$AWS" lambda delete-event-source-mapping --uuid "$uuid" --query State --output text)" = "Deleting" ]
if out=$("$AWS" lambda get-event-source-mapping --uuid "$uuid" 2>&1); then
  echo "a deleted mapping was found: $out"; exit 1
fi
echo "$out" | grep -q "ResourceNotFoundException" || { echo "unexpected: $out"; exit 1; }

echo "lambda delete-function, then ResourceNotFoundException"
"$AWS" lambda delete-function --function-name cli-hello
if out=$("$AWS" lambda get-function --function-name cli-hello 2>&1); then
  echo "a deleted function was found: $out"; exit 1
fi
echo "$out" | grep -q "ResourceNotFoundException" || { echo "unexpected: $out"; exit 1; }
echo "ok"
