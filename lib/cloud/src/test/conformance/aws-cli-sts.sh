#!/usr/bin/env bash
# STS through AWS CLI v2: who am I, and a wrong secret is refused with SignatureDoesNotMatch.
set -euo pipefail

echo "sts get-caller-identity"
account=$("$AWS" sts get-caller-identity --query Account --output text)
[ "$account" = "000000000000" ] || { echo "expected account 000000000000, got $account"; exit 1; }

echo "a wrong secret is refused"
if out=$(AWS_SECRET_ACCESS_KEY=wrong "$AWS" sts get-caller-identity 2>&1); then
  echo "a wrong secret was accepted: $out"; exit 1
fi
echo "$out" | grep -q "SignatureDoesNotMatch" || { echo "expected SignatureDoesNotMatch, got: $out"; exit 1; }
echo "ok"
