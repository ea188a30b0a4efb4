package gluelab.cloud.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which resource policies grant public access, as S3 Block Public Access and GetBucketPolicyStatus judge it (the S3
 * User Guide's "The meaning of public"): a grant to everyone is public unless a condition pins the caller to fixed
 * values of a key that says who or where it is.
 */
class PublicPolicyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a grant to Principal * is public                     | "*"                              |                                                                       | true
            a grant to AWS * is public                           | {"AWS":"*"}                      |                                                                       | true
            a grant to one account is not public                 | {"AWS":"111111111111"}           |                                                                       | false
            a grant to everyone from one address is not public   | "*"                              | {"IpAddress":{"aws:SourceIp":"192.0.2.0/24"}}                         | false
            a grant to everyone from any address is public       | "*"                              | {"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}                            | true
            a grant to everyone in one account is not public     | "*"                              | {"StringEquals":{"aws:PrincipalAccount":"111111111111"}}              | false
            a wildcard in the pinning value leaves it public     | "*"                              | {"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/x"}}           | true
            a condition on another key leaves it public          | "*"                              | {"StringLike":{"aws:Referer":"https://lab.example/*"}}                | true
            a negated condition leaves it public                 | "*"                              | {"StringNotEquals":{"aws:PrincipalAccount":"111111111111"}}           | true
            """)
    void aGrantIsPublicUnlessItIsPinnedToKnownCallers(String rule, String principal, String condition, boolean isPublic)
            throws MalformedPolicyException {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
        assertThat(PolicyDocument.parse(policy, PolicyDocument.Kind.RESOURCE).grantsPublicAccess()).as(rule).isEqualTo(isPublic);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a Deny to everyone grants nothing      | Deny
            """)
    void aDenyIsNeverPublic(String rule, String effect) throws MalformedPolicyException {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
        assertThat(PolicyDocument.parse(policy, PolicyDocument.Kind.RESOURCE).grantsPublicAccess()).as(rule).isFalse();
    }
}
