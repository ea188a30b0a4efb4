package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.iam.PolicyJson;
import gluelab.lab.svg.SvgDocuments;
import gluelab.lab.targets.Target;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.sts.StsClient;

/** The lab against a real Lab Cloud on a port of its own, as a notebook on the embedded target uses it. */
class LabOnLabCloudTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Lab lab;

    @BeforeEach
    void connect() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        lab = Lab.connect("01-csv-to-parquet", Map.of("LAB_ENDPOINT", cloud.endpoint().toString()));
    }

    @AfterEach
    void close() {
        lab.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
        assertThat(err.toString(StandardCharsets.UTF_8)).as("the lab never writes to stderr").isEmpty();
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void connectingReusesTheRunningLabCloudAndSaysWhereTheLabRuns() {
        assertThat(lab.target()).isEqualTo(Target.EMBEDDED);
        assertThat(lab.hasLabClock()).isTrue();
        assertThat(lab.account()).isEqualTo("000000000000");
        assertThat(lab.region()).isEqualTo("us-east-1");
        assertThat(lab.name("raw")).isEqualTo("lab01-raw");
        assertThat(printed()).isEqualTo("Lab 01 runs on Lab Cloud (" + cloud.endpoint() + "), account 000000000000, "
                + "us-east-1; its resources are named lab01-…" + System.lineSeparator());
    }

    @Test
    void theGlueRoleIsTheLabsOwnRoleTrustingGlueCreatedOnceShownAndRemovedByReset() {
        String role = lab.glueRole();

        assertThat(role).isEqualTo("arn:aws:iam::000000000000:role/lab01-glue-job");
        assertThat(lab.glueRole()).as("the same role, not created again").isEqualTo(role);
        assertThat(printed()).containsOnlyOnce("IAM role " + role).contains("\"Service\" : \"glue.amazonaws.com\"")
                .contains("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole").contains("arn:aws:s3:::lab01-*/*");
        var iam = lab.iam();
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("lab01-glue-job")).attachedPolicies())
                .extracting(p -> p.policyName()).containsExactly("AWSGlueServiceRole");
        assertThat(iam.listRolePolicies(r -> r.roleName("lab01-glue-job")).policyNames()).containsExactly("lab01-data-access");

        assertThat(lab.reset().removed()).containsKey("iam");
        assertThat(iam.listRoles().roles()).extracting(r -> r.roleName()).doesNotContain("lab01-glue-job");
        assertThat(lab.glueRole()).as("created again after the reset").isEqualTo(role);
    }

    @Test
    void theLambdaRoleTrustsLambdaMayWriteItsLogsAndCarriesTheNotebooksPermissions() {
        String role = lab.lambdaRole("starter", PolicyJson.allow("glue:StartJobRun").on(lab.jobArn("lab01-convert")));

        assertThat(role).isEqualTo("arn:aws:iam::000000000000:role/lab01-starter");
        assertThat(printed()).contains("IAM role " + role).contains("\"Service\" : \"lambda.amazonaws.com\"")
                .contains("arn:aws:glue:us-east-1:000000000000:job/lab01-convert");
        var iam = lab.iam();
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("lab01-starter")).attachedPolicies())
                .extracting(p -> p.policyName()).containsExactly("AWSLambdaBasicExecutionRole");
        assertThat(iam.listRolePolicies(r -> r.roleName("lab01-starter")).policyNames())
                .containsExactly("lab01-starter-permissions");
    }

    @Test
    void waitingForRunsNothingStartsGivesUpSayingWhereToLook() {
        lab.glue().createJob(r -> r.name("lab01-idle").role(lab.glueRole())
                .command(c -> c.name("glueetl").scriptLocation("s3://lab01-scripts/idle.py")));

        assertThatThrownBy(() -> lab.waitForJobRuns("lab01-idle", 1, Duration.ofMillis(300)))
                .isInstanceOf(LabTimeoutException.class).hasMessageContaining("0 runs")
                .hasMessageContaining("lab.timeline()");
        assertThatThrownBy(() -> lab.waitForInvocations("lab01-nobody", 1, Duration.ofMillis(300)))
                .isInstanceOf(LabTimeoutException.class).hasMessageContaining("0 invocations")
                .hasMessageContaining("/aws/lambda/lab01-nobody");
        assertThat(lab.waitForJobRuns("lab01-idle", 0)).isEmpty();
    }

    @Test
    void resetAsksLabCloudToRemoveThisLabsResourcesAndCanBeRerun() {
        ResetReport first = lab.reset();
        ResetReport second = lab.reset();

        assertThat(first.prefix()).isEqualTo("lab01-");
        assertThat(first.removed()).containsKeys("sts", "glue");
        assertThat(second.total()).isZero();
        assertThat(printed()).contains("Reset lab 01: nothing to remove");
        assertThat(lab.cleanUp().total()).isZero();
        assertThat(printed()).contains("Cleaned up lab 01: nothing to remove");
    }

    @Test
    void aClientMadeWithOtherCredentialsSignsAsTheirAccountOnTheSameEndpoint() {
        var accountB = StaticCredentialsProvider.create(AwsBasicCredentials.create("test-b", "test-b"));

        String signedAs = lab.client(StsClient.builder(), accountB).getCallerIdentity().account();

        assertThat(signedAs).isEqualTo("111111111111");
        assertThat(lab.client(StsClient.builder()).getCallerIdentity().account()).isEqualTo(lab.account());
    }

    @Test
    void theSecretsManagerClientKeepsTheLabsSecretsAndResetRemovesThem() {
        var secrets = lab.secretsManager();
        secrets.createSecret(r -> r.name("lab01-db").secretString("{\"password\":\"p\"}"));
        assertThat(secrets.getSecretValue(r -> r.secretId("lab01-db")).secretString()).contains("password");

        assertThat(lab.reset().removed()).containsEntry("secretsmanager", 1);
        assertThat(secrets.listSecrets(r -> r.filters(f -> f.key("name").values("lab01-"))).secretList()).isEmpty();
    }

    @Test
    void advancingTheClockMovesLabTimeAndSaysWhatFired() {
        Instant before = lab.now();

        ClockAdvance advance = lab.advanceClock(Duration.ofHours(1));

        assertThat(advance.advanced()).isTrue();
        assertThat(Duration.between(advance.from(), advance.to())).isGreaterThanOrEqualTo(Duration.ofHours(1));
        assertThat(lab.now()).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
        assertThat(advance.fired()).isEmpty();
        assertThat(printed()).contains("Lab clock +1 h 0 min → ").contains("nothing fired");
    }

    @Test
    void eventsAreTheApiCallsSinceConnectingAndDrawAsATimeline() throws Exception {
        lab.sts().getCallerIdentity();

        List<TimelineEvent> events = lab.events();

        assertThat(events).anySatisfy(e -> {
            assertThat(e.service()).isEqualTo("sts");
            assertThat(e.kind()).isEqualTo("api");
            assertThat(e.name()).isEqualTo("GetCallerIdentity");
            assertThat(e.status()).isEqualTo(200);
        });
        assertThat(events).extracting(TimelineEvent::seq).isSorted();
        Timeline timeline = lab.timeline();
        assertThat(SvgDocuments.texts(SvgDocuments.parse(timeline.svg()))).contains("sts GetCallerIdentity");

        lab.reset();
        assertThat(lab.events()).noneMatch(e -> e.name() != null && e.name().equals("GetCallerIdentity"));
    }

    @Test
    void waitingForARunThatDoesNotExistFailsWithGluesOwnError() {
        assertThatThrownBy(() -> lab.waitForJobRun("lab01-missing", "jr_missing", Duration.ofSeconds(5)))
                .isInstanceOf(GlueException.class);
        assertThat(printed()).contains("Run jr_missing of lab01-missing: ");
    }

    @Test
    void dataFilesAndTheLabsOwnJobFolderComeFromTheCheckout(@TempDir Path checkout) throws Exception {
        Path realCheckout = LabHome.locate(null, null, Path.of("").toAbsolutePath()).orElseThrow();
        Files.createDirectories(checkout.resolve("lib/glue-worker/target"));
        Files.writeString(checkout.resolve("lib/pom.xml"), "<project/>");
        Files.copy(realCheckout.resolve("lib/glue-worker/target/classpath.txt"),
                checkout.resolve("lib/glue-worker/target/classpath.txt"));
        Files.createDirectories(checkout.resolve("data"));
        Files.writeString(checkout.resolve("data/customers.csv"), "id\n1\n");
        Files.createDirectories(checkout.resolve("labs/03-scd1-overwrite"));
        Files.writeString(checkout.resolve("labs/03-scd1-overwrite/Overwrite.java"),
                "public class Overwrite { public static void main(String[] args) { } }");

        try (Lab three = Lab.connect("03", Map.of("LAB_ENDPOINT", cloud.endpoint().toString(),
                "GLUELAB_HOME", checkout.toString()))) {
            assertThat(three.home()).isEqualTo(checkout);
            assertThat(three.dataFile("customers.csv")).isEqualTo(checkout.resolve("data/customers.csv"));
            assertThatThrownBy(() -> three.dataFile("orders.csv"))
                    .hasMessageContaining("There is no data file orders.csv").hasMessageContaining("[customers.csv]");
            assertThatThrownBy(() -> three.dataFile("../lib/pom.xml")).hasMessageContaining("There is no data file");
            JobJar jar = three.jobJar();
            assertThat(jar.labDir()).isEqualTo("03-scd1-overwrite");
            assertThat(jar.mainClass()).isEqualTo("Overwrite");
            assertThat(jar.path()).startsWith(checkout.resolve("build/lab-jobs"));
        }
    }

    @Test
    void aSecondLabOnTheSameCloudHasItsOwnNames() {
        try (Lab other = Lab.connect("2", Map.of("LAB_ENDPOINT", cloud.endpoint().toString()))) {
            assertThat(other.prefix()).isEqualTo("lab02-");
            assertThat(other.name("raw")).isEqualTo("lab02-raw");
        }
    }
}
