#!/usr/bin/env bash
# Lambda through AWS CLI v2: a Java function created from a zip with a role Lambda trusts, waited for until Active,
# invoked (result, log tail, function error), its resource policy, and AWS's refusals.
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

echo "lambda delete-function, then ResourceNotFoundException"
"$AWS" lambda delete-function --function-name cli-hello
if out=$("$AWS" lambda get-function --function-name cli-hello 2>&1); then
  echo "a deleted function was found: $out"; exit 1
fi
echo "$out" | grep -q "ResourceNotFoundException" || { echo "unexpected: $out"; exit 1; }
echo "ok"
