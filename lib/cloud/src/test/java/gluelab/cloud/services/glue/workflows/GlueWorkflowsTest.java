package gluelab.cloud.services.glue.workflows;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.advanceClock;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.services.glue.jobs.GlueLabSupport;
import gluelab.cloud.services.glue.jobs.ScriptedGlueWorker;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException;
import software.amazon.awssdk.services.glue.model.Crawl;
import software.amazon.awssdk.services.glue.model.CrawlState;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.IllegalWorkflowStateException;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.Node;
import software.amazon.awssdk.services.glue.model.NodeType;
import software.amazon.awssdk.services.glue.model.TriggerType;
import software.amazon.awssdk.services.glue.model.Workflow;
import software.amazon.awssdk.services.glue.model.WorkflowGraph;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatistics;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Glue workflows with real job runs on the scripted worker ({@link ScriptedGlueWorker}): the chain of notebook 50
 * (A on demand, B when A succeeded, C when B succeeded), failures that stop the chain, run properties that the jobs
 * themselves read and write with their run's credentials, stopping, resuming and scheduled starts.
 */
class GlueWorkflowsTest {

    static {
        ScriptedGlueWorker.useAsTheGlueWorker();
    }

    private static final Set<WorkflowRunStatus> ENDED = Set.of(WorkflowRunStatus.COMPLETED, WorkflowRunStatus.STOPPED,
            WorkflowRunStatus.ERROR);

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults()
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.LAZY)).withGlueRoles();
    static GlueClient glue;

    @BeforeAll
    static void client() {
        glue = cloud.client(GlueClient.builder());
    }

    @AfterAll
    static void cleanUp() {
        glue.close();
        ScriptedGlueWorker.stopUsingAsTheGlueWorker();
    }

    /** Notebook 50's chain: A on demand, B on A's success, C on B's; each job's class is given. */
    static void chain(GlueClient glue, String workflow, String classA, String classB, String classC) {
        glue.createWorkflow(r -> r.name(workflow).description("A then B then C")
                .defaultRunProperties(Map.of("source", "s3://lab/raw/")));
        glue.createJob(sparkJob(workflow + "-A", classA).build());
        glue.createJob(sparkJob(workflow + "-B", classB).build());
        glue.createJob(sparkJob(workflow + "-C", classC).build());
        glue.createTrigger(r -> r.name(workflow + "-start").workflowName(workflow).type(TriggerType.ON_DEMAND)
                .actions(a -> a.jobName(workflow + "-A")));
        glue.createTrigger(r -> r.name(workflow + "-after-A").workflowName(workflow).type(TriggerType.CONDITIONAL)
                .startOnCreation(true).predicate(p -> p.conditions(c -> c.jobName(workflow + "-A").state("SUCCEEDED")))
                .actions(a -> a.jobName(workflow + "-B")));
        glue.createTrigger(r -> r.name(workflow + "-after-B").workflowName(workflow).type(TriggerType.CONDITIONAL)
                .startOnCreation(true).predicate(p -> p.conditions(c -> c.jobName(workflow + "-B").state("SUCCEEDED")))
                .actions(a -> a.jobName(workflow + "-C")));
    }

    static WorkflowRun awaitEnd(GlueClient glue, String workflow, String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            WorkflowRun run = glue.getWorkflowRun(r -> r.name(workflow).runId(runId).includeGraph(true)).run();
            if (ENDED.contains(run.status())) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Workflow run " + runId + " is still " + run.status());
            }
            GlueLabSupport.sleep(25);
        }
    }

    private static Node node(WorkflowGraph graph, NodeType type, String name) {
        return graph.nodes().stream().filter(n -> n.type() == type && n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " node " + name + " in " + graph.nodes()));
    }

    private static JobRun onlyRun(WorkflowGraph graph, String jobName) {
        List<JobRun> runs = node(graph, NodeType.JOB, jobName).jobDetails().jobRuns();
        assertThat(runs).as("runs of " + jobName).hasSize(1);
        return runs.get(0);
    }

    @Test
    void aWorkflowRunsAThenBThenCAndItsGraphShowsThreeSucceededActions() {
        chain(glue, "abc", "test.Succeeds", "test.Succeeds", "test.Succeeds");

        String runId = glue.startWorkflowRun(r -> r.name("abc").runProperties(Map.of("day", "2026-12-07"))).runId();
        WorkflowRun run = awaitEnd(glue, "abc", runId);

        assertThat(runId).startsWith("wr_");
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(run.completedOn()).isAfterOrEqualTo(run.startedOn());
        assertThat(run.statistics()).isEqualTo(WorkflowRunStatistics.builder().totalActions(3).succeededActions(3)
                .runningActions(0).failedActions(0).stoppedActions(0).timeoutActions(0).erroredActions(0)
                .waitingActions(0).build());
        assertThat(run.workflowRunProperties()).containsEntry("source", "s3://lab/raw/").containsEntry("day", "2026-12-07");
        WorkflowGraph graph = run.graph();
        assertThat(graph.nodes()).hasSize(6);
        JobRun a = onlyRun(graph, "abc-A");
        JobRun b = onlyRun(graph, "abc-B");
        JobRun c = onlyRun(graph, "abc-C");
        assertThat(List.of(a, b, c)).allSatisfy(jobRun -> {
            assertThat(jobRun.jobRunState()).isEqualTo(JobRunState.SUCCEEDED);
            assertThat(jobRun.arguments()).containsEntry("--WORKFLOW_NAME", "abc").containsEntry("--WORKFLOW_RUN_ID", runId);
        });
        assertThat(List.of(a, b, c)).extracting(JobRun::triggerName).containsExactly("abc-start", "abc-after-A", "abc-after-B");
        assertThat(b.startedOn()).isAfterOrEqualTo(a.completedOn());
        assertThat(c.startedOn()).isAfterOrEqualTo(b.completedOn());
        String start = node(graph, NodeType.TRIGGER, "abc-start").uniqueId();
        String afterA = node(graph, NodeType.TRIGGER, "abc-after-A").uniqueId();
        String jobA = node(graph, NodeType.JOB, "abc-A").uniqueId();
        String jobB = node(graph, NodeType.JOB, "abc-B").uniqueId();
        assertThat(graph.edges()).extracting(e -> e.sourceId() + ">" + e.destinationId())
                .contains(start + ">" + jobA, jobA + ">" + afterA, afterA + ">" + jobB);
        assertThat(node(graph, NodeType.TRIGGER, "abc-after-A").triggerDetails().trigger().predicate().conditions())
                .extracting(c2 -> c2.jobName()).containsExactly("abc-A");
    }

    @Test
    void whenBFailsCNeverRunsAndTheRunCompletesWithOneFailedAction() {
        chain(glue, "abfail", "test.Succeeds", "test.Fails", "test.Succeeds");

        String runId = glue.startWorkflowRun(r -> r.name("abfail")).runId();
        WorkflowRun run = awaitEnd(glue, "abfail", runId);

        assertThat(run.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(run.statistics().totalActions()).isEqualTo(2);
        assertThat(run.statistics().succeededActions()).isEqualTo(1);
        assertThat(run.statistics().failedActions()).isEqualTo(1);
        assertThat(onlyRun(run.graph(), "abfail-B").errorMessage()).contains("boom");
        assertThat(node(run.graph(), NodeType.JOB, "abfail-C").jobDetails().jobRuns()).isEmpty();
        assertThat(glue.getJobRuns(r -> r.jobName("abfail-C")).jobRuns()).isEmpty();
    }

    @Test
    void theJobsReadAndWriteTheirRunsPropertiesWithTheirRolesCredentialsInRunOrder() {
        chain(glue, "props", "test.AppendsToRunProperties", "test.AppendsToRunProperties", "test.AppendsToRunProperties");

        String runId = glue.startWorkflowRun(r -> r.name("props")).runId();
        WorkflowRun run = awaitEnd(glue, "props", runId);

        assertThat(run.statistics().succeededActions()).as(run.toString()).isEqualTo(3);
        assertThat(glue.getWorkflowRunProperties(r -> r.name("props").runId(runId)).runProperties())
                .containsEntry("visited", "props-A,props-B,props-C")
                .containsEntry("source", "s3://lab/raw/");
    }

    @Test
    void eachWorkflowRunFollowsItsOwnJobRunsAndTheRunsAreListedNewestFirst() {
        chain(glue, "twice", "test.Succeeds", "test.Succeeds", "test.Succeeds");

        String first = glue.startWorkflowRun(r -> r.name("twice")).runId();
        awaitEnd(glue, "twice", first);
        String second = glue.startWorkflowRun(r -> r.name("twice")).runId();
        WorkflowRun secondRun = awaitEnd(glue, "twice", second);
        WorkflowRun firstRun = glue.getWorkflowRun(r -> r.name("twice").runId(first)).run();

        assertThat(firstRun.statistics().succeededActions()).isEqualTo(3);
        assertThat(secondRun.statistics().succeededActions()).isEqualTo(3);
        assertThat(glue.getJobRuns(r -> r.jobName("twice-C")).jobRuns()).hasSize(2);
        assertThat(glue.getWorkflowRuns(r -> r.name("twice")).runs()).extracting(WorkflowRun::workflowRunId)
                .containsExactly(second, first);
        Workflow workflow = glue.getWorkflow(r -> r.name("twice").includeGraph(true)).workflow();
        assertThat(workflow.lastRun().workflowRunId()).isEqualTo(second);
        assertThat(workflow.graph().nodes()).extracting(Node::type).containsOnly(NodeType.TRIGGER, NodeType.JOB).hasSize(6);
        assertThat(workflow.graph().edges()).hasSize(5);
    }

    @Test
    void stoppingARunStopsItsJobRunsAndNothingElseStartsInIt() {
        chain(glue, "stopped", "test.Sleeps", "test.Succeeds", "test.Succeeds");
        String runId = glue.startWorkflowRun(r -> r.name("stopped")).runId();
        GlueLabSupport.awaitState(glue, "stopped-A", GlueLabSupport.awaitStarted(glue, "stopped-A", 1).get(0).id(),
                Set.of(JobRunState.RUNNING));

        glue.stopWorkflowRun(r -> r.name("stopped").runId(runId));
        WorkflowRun run = awaitEnd(glue, "stopped", runId);

        assertThat(run.status()).isEqualTo(WorkflowRunStatus.STOPPED);
        assertThat(run.statistics().stoppedActions()).isEqualTo(1);
        assertThat(glue.getJobRuns(r -> r.jobName("stopped-B")).jobRuns()).isEmpty();
        assertThatThrownBy(() -> glue.stopWorkflowRun(r -> r.name("stopped").runId(runId)))
                .isInstanceOf(IllegalWorkflowStateException.class);
    }

    @Test
    void resumingAFailedRunRunsTheChosenJobAgainAndWhatFollowsItInANewRun() {
        chain(glue, "resume", "test.Succeeds", "test.Fails", "test.Succeeds");
        String runId = glue.startWorkflowRun(r -> r.name("resume").runProperties(Map.of("k", "v"))).runId();
        WorkflowRun failed = awaitEnd(glue, "resume", runId);
        glue.updateJob(r -> r.jobName("resume-B").jobUpdate(u -> u.role(GlueLabSupport.ROLE)
                .command(c -> c.name("glueetl").scriptLocation("s3://lab-jobs/resume-B.jar"))
                .defaultArguments(Map.of("--class", "test.Succeeds"))));

        String nodeB = node(failed.graph(), NodeType.JOB, "resume-B").uniqueId();
        var resumed = glue.resumeWorkflowRun(r -> r.name("resume").runId(runId).nodeIds(nodeB));
        WorkflowRun run = awaitEnd(glue, "resume", resumed.runId());

        assertThat(resumed.nodeIds()).containsExactly(nodeB);
        assertThat(run.previousRunId()).isEqualTo(runId);
        assertThat(run.workflowRunProperties()).containsEntry("k", "v");
        assertThat(run.statistics().totalActions()).isEqualTo(2);
        assertThat(run.statistics().succeededActions()).isEqualTo(2);
        assertThat(onlyRun(run.graph(), "resume-C").triggerName()).isEqualTo("resume-after-B");
    }

    @Test
    void aScheduledTriggerOfAWorkflowStartsARunAtEachFireTime() {
        glue.createWorkflow(r -> r.name("nightly-wf"));
        glue.createJob(sparkJob("nightly-wf-job", "test.Succeeds").build());
        glue.createTrigger(r -> r.name("nightly-wf-schedule").workflowName("nightly-wf").type(TriggerType.SCHEDULED)
                .schedule("cron(0 3 * * ? *)").startOnCreation(true).actions(a -> a.jobName("nightly-wf-job")));

        advanceClock(cloud, Duration.ofHours(24));

        List<WorkflowRun> runs = glue.getWorkflowRuns(r -> r.name("nightly-wf")).runs();
        assertThat(runs).hasSize(1);
        WorkflowRun run = awaitEnd(glue, "nightly-wf", runs.get(0).workflowRunId());
        assertThat(run.statistics().succeededActions()).isEqualTo(1);
        assertThat(run.startedOn().atZone(java.time.ZoneOffset.UTC).getHour()).isEqualTo(3);
        assertThat(onlyRun(run.graph(), "nightly-wf-job").triggerName()).isEqualTo("nightly-wf-schedule");
    }

    @Test
    void anEventBridgeRuleStartsTheWorkflowOfAnEventTriggerOnceABatchIsFullOrItsWindowHasPassed() {
        glue.createWorkflow(r -> r.name("on-arrival"));
        glue.createJob(sparkJob("on-arrival-load", "test.Succeeds").build());
        glue.createTrigger(r -> r.name("on-arrival-events").workflowName("on-arrival").type(TriggerType.EVENT)
                .eventBatchingCondition(b -> b.batchSize(2).batchWindow(300)).startOnCreation(true)
                .actions(a -> a.jobName("on-arrival-load")));
        String role;
        try (IamClient iam = cloud.client(IamClient.builder(), RunningLabCloud.TEST_CREDENTIALS, Region.AWS_GLOBAL)) {
            iam.createRole(r -> r.roleName("events-start-workflows").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},\
                    "Action":"sts:AssumeRole"}]}"""));
            iam.putRolePolicy(r -> r.roleName("events-start-workflows").policyName("glue").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["glue:notifyEvent","glue:StartWorkflowRun"],\
                    "Resource":"arn:aws:glue:us-east-1:000000000000:workflow/on-arrival"}]}"""));
            role = "arn:aws:iam::000000000000:role/events-start-workflows";
        }
        try (EventBridgeClient events = cloud.client(EventBridgeClient.builder())) {
            events.putRule(r -> r.name("files-arrived").eventPattern("{\"source\":[\"lab.files\"]}"));
            events.putTargets(r -> r.rule("files-arrived").targets(t -> t.id("wf").roleArn(role)
                    .arn("arn:aws:glue:us-east-1:000000000000:workflow/on-arrival")));

            String first = putEvent(events);
            GlueLabSupport.sleep(500);
            assertThat(glue.getWorkflowRuns(r -> r.name("on-arrival")).runs()).as("one event of two").isEmpty();
            String second = putEvent(events);
            WorkflowRun bySize = awaitEnd(glue, "on-arrival", awaitRuns("on-arrival", 1).get(0).workflowRunId());

            assertThat(bySize.startingEventBatchCondition().batchSize()).isEqualTo(2);
            assertThat(bySize.workflowRunProperties().get("aws:eventIds")).contains(first, second);
            assertThat(bySize.statistics().succeededActions()).isEqualTo(1);
            assertThat(onlyRun(bySize.graph(), "on-arrival-load").triggerName()).isEqualTo("on-arrival-events");

            String alone = putEvent(events);
            GlueLabSupport.sleep(500);
            advanceClock(cloud, Duration.ofSeconds(300));
            WorkflowRun byWindow = awaitEnd(glue, "on-arrival", awaitRuns("on-arrival", 2).get(0).workflowRunId());

            assertThat(byWindow.startingEventBatchCondition().batchWindow()).isEqualTo(300);
            assertThat(byWindow.workflowRunProperties().get("aws:eventIds")).contains(alone).doesNotContain(first);
        }
    }

    @Test
    void anEventBridgeRuleNotifiesTheWorkflowAsARoleThatMayNotifyEventAsAwsDocumentsIt() {
        glue.createWorkflow(r -> r.name("on-notify"));
        glue.createJob(sparkJob("on-notify-load", "test.Succeeds").build());
        glue.createTrigger(r -> r.name("on-notify-events").workflowName("on-notify").type(TriggerType.EVENT)
                .eventBatchingCondition(b -> b.batchSize(1)).startOnCreation(true).actions(a -> a.jobName("on-notify-load")));
        String workflowArn = "arn:aws:glue:us-east-1:000000000000:workflow/on-notify";
        try (IamClient iam = cloud.client(IamClient.builder(), RunningLabCloud.TEST_CREDENTIALS, Region.AWS_GLOBAL);
             EventBridgeClient events = cloud.client(EventBridgeClient.builder())) {
            for (String action : List.of("glue:notifyEvent", "glue:StartWorkflowRun")) {
                String roleName = "events-" + action.substring("glue:".length());
                iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},\
                        "Action":"sts:AssumeRole"}]}"""));
                iam.putRolePolicy(r -> r.roleName(roleName).policyName("glue").policyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"%s","Resource":"%s"}]}"""
                        .formatted(action, workflowArn)));
                events.putRule(r -> r.name(roleName).eventPattern("{\"source\":[\"lab.notify\"],\"detail-type\":[\"" + action + "\"]}"));
                events.putTargets(r -> r.rule(roleName).targets(t -> t.id("wf").arn(workflowArn)
                        .roleArn("arn:aws:iam::000000000000:role/" + roleName)));
            }

            events.putEvents(r -> r.entries(e -> e.source("lab.notify").detailType("glue:StartWorkflowRun").detail("{}")));
            events.putEvents(r -> r.entries(e -> e.source("lab.notify").detailType("glue:notifyEvent").detail("{}")));
            WorkflowRun run = awaitEnd(glue, "on-notify", awaitRuns("on-notify", 1).get(0).workflowRunId());

            assertThat(run.statistics().succeededActions()).isEqualTo(1);
            assertThat(glue.getWorkflowRuns(r -> r.name("on-notify")).runs()).as("only the role that may notify").hasSize(1);
            assertThat(LabAdmin.events(cloud, "events", "Event Dropped")).anySatisfy(dropped -> {
                assertThat(dropped.path("detail").path("rule").asText()).endsWith("rule/events-StartWorkflowRun");
                assertThat(dropped.path("detail").path("errorMessage").asText()).contains("glue:notifyEvent");
            });
        }
    }

    private static String putEvent(EventBridgeClient events) {
        return events.putEvents(r -> r.entries(e -> e.source("lab.files").detailType("File Arrived").detail("{}")))
                .entries().get(0).eventId();
    }

    private static List<WorkflowRun> awaitRuns(String workflow, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<WorkflowRun> runs = glue.getWorkflowRuns(r -> r.name(workflow)).runs();
            if (runs.size() >= count) {
                return runs;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Workflow " + workflow + " has " + runs.size() + " runs, not " + count);
            }
            GlueLabSupport.sleep(25);
        }
    }

    @Test
    void aCrawlerStartedInAWorkflowRunStartsTheJobWaitingForItsSuccessInTheSameRun() {
        try (S3Client s3 = cloud.client(S3Client.builder().forcePathStyle(true))) {
            s3.createBucket(r -> r.bucket("wf-lake"));
            s3.putObject(r -> r.bucket("wf-lake").key("sales/day=1/a.csv"), RequestBody.fromString("id,amount\n1,9.5\n"));
        }
        glue.createDatabase(r -> r.databaseInput(d -> d.name("wf_sales")));
        glue.createCrawler(r -> r.name("wf-sales-crawler").role(TestRoles.CRAWLER_ROLE).databaseName("wf_sales")
                .targets(t -> t.s3Targets(s -> s.path("s3://wf-lake/sales/"))));
        glue.createJob(sparkJob("wf-after-crawl", "test.Succeeds").build());
        glue.createWorkflow(r -> r.name("crawl-then-load"));
        glue.createTrigger(r -> r.name("crawl-first").workflowName("crawl-then-load").type(TriggerType.ON_DEMAND)
                .actions(a -> a.crawlerName("wf-sales-crawler")));
        glue.createTrigger(r -> r.name("load-when-crawled").workflowName("crawl-then-load").type(TriggerType.CONDITIONAL)
                .startOnCreation(true)
                .predicate(p -> p.conditions(c -> c.crawlerName("wf-sales-crawler").crawlState(CrawlState.SUCCEEDED)))
                .actions(a -> a.jobName("wf-after-crawl")));

        String runId = glue.startWorkflowRun(r -> r.name("crawl-then-load")).runId();
        WorkflowRun run = awaitEnd(glue, "crawl-then-load", runId);

        assertThat(run.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(run.statistics().totalActions()).isEqualTo(2);
        assertThat(run.statistics().succeededActions()).isEqualTo(2);
        List<Crawl> crawls = node(run.graph(), NodeType.CRAWLER, "wf-sales-crawler").crawlerDetails().crawls();
        assertThat(crawls).hasSize(1);
        assertThat(crawls.get(0).state()).isEqualTo(CrawlState.SUCCEEDED);
        JobRun load = onlyRun(run.graph(), "wf-after-crawl");
        assertThat(load.triggerName()).isEqualTo("load-when-crawled");
        assertThat(load.startedOn()).isAfterOrEqualTo(crawls.get(0).completedOn());
        assertThat(glue.getTables(r -> r.databaseName("wf_sales")).tableList()).extracting(t -> t.name())
                .containsExactly("sales");
    }

    @Test
    void workflowsAreCreatedOnceListedBatchedUpdatedAndDeletedWithTheirTriggers() {
        glue.createWorkflow(r -> r.name("crud-wf").maxConcurrentRuns(1).tags(Map.of("team", "etl")));
        glue.createJob(sparkJob("crud-job", "test.Sleeps").build());
        glue.createTrigger(r -> r.name("crud-start").workflowName("crud-wf").type(TriggerType.ON_DEMAND)
                .actions(a -> a.jobName("crud-job")));

        assertThatThrownBy(() -> glue.createWorkflow(r -> r.name("crud-wf"))).isInstanceOf(AlreadyExistsException.class);
        glue.updateWorkflow(r -> r.name("crud-wf").description("now described").defaultRunProperties(Map.of("a", "1")));
        Workflow workflow = glue.getWorkflow(r -> r.name("crud-wf")).workflow();
        assertThat(workflow.description()).isEqualTo("now described");
        assertThat(workflow.defaultRunProperties()).containsEntry("a", "1");
        assertThat(workflow.maxConcurrentRuns()).isEqualTo(1);
        assertThat(workflow.graph()).isNull();
        assertThat(glue.listWorkflows(r -> r.maxResults(25)).workflows()).contains("crud-wf");
        var batch = glue.batchGetWorkflows(r -> r.names("crud-wf", "no-such-wf"));
        assertThat(batch.workflows()).extracting(Workflow::name).containsExactly("crud-wf");
        assertThat(batch.missingWorkflows()).containsExactly("no-such-wf");

        String runId = glue.startWorkflowRun(r -> r.name("crud-wf")).runId();
        assertThatThrownBy(() -> glue.startWorkflowRun(r -> r.name("crud-wf")))
                .isInstanceOf(ConcurrentRunsExceededException.class);
        glue.stopWorkflowRun(r -> r.name("crud-wf").runId(runId));
        awaitEnd(glue, "crud-wf", runId);

        glue.deleteWorkflow(r -> r.name("crud-wf"));
        assertThatThrownBy(() -> glue.getWorkflow(r -> r.name("crud-wf")))
                .isInstanceOfSatisfying(EntityNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Workflow with name: crud-wf not found."));
        assertThatThrownBy(() -> glue.getTrigger(r -> r.name("crud-start"))).isInstanceOf(EntityNotFoundException.class);
        assertThat(glue.deleteWorkflow(r -> r.name("crud-wf")).name()).isEqualTo("crud-wf");
    }

    @Test
    void aRoleSessionAllowedTheWorkflowAndItsTriggersByArnBuildsAndRunsIt() {
        glue.createJob(sparkJob("iam-job", "test.Succeeds").build());
        try (IamClient iam = cloud.client(IamClient.builder(), RunningLabCloud.TEST_CREDENTIALS, Region.AWS_GLOBAL);
             StsClient sts = cloud.client(StsClient.builder())) {
            iam.createRole(r -> r.roleName("workflow-builder").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},\
                    "Action":"sts:AssumeRole"}]}"""));
            iam.putRolePolicy(r -> r.roleName("workflow-builder").policyName("own").policyDocument("""
                    {"Version":"2012-10-17","Statement":[
                    {"Effect":"Allow","Action":["glue:CreateWorkflow","glue:StartWorkflowRun","glue:GetWorkflowRun"],\
                    "Resource":"arn:aws:glue:us-east-1:000000000000:workflow/iam-flow"},
                    {"Effect":"Allow","Action":"glue:CreateTrigger","Resource":"arn:aws:glue:us-east-1:000000000000:trigger/start-*"}]}"""));
            Credentials session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/workflow-builder")
                    .roleSessionName("builder")).credentials();
            try (GlueClient builder = cloud.client(GlueClient.builder(), StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))) {
                builder.createWorkflow(r -> r.name("iam-flow"));
                builder.createTrigger(r -> r.name("start-iam-flow").workflowName("iam-flow").type(TriggerType.ON_DEMAND)
                        .actions(a -> a.jobName("iam-job")));
                String runId = builder.startWorkflowRun(r -> r.name("iam-flow")).runId();
                assertThat(awaitEnd(builder, "iam-flow", runId).statistics().succeededActions()).isEqualTo(1);

                assertThatThrownBy(() -> builder.createWorkflow(r -> r.name("other-flow")))
                        .isInstanceOfSatisfying(GlueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                                .contains("glue:CreateWorkflow on resource: arn:aws:glue:us-east-1:000000000000:workflow/other-flow"));
            }
        }
    }

    @Test
    void aStartTriggersActionThatFailsAtOnceDoesNotEndTheRunBeforeTheActionBesideItRuns() {
        glue.createJob(sparkJob("busy-job", "test.Sleeps").build());
        glue.createJob(sparkJob("beside-job", "test.Succeeds").build());
        String busy = glue.startJobRun(r -> r.jobName("busy-job")).jobRunId();
        glue.createWorkflow(r -> r.name("two-actions"));
        glue.createTrigger(r -> r.name("two-actions-start").workflowName("two-actions").type(TriggerType.ON_DEMAND)
                .actions(a -> a.jobName("busy-job"), a -> a.jobName("beside-job")));

        WorkflowRun run = awaitEnd(glue, "two-actions", glue.startWorkflowRun(r -> r.name("two-actions")).runId());
        glue.batchStopJobRun(r -> r.jobName("busy-job").jobRunIds(busy));

        assertThat(run.statistics().totalActions()).isEqualTo(2);
        assertThat(run.statistics().failedActions()).as("busy-job was at MaxConcurrentRuns").isEqualTo(1);
        assertThat(run.statistics().succeededActions()).isEqualTo(1);
        assertThat(onlyRun(run.graph(), "beside-job").jobRunState()).isEqualTo(JobRunState.SUCCEEDED);
    }

    @Test
    void aWorkflowWithoutAStartTriggerEndsItsRunInError() {
        glue.createWorkflow(r -> r.name("empty-wf"));

        String runId = glue.startWorkflowRun(r -> r.name("empty-wf")).runId();
        WorkflowRun run = awaitEnd(glue, "empty-wf", runId);

        assertThat(run.status()).isEqualTo(WorkflowRunStatus.ERROR);
        assertThat(run.errorMessage()).contains("no trigger to start it");
        assertThatThrownBy(() -> glue.getWorkflowRun(r -> r.name("empty-wf").runId("wr_nope")))
                .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.startWorkflowRun(r -> r.name("ghost-wf"))).isInstanceOf(EntityNotFoundException.class);
    }
}
