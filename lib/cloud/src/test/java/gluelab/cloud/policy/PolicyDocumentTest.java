package gluelab.cloud.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Documents AWS refuses when they are stored, refused with AWS's words for the reason. */
class PolicyDocumentTest {

    private static final String V = "\"Version\":\"2012-10-17\",";

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "IDENTITY|not JSON|Syntax errors in policy.",
            "IDENTITY|{" + V + "\"Statement\":[]}|Syntax errors in policy.",
            "IDENTITY|{" + V + "\"Statement\":{\"Effect\":\"allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|Syntax errors in policy.",
            "IDENTITY|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Extra\":1}}|Syntax errors in policy.",
            "IDENTITY|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|Policy document must be version 2012-10-17 or greater.",
            "IDENTITY|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|Policy document should not specify a principal.",
            "IDENTITY|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\"}}|Policy statement must contain actions.",
            "IDENTITY|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}|Policy statement must contain resources.",
            "IDENTITY|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"GetObject\",\"Resource\":\"*\"}}|Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
            "IDENTITY|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get:Object\",\"Resource\":\"*\"}}|Actions/Condition can contain only one colon.",
            "IDENTITY|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"raw-bucket\"}}|Resource raw-bucket must be in ARN format or \"*\".",
            "IDENTITY|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:us-east-1::raw\"}}|Resource arn:aws:s3:us-east-1::raw can not contain region information.",
            "IDENTITY|{" + V + "\"Statement\":[{\"Sid\":\"a\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Sid\":\"a\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}|Statement IDs (SID) in a single policy must be unique.",
            "TRUST|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}}|Missing required field Principal",
            "TRUST|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}|Has prohibited field Resource",
            "TRUST|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"etl-runner\"},\"Action\":\"sts:AssumeRole\"}}|Invalid principal in policy: \"AWS\":\"etl-runner\"",
            "TRUST|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"glue\"},\"Action\":\"sts:AssumeRole\"}}|Invalid principal in policy: \"SERVICE\":\"glue\""})
    void aDocumentAwsRefusesIsRefusedWithAwsReason(PolicyDocument.Kind kind, String document, String reason) {
        assertThatThrownBy(() -> PolicyDocument.parse(document, kind))
                .isInstanceOf(MalformedPolicyException.class).hasMessage(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "IDENTITY|{" + V + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::raw\",\"arn:aws:s3:::raw/*\"]}}",
            "TRUST|{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"glue.amazonaws.com\",\"lambda.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\"}]}",
            "RESOURCE|{" + V + "\"Statement\":{\"Sid\":\"Public\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::site/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":true}}}}"})
    void aWellFormedDocumentIsKeptExactlyAsGiven(PolicyDocument.Kind kind, String document) throws Exception {
        PolicyDocument policy = PolicyDocument.parse(document, kind);
        assertThat(policy.text()).isEqualTo(document);
        assertThat(policy.statements()).isNotEmpty();
    }
}
