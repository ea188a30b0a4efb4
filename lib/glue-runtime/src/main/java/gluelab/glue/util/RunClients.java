package gluelab.glue.util;

import gluelab.glue.GlueRun;
import gluelab.glue.spi.AwsClients;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * SDK clients for a job's own AWS calls, acting as its run: on Lab Cloud with the run's role credentials, region and
 * endpoint; in a plain local run (and on AWS Glue) with the SDK's defaults, as {@code GlueClient.create()} is there.
 * A job in a workflow reads and writes its workflow run's properties this way:
 * <pre>{@code
 * try (GlueClient glue = RunClients.glue()) {
 *     Map<String, String> properties = glue.getWorkflowRunProperties(r -> r.name(args.get("WORKFLOW_NAME"))
 *             .runId(args.get("WORKFLOW_RUN_ID"))).runProperties();
 * }
 * }</pre>
 * The run's role must allow {@code glue:GetWorkflowRunProperties} and {@code glue:PutWorkflowRunProperties}.
 */
public final class RunClients {

    private RunClients() {
    }

    /** A Glue client of the calling run; close it after use. */
    public static GlueClient glue() {
        return of(GlueClient.builder());
    }

    /** Any SDK client of the calling run, e.g. {@code RunClients.of(S3Client.builder())}; close it after use. */
    public static <B extends AwsClientBuilder<B, C>, C> C of(B builder) {
        return AwsClients.asTheRun(builder, GlueRun.current().environment());
    }
}
