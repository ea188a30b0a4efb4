package gluelab.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import gluelab.kernel.run.NotebookRun;
import gluelab.kernel.run.NotebookRunner;
import gluelab.lab.LabHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The web console at {@code /_lab/ui/} in headless Chromium, as an instructor uses it: after notebook 01 has run,
 * its bucket, its job run and the run's log lines are on the page, and advancing the lab clock from the page fires
 * a schedule.
 */
class ConsoleInTheBrowserTest {

    private static final Path HOME = LabHome.locate();
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String HOSTILE_KEY = "raw/<img src=x onerror=document.title='owned'>.csv";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER));

    static WebDriver browser;

    @TempDir
    static Path scratch;

    /** Runs notebook 01 up to its clean-up cell, so that what it made is there to look at, as after a lesson. */
    @BeforeAll
    static void runNotebook01AndOpenABrowser() throws IOException {
        ObjectNode notebook = (ObjectNode) Json.MAPPER.readTree(HOME.resolve("notebooks/01-csv-to-parquet.ipynb").toFile());
        ArrayNode cells = (ArrayNode) notebook.get("cells");
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (cells.get(i).get("source").toString().contains("lab.cleanUp()")) {
                cells.remove(i);
            }
        }
        Path withoutCleanUp = scratch.resolve("01-csv-to-parquet.ipynb");
        Json.MAPPER.writeValue(withoutCleanUp.toFile(), notebook);
        System.setProperty("LAB_ENDPOINT", cloud.endpoint().toString());
        System.setProperty("LAB_TARGET", "embedded");
        System.setProperty(LabHome.HOME_PROPERTY, HOME.toString());
        try {
            NotebookRun run = new NotebookRunner().run(withoutCleanUp);
            assertThat(run.succeeded()).as(String.join("\n", run.reportLines())).isTrue();
        } finally {
            System.clearProperty("LAB_ENDPOINT");
            System.clearProperty("LAB_TARGET");
            System.clearProperty(LabHome.HOME_PROPERTY);
        }
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void afterNotebook01ItsBucketJobRunAndLogLinesAreVisibleAndAKeyLikeMarkupIsShownAsText() throws IOException {
        String bucket;
        try (S3Client s3 = cloud.client(S3Client.builder().forcePathStyle(true))) {
            bucket = s3.listBuckets().buckets().stream().map(Bucket::name).findFirst().orElseThrow();
            s3.putObject(b -> b.bucket(bucket).key(HOSTILE_KEY), RequestBody.fromString("x"));
        }
        Job job;
        JobRun run;
        String firstOutputLine;
        try (GlueClient glue = cloud.client(GlueClient.builder());
             CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            job = glue.getJobs(r -> { }).jobs().get(0);
            run = glue.getJobRuns(r -> r.jobName(job.name())).jobRuns().get(0);
            firstOutputLine = logs.getLogEvents(r -> r.logGroupName("/aws-glue/jobs/output").logStreamName(run.id())
                    .startFromHead(true)).events().get(0).message();
        }

        open("#/s3/buckets/" + bucket);
        waitForTitle(bucket);
        assertThat(main()).contains(HOSTILE_KEY).contains(".csv");
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Lab Cloud console");

        open("#/glue/jobs/" + job.name());
        waitForTitle(job.name());
        assertThat(main()).contains(run.id()).contains("SUCCEEDED");

        browser.findElement(By.linkText(run.id())).click();
        waitForTitle(run.id());
        assertThat(main()).contains("Output (/aws-glue/jobs/output)").contains(firstOutputLine.strip());
        screenshot();
    }

    @Test
    void advancingTheClockFromThePageFiresAScheduleAndItsQueueShowsTheMessage() {
        String queueArn = "arn:aws:sqs:us-east-1:000000000000:console-ticks";
        try (IamClient iam = cloud.client(IamClient.builder());
             SchedulerClient scheduler = cloud.client(SchedulerClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            String role = TestRoles.createSchedulerRole(iam, "ConsoleTicks", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage",\
                    "Resource":"%s"}]}""".formatted(queueArn));
            sqs.createQueue(r -> r.queueName("console-ticks"));
            String at = "at(" + LabAdmin.now(cloud).plusSeconds(600).truncatedTo(ChronoUnit.SECONDS).toString()
                    .replace("Z", "") + ")";
            scheduler.createSchedule(r -> r.name("console-tick").scheduleExpression(at)
                    .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(queueArn).roleArn(role).input("{\"tick\":1}")));
        }

        open("#/scheduler");
        waitForTitle("Schedules");
        assertThat(main()).contains("console-tick");
        new Select(browser.findElement(By.id("advance-by"))).selectByVisibleText("15 minutes");
        browser.findElement(By.id("advance")).click();

        new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(() -> browser.findElement(By.id("notice")).getText())
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("fired"), "console-tick"));
        open("#/sqs");
        waitForTitle("SQS queues");
        List<String> row = browser.findElements(By.cssSelector("main tbody tr")).stream()
                .map(tr -> tr.getText()).filter(text -> text.startsWith("console-ticks")).toList();
        assertThat(row).singleElement().asString().startsWith("console-ticks 1 0 0");
    }

    private static void open(String hash) {
        browser.get(cloud.endpoint().resolve("/_lab/ui/") + hash);
    }

    private static void waitForTitle(String title) {
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBe(By.cssSelector("main h1"), title));
    }

    private static String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private static void screenshot() throws IOException {
        Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = HOME.resolve("build/screenshots/console.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
