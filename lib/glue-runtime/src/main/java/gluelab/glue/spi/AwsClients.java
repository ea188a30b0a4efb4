package gluelab.glue.spi;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;

/** SDK clients for the runtime's own AWS calls, as the run: its region, its credentials, its endpoint (Lab Cloud's, or AWS's). */
public final class AwsClients {

    private AwsClients() {
    }

    /** A Glue client of the run; close it after use. */
    public static GlueClient glue(RunEnvironment environment) {
        GlueClientBuilder builder = GlueClient.builder()
                .region(Region.of(environment.region()))
                .credentialsProvider(environment.credentials());
        environment.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
