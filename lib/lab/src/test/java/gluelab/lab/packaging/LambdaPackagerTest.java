package gluelab.lab.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.DataTable;
import gluelab.lab.lambda.LambdaInvocations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Packages a lab's handler for Lambda as a notebook does, and runs it on Lab Cloud: classes at the root, the SDK
 * clients it imports (and only those) with the SDK core and the event types in {@code lib/}, no runtime library.
 */
class LambdaPackagerTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final String HANDLER = """
            package gluelab.labs.lab41;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.S3Event;
            import software.amazon.awssdk.services.sts.StsClient;

            public class WhoGotTheEvent implements RequestHandler<S3Event, String> {
                @Override
                public String handleRequest(S3Event event, Context context) {
                    try (StsClient sts = StsClient.create()) {
                        return event.getRecords().get(0).getS3().getObject().getKey() + " seen by "
                                + sts.getCallerIdentity().arn();
                    }
                }
            }
            """;

    @Test
    void aHandlerIsPackagedWithTheClientsItImportsRunsOnLambdaAndItsInvocationsAreShownFromItsLog(@TempDir Path home) throws Exception {
        Path dir = Files.createDirectories(home.resolve("labs/41-s3-to-lambda/handler/gluelab/labs/lab41"));
        Files.writeString(dir.resolve("WhoGotTheEvent.java"), HANDLER);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        LambdaPackager packager = LambdaPackager.forHome(home, new PrintStream(progress, true));

        LambdaPackager.LambdaZip zip = packager.build("41-s3-to-lambda/handler");

        List<String> entries;
        try (ZipFile file = new ZipFile(zip.zip().toFile())) {
            entries = file.stream().map(e -> e.getName()).toList();
        }
        assertThat(entries).contains("gluelab/labs/lab41/WhoGotTheEvent.class");
        assertThat(entries).anyMatch(e -> e.matches("lib/sts-[0-9.]+\\.jar"));
        assertThat(entries).anyMatch(e -> e.matches("lib/sdk-core-[0-9.]+\\.jar"));
        assertThat(entries).anyMatch(e -> e.matches("lib/url-connection-client-[0-9.]+\\.jar"));
        assertThat(entries).anyMatch(e -> e.matches("lib/aws-lambda-java-events-[0-9.]+\\.jar"));
        assertThat(entries).anyMatch(e -> e.matches("lib/joda-time-[0-9.]+\\.jar"));
        assertThat(entries).noneMatch(e -> e.matches("lib/(s3|glue|iam|lambda|apache-client|apache5-client|postgresql)-[0-9.]+\\.jar"));
        assertThat(entries).noneMatch(e -> e.startsWith("lib/aws-lambda-java-core"));
        assertThat(progress.toString()).contains("Packaged labs/41-s3-to-lambda/handler for Lambda");
        assertThat(packager.build("41-s3-to-lambda/handler").zip()).as("unchanged sources: the same package")
                .isEqualTo(zip.zip());
        assertThat(progress.toString()).contains("labs/41-s3-to-lambda/handler is unchanged");

        try (IamClient iam = cloud.client(IamClient.builder()); LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            iam.createRole(r -> r.roleName("packaged-role").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                    "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
            SdkBytes code = SdkBytes.fromByteArray(Files.readAllBytes(zip.zip()));
            lambda.createFunction(r -> r.functionName("packaged").runtime("java17").memorySize(512).timeout(60)
                    .role("arn:aws:iam::000000000000:role/packaged-role")
                    .handler("gluelab.labs.lab41.WhoGotTheEvent")
                    .code(c -> c.zipFile(code)));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("packaged"));
            String event = """
                    {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",\
                    "eventTime":"2026-01-01T00:00:00.000Z","eventName":"ObjectCreated:Put",\
                    "userIdentity":{"principalId":"EXAMPLE"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},\
                    "responseElements":{"x-amz-request-id":"EXAMPLE123456789","x-amz-id-2":"EXAMPLE123"},\
                    "s3":{"s3SchemaVersion":"1.0","configurationId":"testConfigRule",\
                    "bucket":{"name":"raw","ownerIdentity":{"principalId":"EXAMPLE"},"arn":"arn:aws:s3:::raw"},\
                    "object":{"key":"in/orders.csv","size":12,"eTag":"0123456789abcdef0123456789abcdef",\
                    "sequencer":"0A1B2C3D4E5F678901"}}}]}""";
            String answer = lambda.invoke(r -> r.functionName("packaged").payload(SdkBytes.fromUtf8String(event)))
                    .payload().asUtf8String();
            assertThat(answer).isEqualTo("\"in/orders.csv seen by arn:aws:sts::000000000000:assumed-role/packaged-role/packaged\"");
            // The role has no logs: permissions, so, as on AWS, the invocation wrote no log.
            try (CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
                assertThat(LambdaInvocations.of(logs, "packaged").rowCount()).isZero();
                iam.attachRolePolicy(r -> r.roleName("packaged-role")
                        .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
                lambda.invoke(r -> r.functionName("packaged").payload(SdkBytes.fromUtf8String(event)));
                DataTable invocations = awaitInvocations(logs, "packaged");
                assertThat(invocations.rowCount()).isEqualTo(1);
                assertThat(invocations.value(0, "version")).isEqualTo("$LATEST");
                assertThat(invocations.value(0, "memory_mb")).isEqualTo(512);
                assertThat((Double) invocations.value(0, "duration_ms")).isPositive();
                assertThat((Integer) invocations.value(0, "max_memory_used_mb")).isPositive();
            }
        }
    }

    @Test
    void aHandlerThatImportsThePostgresqlDriverIsPackagedWithIt(@TempDir Path home) throws Exception {
        Path dir = Files.createDirectories(home.resolve("labs/37-rotation/handler/gluelab/labs/lab37"));
        Files.writeString(dir.resolve("OpenDatabase.java"), """
                package gluelab.labs.lab37;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;
                import org.postgresql.ds.PGSimpleDataSource;

                public class OpenDatabase implements RequestHandler<Map<String, String>, String> {
                    @Override
                    public String handleRequest(Map<String, String> event, Context context) {
                        PGSimpleDataSource source = new PGSimpleDataSource();
                        source.setURL(event.get("url"));
                        return source.getURL();
                    }
                }
                """);

        LambdaPackager.LambdaZip zip = LambdaPackager.forHome(home, new PrintStream(new ByteArrayOutputStream(), true))
                .build("37-rotation/handler");

        assertThat(zip.libraries()).anyMatch(name -> name.matches("postgresql-[0-9.]+\\.jar"));
    }

    @Test
    void aChangedHandlerIsPackagedAgainAndReplacesTheOldPackage(@TempDir Path home) throws Exception {
        Path dir = Files.createDirectories(home.resolve("labs/41-s3-to-lambda/handler/gluelab/labs/lab41"));
        Files.writeString(dir.resolve("WhoGotTheEvent.java"), HANDLER);
        LambdaPackager packager = LambdaPackager.forHome(home, new PrintStream(new ByteArrayOutputStream(), true));
        Path first = packager.build("41-s3-to-lambda/handler").zip();

        Files.writeString(dir.resolve("WhoGotTheEvent.java"), HANDLER.replace("seen by", "noticed by"));
        Path second = packager.build("41-s3-to-lambda/handler").zip();

        assertThat(second).isNotEqualTo(first).isRegularFile();
        assertThat(first).as("the older package is removed").doesNotExist();
        // Byte for byte the same for the same sources, so an unchanged handler keeps its CodeSha256.
        Path again = LambdaPackager.forHome(home, new PrintStream(new ByteArrayOutputStream(), true))
                .build("41-s3-to-lambda/handler").zip();
        assertThat(again).isEqualTo(second);
    }

    private static DataTable awaitInvocations(CloudWatchLogsClient logs, String function) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            DataTable table = LambdaInvocations.of(logs, function);
            if (table.rowCount() > 0 && table.value(0, "duration_ms") != null) {
                return table;
            }
            Thread.sleep(50);
        }
        return LambdaInvocations.of(logs, function);
    }
}
