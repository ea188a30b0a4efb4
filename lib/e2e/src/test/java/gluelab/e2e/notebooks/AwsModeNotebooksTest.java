package gluelab.e2e.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.kernel.notebook.Notebook;
import gluelab.kernel.run.NotebookRun;
import gluelab.kernel.run.NotebookRunner;
import gluelab.lab.LabHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Every notebook as a learner runs it on AWS: {@code LAB_TARGET=aws}, credentials, a region, {@code LAB_PREFIX} and
 * {@code LAB_GLUE_ROLE_ARN}, with {@code LAB_ENDPOINT} at a Lab Cloud in AWS mode, which answers AWS's APIs only
 * (of {@code /_lab/}, health), keeps its clock on wall time and enforces IAM. Each notebook either runs in AWS mode,
 * passing every check there, or its top cell states that it needs the lab clock or mailbox and the run bears the
 * statement out ({@link AwsModeVerdict}). The verdicts go to {@code target/aws-mode-report.txt}, which
 * {@code ./lab test} prints.
 * <p>
 * A notebook takes several times longer in AWS mode than on the lab target, so a pass over all 57 would double the
 * suite's time: by default it runs {@value #SAMPLE}, one notebook of each verdict (runs in AWS mode, needs the lab
 * clock, needs the lab mailbox). {@code ./lab test -Dgluelab.awsmode.notebooks=all} runs every notebook;
 * {@code =14,33} only those.
 */
class AwsModeNotebooksTest {

    private static final Path HOME = LabHome.locate();
    private static final String NOTEBOOKS_PROPERTY = "gluelab.awsmode.notebooks";
    static final String SAMPLE = "01,14,54";
    private static final String PREFIX = "awsmode";
    private static final Path REPORT = Path.of("target/aws-mode-report.txt");
    private static final Map<String, String> VERDICTS = new TreeMap<>();
    private static final List<String> SETTINGS = List.of("LAB_TARGET", "LAB_ENDPOINT", "LAB_PREFIX", "LAB_GLUE_ROLE_ARN",
            "AWS_REGION", "aws.accessKeyId", "aws.secretAccessKey");
    private static long started;

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER).withAwsMode(true));

    /**
     * What a learner on AWS has before the first notebook: keys, a region, a prefix, and a role for Glue jobs (made
     * once, here with IAM's API as on AWS). The notebooks run in this JVM, so the settings are system properties:
     * the lab reads them as it reads the environment, and the SDK's default credential chain finds the keys there
     * first, so no AWS profile of this machine is used or needed.
     */
    @BeforeAll
    static void aimEveryNotebookAtItAsAtAws() {
        started = System.nanoTime();
        String roleArn = createGlueJobRole(cloud.client(IamClient.builder()));
        System.setProperty("LAB_TARGET", "aws");
        System.setProperty("LAB_ENDPOINT", cloud.endpoint().toString());
        System.setProperty("LAB_PREFIX", PREFIX);
        System.setProperty("LAB_GLUE_ROLE_ARN", roleArn);
        System.setProperty("AWS_REGION", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    private static String createGlueJobRole(IamClient iam) {
        String role = PREFIX + "-glue-jobs";
        String arn = iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},
                 "Action":"sts:AssumeRole"}]}""")).role().arn();
        iam.attachRolePolicy(r -> r.roleName(role).policyArn("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"));
        iam.putRolePolicy(r -> r.roleName(role).policyName(PREFIX + "-lab-buckets").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket",
                 "s3:GetBucketLocation","s3:PutObject","s3:DeleteObject","s3:AbortMultipartUpload"],
                 "Resource":["arn:aws:s3:::%1$s-*","arn:aws:s3:::%1$s-*/*"]}]}""".formatted(PREFIX)));
        return arn;
    }

    @AfterAll
    static void writeTheReport() throws IOException {
        SETTINGS.forEach(System::clearProperty);
        List<String> lines = new ArrayList<>();
        lines.add("AWS mode: notebooks " + System.getProperty(NOTEBOOKS_PROPERTY, SAMPLE)
                + " (-D" + NOTEBOOKS_PROPERTY + "=all for every one) on LAB_TARGET=aws against Lab Cloud --aws-mode ("
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s)");
        VERDICTS.values().forEach(line -> lines.add("  " + line));
        long needClock = VERDICTS.values().stream().filter(line -> line.contains("  needs the lab clock")).count();
        long needMailbox = VERDICTS.values().stream().filter(line -> line.contains("  needs the lab mailbox")).count();
        long failed = VERDICTS.values().stream().filter(line -> line.contains("  FAILED")).count();
        lines.add(String.format("%d run in AWS mode, %d need the lab clock, %d the lab mailbox, %d failed",
                VERDICTS.size() - needClock - needMailbox - failed, needClock, needMailbox, failed));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    static Stream<Path> notebooks() throws IOException {
        String only = System.getProperty(NOTEBOOKS_PROPERTY, SAMPLE);
        Set<String> numbers = only.equals("all") ? Set.of() : Arrays.stream(only.split(",")).map(String::trim)
                .filter(n -> !n.isEmpty()).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(HOME.resolve("notebooks"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> numbers.isEmpty() || numbers.contains(p.getFileName().toString().substring(0, 2)))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void theNotebookRunsInAwsModeOrItsTopCellSaysWhyItNeedsTheLabClock(Path notebook) throws IOException {
        String name = notebook.getFileName().toString();
        long begun = System.nanoTime();
        NotebookRun run = new NotebookRunner().run(notebook);
        run.executed().write(HOME.resolve("build/executed/aws-mode").resolve(name));

        AwsModeVerdict verdict = AwsModeVerdict.of(name, Notebook.read(notebook), run);
        VERDICTS.put(name, verdict.line() + String.format("  (%d s)", Duration.ofNanos(System.nanoTime() - begun).toSeconds()));

        System.out.println("aws-mode " + name + "\n" + String.join("\n", run.reportLines()));
        assertThat(verdict.problems()).as("%s in AWS mode:%n%s", name, String.join("\n", run.reportLines())).isEmpty();
    }
}
