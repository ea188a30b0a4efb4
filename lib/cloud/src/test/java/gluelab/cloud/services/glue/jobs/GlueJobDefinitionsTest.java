package gluelab.cloud.services.glue.jobs;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.ROLE;
import static gluelab.cloud.services.glue.jobs.GlueLabSupport.sparkJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchGetJobsResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetJobsResponse;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.WorkerType;

class GlueJobDefinitionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory().withGlueRoles();
    static GlueClient glue;

    static GlueClient glue() {
        if (glue == null) {
            glue = cloud.client(GlueClient.builder());
        }
        return glue;
    }

    @AfterAll
    static void closeClient() {
        if (glue != null) {
            glue.close();
        }
    }

    @Test
    void createJobFillsInAwsDefaultsAndGetJobShowsTheDefinition() {
        glue().createJob(sparkJob("defaults", "com.example.Defaults").build());

        Job job = glue().getJob(r -> r.jobName("defaults")).job();

        assertThat(job.name()).isEqualTo("defaults");
        assertThat(job.role()).isEqualTo(ROLE);
        assertThat(job.command().name()).isEqualTo("glueetl");
        assertThat(job.command().scriptLocation()).isEqualTo("s3://lab-jobs/defaults.jar");
        assertThat(job.defaultArguments()).containsEntry("--class", "com.example.Defaults");
        assertThat(job.glueVersion()).isEqualTo("5.0");
        assertThat(job.timeout()).isEqualTo(2880);
        assertThat(job.maxRetries()).isZero();
        assertThat(job.executionProperty().maxConcurrentRuns()).isEqualTo(1);
        assertThat(job.maxCapacity()).isEqualTo(10.0);
        assertThat(job.allocatedCapacity()).isEqualTo(10);
        assertThat(job.workerType()).isNull();
        assertThat(job.jobModeAsString()).isEqualTo("SCRIPT");
        assertThat(job.createdOn()).isNotNull().isEqualTo(job.lastModifiedOn());
    }

    @Test
    void workerTypeAndNumberOfWorkersGiveTheMaxCapacityTheyAddUpTo() {
        glue().createJob(sparkJob("workers", "com.example.W").workerType(WorkerType.G_2_X).numberOfWorkers(5).build());

        Job job = glue().getJob(r -> r.jobName("workers")).job();

        assertThat(job.workerType()).isEqualTo(WorkerType.G_2_X);
        assertThat(job.numberOfWorkers()).isEqualTo(5);
        assertThat(job.maxCapacity()).isEqualTo(10.0);
    }

    @Test
    void aPythonShellJobDefaultsToASixteenthOfADpu() {
        glue().createJob(r -> r.name("shell").role(ROLE).command(c -> c.name("pythonshell").scriptLocation("s3://b/x.py")));

        assertThat(glue().getJob(r -> r.jobName("shell")).job().maxCapacity()).isEqualTo(0.0625);
    }

    @Test
    void maxCapacityWithAWorkerTypeIsInvalidInput() {
        assertThatThrownBy(() -> glue().createJob(sparkJob("both", "X").workerType(WorkerType.G_1_X).numberOfWorkers(2)
                .maxCapacity(10.0).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Please do not set Max Capacity if using Worker Type and Number of Workers."));
    }

    @Test
    void aWorkerTypeWithoutANumberOfWorkersIsInvalidInput() {
        assertThatThrownBy(() -> glue().createJob(sparkJob("half", "X").workerType(WorkerType.G_1_X).build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Worker Type and Number of Workers must be set together");
    }

    @Test
    void anUnknownWorkerTypeFailsValidation() {
        assertThatThrownBy(() -> glue().createJob(sparkJob("odd", "X").workerType("G.3X").numberOfWorkers(2).build()))
                .isInstanceOfSatisfying(GlueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("'G.3X' at 'workerType'");
                });
    }

    @Test
    void aTimeoutBeyondSevenDaysIsInvalidInput() {
        assertThatThrownBy(() -> glue().createJob(sparkJob("long", "X").timeout(10081).build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Timeout must be between 1 and 10080 minutes");
    }

    @Test
    void aJobWithoutARoleFailsValidation() {
        assertThatThrownBy(() -> glue().createJob(r -> r.name("norole").command(c -> c.name("glueetl"))))
                .isInstanceOfSatisfying(GlueException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("1 validation error detected: Value null at 'role' failed to satisfy constraint: "
                                    + "Member must not be null");
                });
    }

    @Test
    void creatingAJobTwiceIsAlreadyExists() {
        glue().createJob(sparkJob("twice", "X").build());

        assertThatThrownBy(() -> glue().createJob(sparkJob("twice", "X").build()))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Job with name: twice already exists."));
    }

    @Test
    void gettingAMissingJobIsEntityNotFound() {
        assertThatThrownBy(() -> glue().getJob(r -> r.jobName("nope")))
                .isInstanceOfSatisfying(EntityNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Job with name: nope not found.");
                });
    }

    @Test
    void getJobsPagesThroughEveryJobInNameOrder() {
        for (int i = 0; i < 5; i++) {
            glue().createJob(sparkJob("page-" + i, "X").build());
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            GetJobsResponse page = glue().getJobs(r -> r.maxResults(2).nextToken(next));
            page.jobs().forEach(j -> names.add(j.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(names.stream().filter(n -> n.startsWith("page-")))
                .containsExactly("page-0", "page-1", "page-2", "page-3", "page-4");
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(glue().getJobsPaginator(r -> r.maxResults(1)).jobs().stream().map(Job::name))
                .contains("page-0", "page-4");
    }

    @Test
    void aTokenLabCloudDidNotHandOutIsInvalidInput() {
        assertThatThrownBy(() -> glue().getJobs(r -> r.nextToken("garbage")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void listJobsFiltersByTags() {
        glue().createJob(sparkJob("tagged-a", "X").tags(Map.of("team", "etl", "env", "lab")).build());
        glue().createJob(sparkJob("tagged-b", "X").tags(Map.of("team", "bi")).build());

        assertThat(glue().listJobs(r -> r.tags(Map.of("team", "etl"))).jobNames()).containsExactly("tagged-a");
        assertThat(glue().listJobs(r -> r.maxResults(1000)).jobNames()).contains("tagged-a", "tagged-b");
    }

    @Test
    void batchGetJobsNamesTheJobsItCouldNotFind() {
        glue().createJob(sparkJob("batch-a", "X").build());

        BatchGetJobsResponse answer = glue().batchGetJobs(r -> r.jobNames("batch-a", "batch-missing"));

        assertThat(answer.jobs()).extracting(Job::name).containsExactly("batch-a");
        assertThat(answer.jobsNotFound()).containsExactly("batch-missing");
    }

    @Test
    void updateJobReplacesTheDefinitionAndResetsWhatItLeavesOut() {
        glue().createJob(sparkJob("updated", "com.example.V1").maxRetries(3).timeout(60).description("first").build());
        Job before = glue().getJob(r -> r.jobName("updated")).job();

        glue().updateJob(r -> r.jobName("updated").jobUpdate(u -> u.role(ROLE)
                .command(c -> c.name("glueetl").scriptLocation("s3://lab-jobs/v2.jar"))
                .defaultArguments(Map.of("--class", "com.example.V2"))));

        Job after = glue().getJob(r -> r.jobName("updated")).job();
        assertThat(after.command().scriptLocation()).isEqualTo("s3://lab-jobs/v2.jar");
        assertThat(after.defaultArguments()).containsEntry("--class", "com.example.V2");
        assertThat(after.description()).isNull();
        assertThat(after.maxRetries()).isZero();
        assertThat(after.timeout()).isEqualTo(2880);
        assertThat(after.createdOn()).isEqualTo(before.createdOn());
        assertThat(after.lastModifiedOn()).isAfterOrEqualTo(before.lastModifiedOn());
    }

    @Test
    void aJobsConnectionsAreKeptAndAnUpdateReplacesThem() {
        glue().createJob(sparkJob("connected", "com.example.C").connections(c -> c.connections("pg-sales", "pg-hr")).build());

        assertThat(glue().getJob(r -> r.jobName("connected")).job().connections().connections())
                .containsExactly("pg-sales", "pg-hr");

        glue().updateJob(r -> r.jobName("connected").jobUpdate(u -> u.role(ROLE)
                .command(c -> c.name("glueetl").scriptLocation("s3://lab-jobs/c.jar"))
                .connections(c -> c.connections("pg-hr"))));
        assertThat(glue().getJob(r -> r.jobName("connected")).job().connections().connections()).containsExactly("pg-hr");

        glue().updateJob(r -> r.jobName("connected").jobUpdate(u -> u.role(ROLE)
                .command(c -> c.name("glueetl").scriptLocation("s3://lab-jobs/c.jar"))));
        assertThat(glue().getJob(r -> r.jobName("connected")).job().connections()).isNull();
    }

    @Test
    void updatingAMissingJobIsEntityNotFound() {
        assertThatThrownBy(() -> glue().updateJob(r -> r.jobName("ghost").jobUpdate(u -> u.role(ROLE)
                .command(c -> c.name("glueetl")))))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void deleteJobRemovesTheJobAndDeletingItAgainStillSucceeds() {
        glue().createJob(sparkJob("doomed", "X").build());

        assertThat(glue().deleteJob(r -> r.jobName("doomed")).jobName()).isEqualTo("doomed");
        assertThat(glue().deleteJob(r -> r.jobName("doomed")).jobName()).isEqualTo("doomed");
        assertThatThrownBy(() -> glue().getJob(r -> r.jobName("doomed"))).isInstanceOf(EntityNotFoundException.class);
    }
}
