"""SES v1 and v2 through boto3: a domain verified by the lab's stand-in for its TXT record verifies its addresses,
a raw MIME message's parts land in the mailbox, an unverified recipient is refused while in the sandbox, identities
are listed in pages, and a sent message is listed in the mailbox for its recipient and account only."""
import json
import os
import random
import re
import urllib.request
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
LAB = os.environ["LAB_ENDPOINT"]
SUFFIX = str(random.randrange(10 ** 9))
DOMAIN = "boto-" + SUFFIX + ".example"


def lab(path, method="GET"):
    request = urllib.request.Request(LAB + path, method=method)
    with urllib.request.urlopen(request) as response:
        body = response.read().decode()
        return json.loads(body) if response.headers.get("Content-Type", "").startswith("application/json") else body


def messages_to(address):
    return lab("/_lab/ses/messages?to=" + address)["messages"]


def expect_error(call, code, status):
    try:
        call()
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == status, e.response
        return e.response["Error"]["Message"]
    raise AssertionError("expected " + code)


ses = boto3.client("ses", endpoint_url=ENDPOINT, region_name="us-east-1")
sesv2 = boto3.client("sesv2", endpoint_url=ENDPOINT, region_name="us-east-1")

print("verify_domain_identity: Pending until the token is published")
token = ses.verify_domain_identity(Domain=DOMAIN)["VerificationToken"]
attributes = ses.get_identity_verification_attributes(Identities=[DOMAIN])["VerificationAttributes"][DOMAIN]
assert attributes == {"VerificationStatus": "Pending", "VerificationToken": token}, attributes
lab("/_lab/ses/verify-domain?domain=" + DOMAIN + "&token=" + token, method="POST")
assert sesv2.get_email_identity(EmailIdentity=DOMAIN)["VerificationStatus"] == "SUCCESS"

print("an unverified recipient is refused while in the sandbox")
message = expect_error(lambda: ses.send_email(Source="ops@" + DOMAIN, Destination={"ToAddresses": ["x@elsewhere.example"]},
                                              Message={"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "t"}}}),
                       "MessageRejected", 400)
assert message == ("Email address is not verified. The following identities failed the check in region US-EAST-1: "
                   "x@elsewhere.example"), message

print("send_raw_email: the MIME parts land in the mailbox, the attachment is not a body")
mime = MIMEMultipart("mixed")
mime["Subject"] = "Raw " + SUFFIX
mime["From"] = "Ops <ops@" + DOMAIN + ">"
mime["To"] = "team@" + DOMAIN
body = MIMEMultipart("alternative")
body.attach(MIMEText("plain " + SUFFIX, "plain"))
body.attach(MIMEText("<p>html " + SUFFIX + "</p>", "html"))
mime.attach(body)
attachment = MIMEApplication(b"a,b\n1,2\n")
attachment.add_header("Content-Disposition", "attachment", filename="rows.csv")
mime.attach(attachment)
message_id = ses.send_raw_email(RawMessage={"Data": mime.as_bytes()})["MessageId"]
received = [m for m in messages_to("team@" + DOMAIN) if m["messageId"] == message_id]
assert len(received) == 1, messages_to("team@" + DOMAIN)
assert received[0]["from"] == "Ops <ops@" + DOMAIN + ">", received[0]
assert received[0]["subject"] == "Raw " + SUFFIX, received[0]
assert received[0]["text"].strip() == "plain " + SUFFIX, received[0]
assert received[0]["html"].strip() == "<p>html " + SUFFIX + "</p>", received[0]

print("sesv2 send_email: Simple content to a Cc recipient")
v2_id = sesv2.send_email(FromEmailAddress="ops@" + DOMAIN,
                         Destination={"ToAddresses": ["team@" + DOMAIN], "CcAddresses": ["lead@" + DOMAIN]},
                         Content={"Simple": {"Subject": {"Data": "v2 " + SUFFIX}, "Body": {"Text": {"Data": "v2"}}}})["MessageId"]
assert [m["messageId"] for m in messages_to("lead@" + DOMAIN)] == [v2_id], messages_to("lead@" + DOMAIN)

print("the mailbox is per account: another account sees none of these")
other = lab("/_lab/ses/messages?account=111111111111&to=lead@" + DOMAIN)["messages"]
assert other == [], other

print("list_identities pages, and list_email_identities agrees")
addresses = ["p" + str(i) + "-" + SUFFIX + "@paging.example" for i in range(3)]
for address in addresses:
    ses.verify_email_identity(EmailAddress=address)
seen, token = [], None
while True:
    page = ses.list_identities(IdentityType="EmailAddress", MaxItems=2, **({"NextToken": token} if token else {}))
    assert len(page["Identities"]) <= 2, page
    seen += page["Identities"]
    token = page.get("NextToken")
    if not token:
        break
assert set(addresses) <= set(seen), seen
v2_names = [i["IdentityName"] for i in sesv2.list_email_identities(PageSize=1000)["EmailIdentities"]]
assert set(addresses) | {DOMAIN} <= set(v2_names), v2_names

print("a link that was never sent verifies nothing, and a missing v2 identity is NotFoundException")
try:
    lab("/_lab/ses/verify?token=forged")
    raise AssertionError("a forged link was accepted")
except urllib.error.HTTPError as e:
    assert e.code == 404, e.code
expect_error(lambda: sesv2.get_email_identity(EmailIdentity="nobody-" + SUFFIX + "@x.example"), "NotFoundException", 404)
print("ok")
