package gluelab.cloud.testing;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

/**
 * The IAM roles tests run Glue jobs and crawlers with, created as a learner would on AWS: trusting
 * {@code glue.amazonaws.com}, with the AWS-managed {@code AWSGlueServiceRole} and an inline policy for every bucket.
 * IAM is enforced for role sessions by default, so a run whose role does not exist fails, as on AWS.
 */
public final class TestRoles {

    public static final String ACCOUNT = "000000000000";
    public static final String JOB_ROLE_NAME = "GlueLabJobRole";
    public static final String CRAWLER_ROLE_NAME = "GlueCrawlerRole";
    public static final String JOB_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/" + JOB_ROLE_NAME;
    public static final String CRAWLER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/" + CRAWLER_ROLE_NAME;

    public static final String GLUE_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";
    public static final String ALL_BUCKETS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::*","arn:aws:s3:::*/*"]}]}""";
    private static final String GLUE_SERVICE_ROLE = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole";

    private TestRoles() {
    }

    /** Creates the job and crawler roles in the default account, if they are not there yet. */
    public static void createGlueRoles(RunningLabCloud cloud) {
        createGlueRoles(cloud.endpoint());
    }

    /** As above, for a Lab Cloud a test started itself. */
    public static void createGlueRoles(URI endpoint) {
        try (IamClient iam = LabClients.aimedAt(IamClient.builder(), endpoint, RunningLabCloud.TEST_CREDENTIALS,
                Region.US_EAST_1)) {
            for (String name : List.of(JOB_ROLE_NAME, CRAWLER_ROLE_NAME)) {
                createGlueRole(iam, name);
            }
        }
    }

    /** A role Glue may assume, allowed everything Glue needs and every bucket; idempotent. */
    public static String createGlueRole(IamClient iam, String name) {
        try {
            iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(GLUE_TRUST));
        } catch (EntityAlreadyExistsException alreadyThere) {
            iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(GLUE_TRUST));
        }
        iam.attachRolePolicy(r -> r.roleName(name).policyArn(GLUE_SERVICE_ROLE));
        iam.putRolePolicy(r -> r.roleName(name).policyName("all-buckets").policyDocument(ALL_BUCKETS));
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }
}
