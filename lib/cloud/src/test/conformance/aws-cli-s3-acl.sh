#!/usr/bin/env bash
# S3 ACLs through AWS CLI v2 as AWS defaults them since April 2023: a new bucket is BucketOwnerEnforced, its ACL shows
# the owner with FULL_CONTROL, and setting a public ACL is AccessControlListNotSupported until ownership controls
# (and Block Public Access) allow it.
set -euo pipefail
cd "$WORK_DIR"
bucket=cli-acls

"$AWS" s3api create-bucket --bucket "$bucket" >/dev/null
echo "get-bucket-ownership-controls: BucketOwnerEnforced"
[ "$("$AWS" s3api get-bucket-ownership-controls --bucket "$bucket" \
  --query 'OwnershipControls.Rules[0].ObjectOwnership' --output text)" = BucketOwnerEnforced ]

echo "get-bucket-acl: the owner with FULL_CONTROL"
[ "$("$AWS" s3api get-bucket-acl --bucket "$bucket" --query 'join(`,`, Grants[].Permission)' --output text)" = FULL_CONTROL ]

echo "put-object --acl public-read: AccessControlListNotSupported"
printf 'x' > x.txt
if "$AWS" s3api put-object --bucket "$bucket" --key x --body x.txt --acl public-read >/dev/null 2>err.txt; then
  echo "a public ACL was accepted"; exit 1
fi
grep -q AccessControlListNotSupported err.txt

echo "ObjectWriter and no public access block: the public ACL is kept"
"$AWS" s3api put-bucket-ownership-controls --bucket "$bucket" \
  --ownership-controls 'Rules=[{ObjectOwnership=ObjectWriter}]'
"$AWS" s3api delete-public-access-block --bucket "$bucket"
"$AWS" s3api put-object --bucket "$bucket" --key x --body x.txt --acl public-read >/dev/null
grants=$("$AWS" s3api get-object-acl --bucket "$bucket" --key x \
  --query 'Grants[?Grantee.Type==`Group`].[Grantee.URI, Permission]' --output text)
[ "$grants" = "$(printf 'http://acs.amazonaws.com/groups/global/AllUsers\tREAD')" ] || { echo "grants: $grants"; exit 1; }
echo ok
