# Sourced by the Glue scripts: creates (once) the role Glue runs their jobs and crawls as, the way a learner does
# with the AWS CLI: trusting glue.amazonaws.com, with AWSGlueServiceRole and read/write on every bucket.
# Usage: glue_role NAME  (prints the role's ARN)
glue_role() {
  local name=$1
  if ! "$AWS" iam get-role --role-name "$name" >/dev/null 2>&1; then
    "$AWS" iam create-role --role-name "$name" --assume-role-policy-document \
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null
    "$AWS" iam attach-role-policy --role-name "$name" --policy-arn arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole
    "$AWS" iam put-role-policy --role-name "$name" --policy-name all-buckets --policy-document \
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::*","arn:aws:s3:::*/*"]}]}'
  fi
  "$AWS" iam get-role --role-name "$name" --query Role.Arn --output text
}
