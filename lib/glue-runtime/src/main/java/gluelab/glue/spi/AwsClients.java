package gluelab.glue.spi;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** SDK clients for the runtime's own AWS calls, as the run: its region, its credentials, its endpoint (Lab Cloud's, or AWS's). */
public final class AwsClients {

    private AwsClients() {
    }

    /** A Glue client of the run; close it after use. */
    public static GlueClient glue(RunEnvironment environment) {
        return asTheRun(GlueClient.builder(), environment);
    }

    /** A Secrets Manager client of the run; close it after use. */
    public static SecretsManagerClient secretsManager(RunEnvironment environment) {
        return asTheRun(SecretsManagerClient.builder(), environment);
    }

    /** Any SDK client of the run: its region, its credentials, its endpoint. */
    public static <B extends AwsClientBuilder<B, C>, C> C asTheRun(B builder, RunEnvironment environment) {
        builder.region(Region.of(environment.region())).credentialsProvider(environment.credentials());
        environment.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
