#!/usr/bin/env bash
# S3 versioning through AWS CLI v2's s3api: put/get-bucket-versioning, version ids on put, get-object by version,
# delete markers, list-object-versions (whole and paged), and emptying a versioned bucket version by version.
set -euo pipefail
cd "$WORK_DIR"
bucket=cli-versions

"$AWS" s3api create-bucket --bucket "$bucket" >/dev/null

echo "put-bucket-versioning Enabled and get-bucket-versioning"
"$AWS" s3api put-bucket-versioning --bucket "$bucket" --versioning-configuration Status=Enabled
[ "$("$AWS" s3api get-bucket-versioning --bucket "$bucket" --query Status --output text)" = Enabled ]

echo "two puts make two versions; the older one reads by its id"
printf 'one' > one.txt
printf 'two!' > two.txt
v1=$("$AWS" s3api put-object --bucket "$bucket" --key data.txt --body one.txt --query VersionId --output text)
v2=$("$AWS" s3api put-object --bucket "$bucket" --key data.txt --body two.txt --query VersionId --output text)
[ ${#v1} -eq 32 ] && [ "$v1" != "$v2" ] || { echo "version ids $v1 and $v2"; exit 1; }
"$AWS" s3api get-object --bucket "$bucket" --key data.txt --version-id "$v1" old.txt >/dev/null
cmp one.txt old.txt

echo "delete-object leaves a delete marker that hides the key"
marker=$("$AWS" s3api delete-object --bucket "$bucket" --key data.txt --output json)
grep -q '"DeleteMarker": true' <<<"$marker" || { echo "no delete marker: $marker"; exit 1; }
if "$AWS" s3api head-object --bucket "$bucket" --key data.txt >/dev/null 2>head.err; then
  echo "the deleted key is still there"; exit 1
fi
grep -q "404" head.err

echo "list-object-versions: the marker is the latest, the newest version comes first"
listed=$("$AWS" s3api list-object-versions --bucket "$bucket" \
  --query '[length(Versions), length(DeleteMarkers), Versions[0].VersionId, Versions[0].IsLatest, DeleteMarkers[0].IsLatest]' \
  --output text)
[ "$listed" = "$(printf '2\t1\t%s\tFalse\tTrue' "$v2")" ] || { echo "listed: $listed"; exit 1; }
echo "list-object-versions paged two at a time finds all three"
"$AWS" s3api list-object-versions --bucket "$bucket" --page-size 2 --output json | python3 -c '
import json, sys
listed = json.load(sys.stdin)
assert len(listed["Versions"]) + len(listed["DeleteMarkers"]) == 3, listed'

echo "delete each version and the marker by id, then remove the bucket"
for id in "$v1" "$v2"; do
  "$AWS" s3api delete-object --bucket "$bucket" --key data.txt --version-id "$id" >/dev/null
done
marker_id=$("$AWS" s3api list-object-versions --bucket "$bucket" --query 'DeleteMarkers[0].VersionId' --output text)
"$AWS" s3api delete-object --bucket "$bucket" --key data.txt --version-id "$marker_id" >/dev/null
"$AWS" s3api delete-bucket --bucket "$bucket"
echo ok
