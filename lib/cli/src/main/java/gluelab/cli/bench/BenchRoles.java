package gluelab.cli.bench;

import gluelab.lab.iam.PolicyJson;
import gluelab.lab.iam.RoleSetup;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The roles benchmarks act as, made as a learner makes them on AWS. IAM is enforced for role sessions, so a Glue job
 * or crawler can only run as a role that trusts Glue and may touch its buckets, and a measurement of that path is a
 * measurement of what notebooks do.
 */
final class BenchRoles {

    private static final String GLUE_SERVICE_ROLE = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole";

    private BenchRoles() {
    }

    /** A role Glue may assume, with Glue's managed policy and read/write on exactly {@code buckets}; its ARN. */
    static String glueRole(IamClient iam, String name, String... buckets) {
        return RoleSetup.role(name, PolicyJson.trust("glue.amazonaws.com"))
                .attach(GLUE_SERVICE_ROLE)
                .inline("bench-buckets", PolicyJson.of(PolicyJson
                        .allow("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket")
                        .on(bucketsAndObjects(buckets))))
                .apply(iam).roleArn();
    }

    /** A role the account's own principals may assume (as a notebook assumes one), allowed to read {@code bucket}. */
    static String readerRole(IamClient iam, String account, String name, String bucket) {
        String trustAccount = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},\
                "Action":"sts:AssumeRole"}]}""".formatted(account);
        return RoleSetup.role(name, trustAccount)
                .inline("read-" + bucket, PolicyJson.of(PolicyJson.allow("s3:GetObject", "s3:ListBucket")
                        .on(bucketsAndObjects(bucket))))
                .apply(iam).roleArn();
    }

    private static String[] bucketsAndObjects(String... buckets) {
        List<String> arns = new ArrayList<>();
        for (String bucket : buckets) {
            arns.addAll(PolicyJson.bucketAndObjects(bucket));
        }
        return arns.toArray(String[]::new);
    }
}
