package gluelab.cloud.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's policy evaluation logic, case by case, each case named after the IAM User Guide's rule it checks
 * ("Policy evaluation logic", "Cross-account policy evaluation logic", "IAM JSON policy elements: Condition
 * operators", "Policy variables").
 */
class PolicyEvaluationTest {

    private static final String A = "000000000000";
    private static final String B = "111111111111";
    private static final Principal ETL_SESSION = Principal.roleSession("arn:aws:sts::" + A + ":assumed-role/etl/GlueJobRunnerSession",
            A, "arn:aws:iam::" + A + ":role/etl");
    private static final Principal OTHER_ACCOUNT_SESSION = Principal.roleSession(
            "arn:aws:sts::" + B + ":assumed-role/etl/s", B, "arn:aws:iam::" + B + ":role/etl");

    private record Case(List<String> identity, String resourcePolicy, String resourceAccount, Principal principal,
                        String action, String resource, RequestContextKeys context, Decision.Outcome expected,
                        String deniedBy) {
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "an identity with no policy is implicitly denied",
                identity(), ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a.csv", Decision.Outcome.IMPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "an Allow that names the action and the resource allows",
                identity(allow("s3:GetObject", "arn:aws:s3:::raw/*")), ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a.csv",
                Decision.Outcome.ALLOW, null);
        add(cases, "an explicit Deny overrides any Allow",
                identity(allow("s3:*", "*"), deny("s3:PutObject", "arn:aws:s3:::refined/*")), ETL_SESSION, "s3:PutObject",
                "arn:aws:s3:::refined/part-0.parquet", Decision.Outcome.EXPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "actions match without regard to case, with wildcards",
                identity(allow("S3:get*", "*")), ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a", Decision.Outcome.ALLOW, null);
        add(cases, "resources match with regard to case",
                identity(allow("s3:GetObject", "arn:aws:s3:::Raw/*")), ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a",
                Decision.Outcome.IMPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "bucket/* covers the objects, not the bucket itself",
                identity(allow("s3:ListBucket", "arn:aws:s3:::raw/*")), ETL_SESSION, "s3:ListBucket", "arn:aws:s3:::raw",
                Decision.Outcome.IMPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "? matches exactly one character",
                identity(allow("glue:StartJobRun", "arn:aws:glue:us-east-1:" + A + ":job/etl-?")), ETL_SESSION,
                "glue:StartJobRun", "arn:aws:glue:us-east-1:" + A + ":job/etl-1", Decision.Outcome.ALLOW, null);
        add(cases, "NotAction allows every action but those named",
                identity("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}"), ETL_SESSION,
                "iam:CreateRole", "arn:aws:iam::" + A + ":role/x", Decision.Outcome.IMPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "NotResource in a Deny denies everything outside the resources named",
                identity(allow("s3:*", "*"), "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"NotResource\":[\"arn:aws:s3:::raw\",\"arn:aws:s3:::raw/*\"]}"),
                ETL_SESSION, "s3:GetObject", "arn:aws:s3:::other/a", Decision.Outcome.EXPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "a condition on a key the request does not carry does not hold",
                identity(allowIf("s3:GetObject", "*", "{\"StringEquals\":{\"aws:SourceAccount\":\"" + A + "\"}}")),
                ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a", Decision.Outcome.IMPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "a negated operator on a missing key holds",
                identity(allow("s3:*", "*"), denyIf("s3:*", "*", "{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}")),
                ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a", Decision.Outcome.EXPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "...IfExists holds when the key is missing",
                identity(allowIf("s3:GetObject", "*", "{\"StringEqualsIfExists\":{\"s3:ExistingObjectTag/team\":\"data\"}}")),
                ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a", Decision.Outcome.ALLOW, null);
        add(cases, "Null true holds only when the key is missing",
                identity(allow("s3:*", "*"), denyIf("s3:PutObject", "*", "{\"Null\":{\"s3:x-amz-server-side-encryption\":\"true\"}}")),
                ETL_SESSION, "s3:PutObject", "arn:aws:s3:::raw/a", Decision.Outcome.EXPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "Bool aws:SecureTransport false denies plain HTTP",
                identity(allow("s3:*", "*"), denyIf("s3:*", "*", "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}")),
                ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a", keys().put("aws:SecureTransport", "false"),
                Decision.Outcome.EXPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "IpAddress matches a CIDR block",
                identity(allowIf("s3:*", "*", "{\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"}}")),
                ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a", keys().put("aws:SourceIp", "127.0.0.1"), Decision.Outcome.ALLOW, null);
        add(cases, "NumericLessThan compares numbers, not text",
                identity(allowIf("s3:ListBucket", "*", "{\"NumericLessThanEquals\":{\"s3:max-keys\":\"100\"}}")),
                ETL_SESSION, "s3:ListBucket", "arn:aws:s3:::raw", keys().put("s3:max-keys", "99"), Decision.Outcome.ALLOW, null);
        add(cases, "DateLessThan compares times",
                identity(allowIf("s3:*", "*", "{\"DateLessThan\":{\"aws:CurrentTime\":\"2027-01-01T00:00:00Z\"}}")),
                ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a", keys().put("aws:CurrentTime", "2026-12-06T12:00:00Z"),
                Decision.Outcome.ALLOW, null);
        add(cases, "ArnLike matches each part of the ARN with wildcards",
                identity(allowIf("lambda:InvokeFunction", "*", "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:events:*:" + A + ":rule/lab*\"}}")),
                ETL_SESSION, "lambda:InvokeFunction", "*", keys().put("aws:SourceArn", "arn:aws:events:us-east-1:" + A + ":rule/lab20-upload"),
                Decision.Outcome.ALLOW, null);
        add(cases, "ForAnyValue holds when one value of the request matches",
                identity(allowIf("glue:TagResource", "*", "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}")),
                ETL_SESSION, "glue:TagResource", "*", keys().putAll("aws:TagKeys", List.of("cost", "team")), Decision.Outcome.ALLOW, null);
        add(cases, "ForAllValues fails when one value of the request is not listed",
                identity(allowIf("glue:TagResource", "*", "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}")),
                ETL_SESSION, "glue:TagResource", "*", keys().putAll("aws:TagKeys", List.of("cost", "team")),
                Decision.Outcome.IMPLICIT_DENY, Decision.IDENTITY_BASED);
        add(cases, "a policy variable is replaced from the request",
                identity(allow("s3:GetObject", "arn:aws:s3:::home/${aws:PrincipalAccount}/*")), ETL_SESSION, "s3:GetObject",
                "arn:aws:s3:::home/" + A + "/notes.txt", keys().put("aws:PrincipalAccount", A), Decision.Outcome.ALLOW, null);
        cases.add(Arguments.of(Named.of("in one account a resource policy alone can allow a role session", new Case(
                List.of(), resource(allowPrincipal("{\"AWS\":\"arn:aws:iam::" + A + ":role/etl\"}", "s3:GetObject", "arn:aws:s3:::raw/*")),
                A, ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a", keys(), Decision.Outcome.ALLOW, null))));
        cases.add(Arguments.of(Named.of("across accounts an identity allow is not enough", new Case(
                List.of(doc(allow("s3:GetObject", "*"))), null, A, OTHER_ACCOUNT_SESSION, "s3:GetObject",
                "arn:aws:s3:::raw/a", keys(), Decision.Outcome.IMPLICIT_DENY, Decision.RESOURCE_BASED))));
        cases.add(Arguments.of(Named.of("across accounts the identity and the resource must both allow", new Case(
                List.of(doc(allow("s3:GetObject", "*"))), resource(allowPrincipal("{\"AWS\":\"" + B + "\"}", "s3:GetObject", "arn:aws:s3:::raw/*")),
                A, OTHER_ACCOUNT_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a", keys(), Decision.Outcome.ALLOW, null))));
        cases.add(Arguments.of(Named.of("an account's root may do anything in its own account", new Case(
                List.of(), null, A, Principal.root(A), "glue:DeleteJob", "arn:aws:glue:us-east-1:" + A + ":job/x", keys(),
                Decision.Outcome.ALLOW, null))));
        cases.add(Arguments.of(Named.of("an account's root may not act in another account on its own authority", new Case(
                List.of(), null, B, Principal.root(A), "s3:GetObject", "arn:aws:s3:::b-bucket/a", keys(),
                Decision.Outcome.IMPLICIT_DENY, Decision.RESOURCE_BASED))));
        cases.add(Arguments.of(Named.of("a Deny in the resource policy overrides the identity's Allow", new Case(
                List.of(doc(allow("s3:*", "*"))), resource("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::raw/*\"}"),
                A, ETL_SESSION, "s3:DeleteObject", "arn:aws:s3:::raw/a", keys(), Decision.Outcome.EXPLICIT_DENY, Decision.RESOURCE_BASED))));
        cases.add(Arguments.of(Named.of("a trust policy naming the Glue service admits Glue", new Case(
                List.of(), trust("{\"Service\":\"glue.amazonaws.com\"}", ""), A, Principal.service("glue.amazonaws.com"),
                "sts:AssumeRole", "arn:aws:iam::" + A + ":role/etl", keys(), Decision.Outcome.ALLOW, null))));
        cases.add(Arguments.of(Named.of("a trust policy naming the Glue service does not admit Lambda", new Case(
                List.of(), trust("{\"Service\":\"glue.amazonaws.com\"}", ""), A, Principal.service("lambda.amazonaws.com"),
                "sts:AssumeRole", "arn:aws:iam::" + A + ":role/etl", keys(), Decision.Outcome.IMPLICIT_DENY, Decision.RESOURCE_BASED))));
        cases.add(Arguments.of(Named.of("a trust policy naming an account admits that account's principals", new Case(
                List.of(doc(allow("sts:AssumeRole", "*"))), trust("{\"AWS\":\"arn:aws:iam::" + B + ":root\"}", ""), A,
                OTHER_ACCOUNT_SESSION, "sts:AssumeRole", "arn:aws:iam::" + A + ":role/cross", keys(), Decision.Outcome.ALLOW, null))));
        cases.add(Arguments.of(Named.of("sts:ExternalId must match when the trust policy asks for it", new Case(
                List.of(), trust("{\"AWS\":\"" + B + "\"}", ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"lab-53\"}}"), A,
                Principal.root(B), "sts:AssumeRole", "arn:aws:iam::" + A + ":role/cross", keys().put("sts:ExternalId", "wrong"),
                Decision.Outcome.IMPLICIT_DENY, Decision.RESOURCE_BASED))));
        cases.add(Arguments.of(Named.of("NotPrincipal with Deny denies everyone but the principal named", new Case(
                List.of(doc(allow("s3:*", "*"))), resource("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::" + A + ":role/admin\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}"),
                A, ETL_SESSION, "s3:GetObject", "arn:aws:s3:::raw/a", keys(), Decision.Outcome.EXPLICIT_DENY, Decision.RESOURCE_BASED))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void policiesDecideAsAwsDocumentsIt(Case c) {
        Decision decision = PolicyEvaluation.evaluate(new AccessRequest(c.principal(), c.action(), c.resource(), c.context()),
                c.identity().stream().map(PolicyEvaluationTest::identityPolicy).toList(), c.resourcePolicy() == null ? null
                        : parse(c.resourcePolicy(), c.action().equals("sts:AssumeRole") ? PolicyDocument.Kind.TRUST
                        : PolicyDocument.Kind.RESOURCE), c.resourceAccount());
        assertThat(decision.outcome()).isEqualTo(c.expected());
        assertThat(decision.policyType()).isEqualTo(c.deniedBy());
    }

    private static void add(List<Arguments> cases, String name, List<String> identity, Principal principal, String action,
                            String resource, Decision.Outcome expected, String deniedBy) {
        add(cases, name, identity, principal, action, resource, keys(), expected, deniedBy);
    }

    private static void add(List<Arguments> cases, String name, List<String> identity, Principal principal, String action,
                            String resource, RequestContextKeys context, Decision.Outcome expected, String deniedBy) {
        cases.add(Arguments.of(Named.of(name, new Case(identity, null, null, principal, action, resource, context, expected,
                deniedBy))));
    }

    private static RequestContextKeys keys() {
        return new RequestContextKeys();
    }

    private static List<String> identity(String... statements) {
        return statements.length == 0 ? List.of() : List.of(doc(statements));
    }

    private static String doc(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String resource(String statement) {
        return doc(statement);
    }

    private static String trust(String principal, String more) {
        return doc("{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"sts:AssumeRole\"" + more + "}");
    }

    private static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    private static String deny(String action, String resource) {
        return "{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    private static String allowIf(String action, String resource, String condition) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\",\"Condition\":" + condition + "}";
    }

    private static String denyIf(String action, String resource, String condition) {
        return "{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\",\"Condition\":" + condition + "}";
    }

    private static String allowPrincipal(String principal, String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    private static PolicyDocument identityPolicy(String text) {
        return parse(text, PolicyDocument.Kind.IDENTITY);
    }

    private static PolicyDocument parse(String text, PolicyDocument.Kind kind) {
        try {
            return PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyException e) {
            throw new AssertionError("the case's policy is malformed: " + e.getMessage() + "\n" + text);
        }
    }
}
