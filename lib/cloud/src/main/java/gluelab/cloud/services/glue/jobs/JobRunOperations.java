package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.BatchStopJobRunError;
import software.amazon.awssdk.services.glue.model.BatchStopJobRunRequest;
import software.amazon.awssdk.services.glue.model.BatchStopJobRunResponse;
import software.amazon.awssdk.services.glue.model.BatchStopJobRunSuccessfulSubmission;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.GetJobRunRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunResponse;
import software.amazon.awssdk.services.glue.model.GetJobRunsRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.StartJobRunRequest;
import software.amazon.awssdk.services.glue.model.StartJobRunResponse;

/** Job runs: StartJobRun, GetJobRun, GetJobRuns (newest first), BatchStopJobRun. */
public final class JobRunOperations {

    private static final Pages.Limits GET_JOB_RUNS = new Pages.Limits("maxResults", 100, 200);
    private static final int MAX_STOPS = 25;

    private final AccountRegionStore<JobsState> states;
    private final JobRunStateMachine runs;

    public JobRunOperations(AccountRegionStore<JobsState> states, JobRunStateMachine runs) {
        this.states = states;
        this.runs = runs;
    }

    /**
     * Starts a run. With JobRunId it retries that earlier run: the new run names it as PreviousRunId and, unless
     * given its own, takes its arguments.
     */
    public StartJobRunResponse startJobRun(RequestContext ctx, StartJobRunRequest request) {
        String jobName = GlueErrors.name(request.jobName(), "jobName");
        JobsState state = states.get(ctx);
        state.requireJob(jobName);
        Map<String, String> arguments = request.hasArguments() ? request.arguments() : null;
        if (request.jobRunId() != null) {
            JobRun previous = requireRun(state, jobName, request.jobRunId());
            if (arguments == null && previous.hasArguments()) {
                arguments = previous.arguments();
            }
        }
        JobRun run = runs.start(ctx.scope(), RunRequest.of(request, arguments), true);
        return StartJobRunResponse.builder().jobRunId(run.id()).build();
    }

    public GetJobRunResponse getJobRun(RequestContext ctx, GetJobRunRequest request) {
        String jobName = GlueErrors.name(request.jobName(), "jobName");
        String runId = GlueErrors.name(request.runId(), "runId");
        JobsState state = states.get(ctx);
        state.requireJob(jobName);
        return GetJobRunResponse.builder().jobRun(requireRun(state, jobName, runId)).build();
    }

    public GetJobRunsResponse getJobRuns(RequestContext ctx, GetJobRunsRequest request) {
        String jobName = GlueErrors.name(request.jobName(), "jobName");
        JobsState state = states.get(ctx);
        state.requireJob(jobName);
        List<StoredRun> newestFirst = state.runs.values().stream()
                .filter(r -> r.run().jobName().equals(jobName))
                .sorted(Comparator.comparingLong(StoredRun::sequence).reversed())
                .toList();
        Pages.Page<StoredRun> page = GluePages.PAGES.page(newestFirst, JobRunOperations::newestFirstKey, request.nextToken(),
                request.maxResults(), GET_JOB_RUNS);
        return GetJobRunsResponse.builder()
                .jobRuns(page.items().stream().map(StoredRun::run).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** A key that increases as runs get older, so pages follow GetJobRuns's newest-first order. */
    private static String newestFirstKey(StoredRun run) {
        return String.format("%019d", Long.MAX_VALUE - run.sequence());
    }

    public BatchStopJobRunResponse batchStopJobRun(RequestContext ctx, BatchStopJobRunRequest request) {
        String jobName = GlueErrors.name(request.jobName(), "jobName");
        List<String> runIds = GlueErrors.required(request.hasJobRunIds() ? request.jobRunIds() : null, "jobRunIds");
        Validation.of(GlueErrors.VALIDATION).size("jobRunIds", runIds, 1, MAX_STOPS).orThrow();
        states.get(ctx).requireJob(jobName);
        List<BatchStopJobRunSuccessfulSubmission> stopped = new ArrayList<>();
        List<BatchStopJobRunError> errors = new ArrayList<>();
        for (String runId : runIds) {
            Optional<ErrorDetail> refusal = runs.stop(ctx.scope(), jobName, runId);
            if (refusal.isPresent()) {
                errors.add(BatchStopJobRunError.builder().jobName(jobName).jobRunId(runId).errorDetail(refusal.get()).build());
            } else {
                stopped.add(BatchStopJobRunSuccessfulSubmission.builder().jobName(jobName).jobRunId(runId).build());
            }
        }
        return BatchStopJobRunResponse.builder().successfulSubmissions(stopped).errors(errors).build();
    }

    private static JobRun requireRun(JobsState state, String jobName, String runId) {
        StoredRun stored = state.runs.get(runId);
        if (stored == null || !stored.run().jobName().equals(jobName)) {
            throw GlueErrors.entityNotFound("Job Run with id: " + runId + " not found for job " + jobName + ".");
        }
        return stored.run();
    }
}
