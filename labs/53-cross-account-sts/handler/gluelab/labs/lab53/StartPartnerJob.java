package gluelab.labs.lab53;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Starts a Glue job that lives in another account. The function's own role (in its account) may only call
 * {@code sts:AssumeRole} on the other account's role {@code TARGET_ROLE_ARN}; that role, if its trust policy admits
 * this function's role and the agreed {@code EXTERNAL_ID}, may start the job {@code TARGET_JOB}. The Glue client is
 * built for each invocation from the session's temporary credentials, so it acts in the other account.
 * Returns the run's id and the session the run was started as.
 */
public class StartPartnerJob implements RequestHandler<Map<String, Object>, Map<String, String>> {

    /** STS as the function's own role, made once per execution environment. */
    private static final StsClient STS = StsClient.create();

    @Override
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        String roleArn = System.getenv("TARGET_ROLE_ARN");
        String externalId = System.getenv("EXTERNAL_ID");
        String job = System.getenv("TARGET_JOB");
        String caller = STS.getCallerIdentity().arn();
        System.out.println("Running as " + caller + "; assuming " + roleArn);
        Map<String, String> result = new LinkedHashMap<>();

        // BEGIN SOLUTION
        // AssumeRole on the other account's role (session name: the function's name, external id: EXTERNAL_ID);
        // a refusal fails the invocation with "AssumeRole refused: <error code>: <message>". Then start TARGET_JOB with a
        // Glue client that signs with the session's credentials, --requested_by set to the session's ARN.
        AssumeRoleResponse session;
        try {
            session = STS.assumeRole(r -> r.roleArn(roleArn).roleSessionName(context.getFunctionName())
                    .externalId(externalId).durationSeconds(900));
        } catch (StsException refused) {
            // The invocation fails with STS's error code and words, and nothing else is tried.
            throw new IllegalStateException("AssumeRole refused: " + refused.awsErrorDetails().errorCode() + ": "
                    + refused.awsErrorDetails().errorMessage());
        }
        Credentials keys = session.credentials();
        String sessionArn = session.assumedRoleUser().arn();
        StaticCredentialsProvider asTheOtherRole = StaticCredentialsProvider.create(
                AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
        try (GlueClient glue = GlueClient.builder().credentialsProvider(asTheOtherRole).build()) {
            String runId = glue.startJobRun(r -> r.jobName(job).arguments(Map.of("--requested_by", sessionArn))).jobRunId();
            System.out.println("Started " + runId + " of " + job + " as " + sessionArn);
            result.put("jobRunId", runId);
            result.put("assumedRoleArn", sessionArn);
        }
        // END SOLUTION
        return result;
    }
}
