package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Functions as AWS keeps them, through the real SDK: created Pending and then Active (the SDK's waiters wait for it),
 * updated InProgress and then Successful, listed, read and deleted, refused in AWS's words.
 */
class LambdaFunctionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static String role;

    @BeforeAll
    static void roles() {
        role = LambdaFixture.executionRole(cloud, "fn-api-role");
    }

    private static LambdaClient lambda() {
        return cloud.client(LambdaClient.builder());
    }

    @Test
    void aCreatedFunctionIsPendingThenActiveAndTheWaiterSeesItActive() {
        try (LambdaClient lambda = lambda()) {
            CreateFunctionResponse created = lambda.createFunction(r -> r.functionName("orders-api")
                    .runtime(Runtime.JAVA17).handler("gluelab.cloud.services.lambda.handlers.EchoHandler")
                    .role(role).description("echoes orders").timeout(10).memorySize(512)
                    .environment(e -> e.variables(java.util.Map.of("GREETING", "hi")))
                    .code(c -> c.zipFile(FunctionZips.handlers())));

            assertThat(created.state()).isEqualTo(State.PENDING);
            assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
            assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:orders-api");
            assertThat(created.version()).isEqualTo("$LATEST");
            assertThat(created.codeSha256()).isEqualTo(FunctionZipsSha.of(FunctionZips.handlers()));
            assertThat(created.codeSize()).isEqualTo(FunctionZips.handlers().asByteArray().length);

            FunctionConfiguration active = lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("orders-api"))
                    .matched().response().orElseThrow().configuration();
            assertThat(active.state()).isEqualTo(State.ACTIVE);
            assertThat(active.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
            assertThat(active.timeout()).isEqualTo(10);
            assertThat(active.memorySize()).isEqualTo(512);
            assertThat(active.environment().variables()).containsEntry("GREETING", "hi");
            assertThat(active.architecturesAsStrings()).containsExactly("x86_64");
            assertThat(active.loggingConfig().logGroup()).isEqualTo("/aws/lambda/orders-api");
        }
    }

    @Test
    void codeCanComeFromS3AndGetFunctionGivesItBack() throws Exception {
        byte[] zip = FunctionZips.handlers().asByteArray();
        try (S3Client s3 = cloud.client(S3Client.builder()); LambdaClient lambda = lambda()) {
            s3.createBucket(r -> r.bucket("fn-code"));
            s3.putObject(r -> r.bucket("fn-code").key("handlers.zip"), RequestBody.fromBytes(zip));
            lambda.createFunction(r -> r.functionName("from-s3").runtime(Runtime.JAVA21).role(role)
                    .handler("gluelab.cloud.services.lambda.handlers.MisbehavingHandlers::greet")
                    .code(c -> c.s3Bucket("fn-code").s3Key("handlers.zip")));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("from-s3"));

            GetFunctionResponse function = lambda.getFunction(r -> r.functionName("from-s3"));
            assertThat(function.configuration().runtimeAsString()).isEqualTo("java21");
            assertThat(function.code().repositoryType()).isEqualTo("S3");
            HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(function.code().location())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.body()).isEqualTo(zip);

            assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("no-code").runtime(Runtime.JAVA17)
                    .role(role).handler("a.B::c").code(c -> c.s3Bucket("fn-code").s3Key("missing.zip"))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                                "Error occurred while GetObject. S3 Error Code: NoSuchKey.");
                    });
        }
    }

    @Test
    void aRoleThatDoesNotTrustLambdaIsRefusedAsAwsRefusesIt() {
        String glueRole = LambdaFixture.glueOnlyRole(cloud, "only-glue");
        try (LambdaClient lambda = lambda()) {
            assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("untrusted").runtime(Runtime.JAVA17)
                    .role(glueRole).handler("a.B::c").code(c -> c.zipFile(FunctionZips.handlers()))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The role defined for the function cannot be assumed by Lambda.");
                    });
            assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("no-such-role").runtime(Runtime.JAVA17)
                    .role("arn:aws:iam::000000000000:role/nobody").handler("a.B::c")
                    .code(c -> c.zipFile(FunctionZips.handlers()))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The role defined for the function cannot be assumed by Lambda."));
        }
    }

    @Test
    void aPackageOfSeventeenMegabytesIsTakenAsTheRequestsZipFile() throws IOException {
        // A handler with the Glue and S3 clients in lib/ weighs about this much; as base64 it is one string of more
        // than 20 million characters in CreateFunction's JSON body, where AWS takes packages of up to 50 MB.
        byte[] zip = withPadding(FunctionZips.handlers().asByteArray(), 17 * 1024 * 1024);
        try (LambdaClient lambda = lambda()) {
            CreateFunctionResponse created = lambda.createFunction(r -> r.functionName("heavy").runtime(Runtime.JAVA17)
                    .role(role).handler("gluelab.cloud.services.lambda.handlers.MisbehavingHandlers::greet")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));

            assertThat(created.codeSize()).isEqualTo(zip.length);
            assertThat(lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("heavy")).matched().response()
                    .orElseThrow().configuration().state()).isEqualTo(State.ACTIVE);
        }
    }

    /** The package with one more entry of {@code bytes} random (incompressible) bytes. */
    private static byte[] withPadding(byte[] zip, int bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream padded = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                padded.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(padded);
                padded.closeEntry();
            }
            byte[] random = new byte[bytes];
            new Random(26).nextBytes(random);
            padded.putNextEntry(new ZipEntry("lib/padding.bin"));
            padded.write(random);
            padded.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void badRequestsGetLambdasErrors() {
        try (LambdaClient lambda = lambda()) {
            LambdaFixture.createActive(lambda, "twice", "a.B::c", role, 3);
            assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("twice").runtime(Runtime.JAVA17)
                    .role(role).handler("a.B::c").code(c -> c.zipFile(FunctionZips.handlers()))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(409);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceConflictException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function already exist: twice");
                    });
            assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("nothing-here")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                                "Function not found: arn:aws:lambda:us-east-1:000000000000:function:nothing-here");
                    });
            assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("not-a-zip").runtime(Runtime.JAVA17)
                    .role(role).handler("a.B::c").code(c -> c.zipFile(SdkBytes.fromUtf8String("plain text")))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Could not unzip uploaded file. Please check your file, then try to upload again."));
            assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("too-slow").runtime(Runtime.JAVA17)
                    .role(role).handler("a.B::c").timeout(901).code(c -> c.zipFile(FunctionZips.handlers()))))
                    .isInstanceOfSatisfying(LambdaException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
            assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("reserved-env").runtime(Runtime.JAVA17)
                    .role(role).handler("a.B::c").environment(e -> e.variables(java.util.Map.of("AWS_REGION", "x")))
                    .code(c -> c.zipFile(FunctionZips.handlers()))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .endsWith("Reserved keys used in this request: AWS_REGION"));
            assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("bad name!").runtime(Runtime.JAVA17)
                    .role(role).handler("a.B::c").code(c -> c.zipFile(FunctionZips.handlers()))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: "
                                + "Value 'bad name!' at 'functionName' failed to satisfy constraint");
                    });
        }
    }

    @Test
    void anUpdateIsInProgressThenSuccessfulAndAnotherUpdateMeanwhileIsRefused() {
        try (LambdaClient lambda = lambda()) {
            LambdaFixture.createActive(lambda, "updated", "a.B::c", role, 3);
            UpdateFunctionCodeResponse update = lambda.updateFunctionCode(r -> r.functionName("updated")
                    .zipFile(FunctionZips.handlersWithSdk()));
            assertThat(update.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
            assertThat(update.codeSha256()).isEqualTo(FunctionZipsSha.of(FunctionZips.handlersWithSdk()));

            FunctionConfiguration done = lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("updated"))
                    .matched().response().orElseThrow().configuration();
            assertThat(done.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);

            var configured = lambda.updateFunctionConfiguration(r -> r.functionName("updated").timeout(30)
                    .memorySize(1024).handler("x.Y::z"));
            assertThat(configured.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
            assertThat(configured.revisionId()).isNotEqualTo(done.revisionId());
            lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("updated"));
            var after = lambda.getFunctionConfiguration(r -> r.functionName("updated"));
            assertThat(after.timeout()).isEqualTo(30);
            assertThat(after.memorySize()).isEqualTo(1024);
            assertThat(after.handler()).isEqualTo("x.Y::z");

            assertThatThrownBy(() -> lambda.updateFunctionConfiguration(r -> r.functionName("updated")
                    .revisionId(done.revisionId()).timeout(5)))
                    .isInstanceOfSatisfying(LambdaException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailedException"));
        }
    }

    @Test
    void functionsAreListedInPagesAndDeletedFunctionsAreGone() {
        try (LambdaClient lambda = lambda()) {
            for (String name : new String[] {"list-a", "list-b", "list-c"}) {
                LambdaFixture.createActive(lambda, name, "a.B::c", role, 3);
            }
            var firstPage = lambda.listFunctions(r -> r.maxItems(2));
            assertThat(firstPage.functions()).hasSize(2);
            assertThat(firstPage.nextMarker()).isNotNull();
            assertThat(lambda.listFunctionsPaginator().functions().stream().map(FunctionConfiguration::functionName))
                    .contains("list-a", "list-b", "list-c");

            lambda.deleteFunction(r -> r.functionName("arn:aws:lambda:us-east-1:000000000000:function:list-b"));
            assertThatThrownBy(() -> lambda.getFunctionConfiguration(r -> r.functionName("list-b")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
            assertThatThrownBy(() -> lambda.deleteFunction(r -> r.functionName("list-b")))
                    .isInstanceOfSatisfying(LambdaException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
        }
    }
}
