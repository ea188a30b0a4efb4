#!/usr/bin/env bash
# SES v1 and v2 through AWS CLI v2: an unverified sender is refused in AWS's words, the verification email lands in
# the lab mailbox and its link verifies the address, a sent email and a templated one land in the mailbox.
set -euo pipefail

suffix=$RANDOM$RANDOM
sender="cli-sender-$suffix@ses-cli.example"
reader="cli-reader-$suffix@ses-cli.example"

mailbox() {  # the mailbox's messages to $1, as JSON
  curl -sf "$LAB_ENDPOINT/_lab/ses/messages?to=$1"
}
field() {  # field $2 of the last message in the JSON on stdin whose subject contains $1
  /usr/bin/python3 -c 'import json,sys; m=[m for m in json.load(sys.stdin)["messages"] if sys.argv[1] in (m["subject"] or "")]; print(m[-1][sys.argv[2]] if m else "")' "$1" "$2"
}
follow_link() {  # follows the verification link in the newest verification email to $1
  link=$(mailbox "$1" | field "Verification Request" text | grep -o 'http://[^ ]*/_lab/ses/verify?token=[A-Za-z0-9_-]*' | tail -1)
  [ -n "$link" ] || { echo "no verification link for $1"; exit 1; }
  curl -sf "$link" | grep -q "Congratulations" || { echo "following $link did not verify $1"; exit 1; }
}

echo "ses send-email from an unverified sender is MessageRejected"
if out=$("$AWS" ses send-email --from "$sender" --to "$reader" --subject s --text t 2>&1); then
  echo "an unverified sender was accepted: $out"; exit 1
fi
echo "$out" | grep -q "MessageRejected" || { echo "expected MessageRejected, got: $out"; exit 1; }
echo "$out" | grep -q "Email address is not verified. The following identities failed the check in region US-EAST-1: $sender" \
  || { echo "expected AWS's text, got: $out"; exit 1; }

echo "ses verify-email-identity leaves the address Pending and sends a verification email"
"$AWS" ses verify-email-identity --email-address "$sender"
status=$("$AWS" ses get-identity-verification-attributes --identities "$sender" \
  --query "VerificationAttributes.\"$sender\".VerificationStatus" --output text)
[ "$status" = "Pending" ] || { echo "expected Pending, got $status"; exit 1; }
follow_link "$sender"
status=$("$AWS" ses get-identity-verification-attributes --identities "$sender" \
  --query "VerificationAttributes.\"$sender\".VerificationStatus" --output text)
[ "$status" = "Success" ] || { echo "expected Success after following the link, got $status"; exit 1; }

echo "sesv2 create-email-identity verifies the reader the same way"
"$AWS" sesv2 create-email-identity --email-identity "$reader" >/dev/null
follow_link "$reader"
verified=$("$AWS" sesv2 get-email-identity --email-identity "$reader" --query VerificationStatus --output text)
[ "$verified" = "SUCCESS" ] || { echo "expected SUCCESS, got $verified"; exit 1; }

echo "ses send-email lands in the mailbox"
id=$("$AWS" ses send-email --from "$sender" --to "$reader" --subject "CLI hello $suffix" \
  --text "plain $suffix" --html "<b>$suffix</b>" --query MessageId --output text)
[ "$(mailbox "$reader" | field "CLI hello $suffix" messageId)" = "$id" ] || { echo "message $id not in the mailbox"; exit 1; }
[ "$(mailbox "$reader" | field "CLI hello $suffix" html)" = "<b>$suffix</b>" ] || { echo "html body lost"; exit 1; }

echo "sesv2 send-email with a v1 template substitutes its variables"
"$AWS" ses create-template --template "{\"TemplateName\":\"cli-$suffix\",\"SubjectPart\":\"Run {{run}}\",\"TextPart\":\"Hello {{name}}\"}"
"$AWS" sesv2 send-email --from-email-address "$sender" --destination "ToAddresses=$reader" \
  --content "{\"Template\":{\"TemplateName\":\"cli-$suffix\",\"TemplateData\":\"{\\\"run\\\":\\\"r$suffix\\\",\\\"name\\\":\\\"Ana\\\"}\"}}" >/dev/null
[ "$(mailbox "$reader" | field "Run r$suffix" text)" = "Hello Ana" ] || { echo "templated email not rendered"; exit 1; }

echo "ses get-template of a missing template is TemplateDoesNotExist"
if out=$("$AWS" ses get-template --template-name "missing-$suffix" 2>&1); then
  echo "a missing template was found: $out"; exit 1
fi
echo "$out" | grep -q "TemplateDoesNotExist" || { echo "expected TemplateDoesNotExist, got: $out"; exit 1; }
echo "ok"
