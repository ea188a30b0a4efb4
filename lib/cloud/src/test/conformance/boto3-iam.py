"""IAM through boto3: roles, inline and AWS-managed policies, documents decoded, DeleteConflict, accounts kept
apart, and a role's session refused what its policy does not allow."""
import json
import os

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]


def client(service, **credentials):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", **credentials)


def expect_error(call, code, status, message=None):
    try:
        call()
    except ClientError as e:
        error = e.response["Error"]
        assert error["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == status, e.response
        assert message is None or error["Message"] == message, error["Message"]
        return error["Message"]
    raise AssertionError("expected " + code)


iam = client("iam")
trust = {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::000000000000:root"},
                        "Action": "sts:AssumeRole"}]}
read_raw = {"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::boto3-raw/*"}]}

print("create_role: the trust policy comes back as a dict")
role = iam.create_role(RoleName="boto3-reader", AssumeRolePolicyDocument=json.dumps(trust, indent=2),
                       Description="reads raw")["Role"]
assert role["Arn"] == "arn:aws:iam::000000000000:role/boto3-reader", role
assert role["RoleId"].startswith("AROA"), role
assert role["AssumeRolePolicyDocument"] == trust, role["AssumeRolePolicyDocument"]
assert iam.get_role(RoleName="boto3-reader")["Role"]["AssumeRolePolicyDocument"] == trust

print("put_role_policy and get_role_policy")
iam.put_role_policy(RoleName="boto3-reader", PolicyName="read-raw", PolicyDocument=json.dumps(read_raw))
assert iam.get_role_policy(RoleName="boto3-reader", PolicyName="read-raw")["PolicyDocument"] == read_raw

print("attach_role_policy of an AWS-managed policy, and its document")
lambda_basic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
iam.attach_role_policy(RoleName="boto3-reader", PolicyArn=lambda_basic)
attached = iam.list_attached_role_policies(RoleName="boto3-reader")["AttachedPolicies"]
assert attached == [{"PolicyName": "AWSLambdaBasicExecutionRole", "PolicyArn": lambda_basic}], attached
document = iam.get_policy_version(PolicyArn=lambda_basic, VersionId="v1")["PolicyVersion"]["Document"]
assert document["Statement"][0]["Action"] == ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]

print("delete_role is refused while policies remain")
expect_error(lambda: iam.delete_role(RoleName="boto3-reader"), "DeleteConflict", 409,
             "Cannot delete entity, must delete policies first.")

print("a missing role is NoSuchEntity, and the other account sees none of ours")
expect_error(lambda: iam.get_role(RoleName="nobody"), "NoSuchEntity", 404, "The role with name nobody cannot be found.")
other = client("iam", aws_access_key_id="test-b", aws_secret_access_key="test-b")
expect_error(lambda: other.get_role(RoleName="boto3-reader"), "NoSuchEntity", 404)
assert "boto3-reader" not in [r["RoleName"] for r in other.list_roles()["Roles"]]

print("assume the role: its session reads raw and is refused a write")
s3 = client("s3")
s3.create_bucket(Bucket="boto3-raw")
s3.put_object(Bucket="boto3-raw", Key="in/a.csv", Body=b"id\n1\n")
credentials = client("sts").assume_role(RoleArn=role["Arn"], RoleSessionName="boto3")["Credentials"]
as_role = client("s3", aws_access_key_id=credentials["AccessKeyId"],
                 aws_secret_access_key=credentials["SecretAccessKey"], aws_session_token=credentials["SessionToken"])
assert as_role.get_object(Bucket="boto3-raw", Key="in/a.csv")["Body"].read() == b"id\n1\n"
message = expect_error(lambda: as_role.put_object(Bucket="boto3-raw", Key="in/b.csv", Body=b"x"), "AccessDenied", 403)
assert message == ('User: arn:aws:sts::000000000000:assumed-role/boto3-reader/boto3 is not authorized to perform: '
                   's3:PutObject on resource: "arn:aws:s3:::boto3-raw/in/b.csv" because no identity-based policy '
                   'allows the s3:PutObject action'), message

print("a role whose trust policy does not name the caller cannot be assumed")
iam.create_role(RoleName="boto3-glue-only", AssumeRolePolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"},
                                             "Action": "sts:AssumeRole"}]}))
expect_error(lambda: client("sts").assume_role(RoleArn="arn:aws:iam::000000000000:role/boto3-glue-only",
                                                RoleSessionName="boto3"), "AccessDenied", 403)

print("clean up")
iam.detach_role_policy(RoleName="boto3-reader", PolicyArn=lambda_basic)
iam.delete_role_policy(RoleName="boto3-reader", PolicyName="read-raw")
iam.delete_role(RoleName="boto3-reader")
iam.delete_role(RoleName="boto3-glue-only")
print("ok")
