package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.BatchLookup;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import gluelab.cloud.services.glue.PrefixReset;
import gluelab.cloud.services.glue.tags.ResourceTags;
import gluelab.cloud.services.glue.tags.TaggedType;
import gluelab.cloud.services.glue.tags.Tagging;
import gluelab.cloud.shape.JsonShapeCodec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.glue.model.BatchGetJobsRequest;
import software.amazon.awssdk.services.glue.model.BatchGetJobsResponse;
import software.amazon.awssdk.services.glue.model.CreateJobRequest;
import software.amazon.awssdk.services.glue.model.CreateJobResponse;
import software.amazon.awssdk.services.glue.model.DeleteJobRequest;
import software.amazon.awssdk.services.glue.model.DeleteJobResponse;
import software.amazon.awssdk.services.glue.model.GetJobRequest;
import software.amazon.awssdk.services.glue.model.GetJobResponse;
import software.amazon.awssdk.services.glue.model.GetJobsRequest;
import software.amazon.awssdk.services.glue.model.GetJobsResponse;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.ListJobsRequest;
import software.amazon.awssdk.services.glue.model.ListJobsResponse;
import software.amazon.awssdk.services.glue.model.UpdateJobRequest;
import software.amazon.awssdk.services.glue.model.UpdateJobResponse;

/** Job definitions: CreateJob, GetJob, GetJobs, ListJobs, BatchGetJobs, UpdateJob, DeleteJob. */
public final class JobOperations {

    private static final Pages.Limits LIST_JOBS = new Pages.Limits("maxResults", 100, 1000);

    private final AccountRegionStore<JobsState> states;
    private final JobRunStateMachine runs;
    private final Tagging tagging;

    public JobOperations(AccountRegionStore<JobsState> states, JobRunStateMachine runs, Tagging tagging) {
        this.states = states;
        this.runs = runs;
        this.tagging = tagging;
    }

    public CreateJobResponse createJob(RequestContext ctx, CreateJobRequest request) {
        JobsState state = states.get(ctx);
        Job job = JobDefinitions.define(request.name(), JsonShapeCodec.convert(request, Job.class), ctx.now(), ctx.now());
        ResourceTags tags = Tagging.checked("tags", request.hasTags() ? request.tags() : null);
        synchronized (state) {
            if (state.jobs.containsKey(job.name())) {
                throw GlueErrors.alreadyExists("Job with name: " + job.name() + " already exists.");
            }
            state.jobs.put(job.name(), job);
            tagging.tagNew(state.scope, TaggedType.JOB, job.name(), tags);
        }
        return CreateJobResponse.builder().name(job.name()).build();
    }

    public GetJobResponse getJob(RequestContext ctx, GetJobRequest request) {
        return GetJobResponse.builder()
                .job(states.get(ctx).requireJob(GlueErrors.name(request.jobName(), "jobName")))
                .build();
    }

    public GetJobsResponse getJobs(RequestContext ctx, GetJobsRequest request) {
        Pages.Page<Job> page = GluePages.PAGES.page(new ArrayList<>(states.get(ctx).jobs.values()), Job::name,
                request.nextToken(), request.maxResults(), LIST_JOBS);
        return GetJobsResponse.builder().jobs(page.items()).nextToken(page.nextToken()).build();
    }

    public ListJobsResponse listJobs(RequestContext ctx, ListJobsRequest request) {
        JobsState state = states.get(ctx);
        List<String> names = state.jobs.keys().stream()
                .filter(name -> tagging.matches(state.scope, TaggedType.JOB, name, request.hasTags() ? request.tags() : null))
                .toList();
        Pages.Page<String> page = GluePages.PAGES.page(names, name -> name, request.nextToken(), request.maxResults(),
                LIST_JOBS);
        return ListJobsResponse.builder().jobNames(page.items()).nextToken(page.nextToken()).build();
    }

    public BatchGetJobsResponse batchGetJobs(RequestContext ctx, BatchGetJobsRequest request) {
        List<String> names = GlueErrors.required(request.hasJobNames() ? request.jobNames() : null, "jobNames");
        BatchLookup<Job> lookup = BatchLookup.of(names, states.get(ctx).jobs::get);
        return BatchGetJobsResponse.builder().jobs(lookup.found()).jobsNotFound(lookup.notFound()).build();
    }

    /** The JobUpdate replaces the definition; what it leaves out goes back to its default, as on AWS. */
    public UpdateJobResponse updateJob(RequestContext ctx, UpdateJobRequest request) {
        String name = GlueErrors.name(request.jobName(), "jobName");
        GlueErrors.required(request.jobUpdate(), "jobUpdate");
        JobsState state = states.get(ctx);
        synchronized (state) {
            Job existing = state.requireJob(name);
            Job updated = JobDefinitions.define(name, JsonShapeCodec.convert(request.jobUpdate(), Job.class),
                    existing.createdOn(), ctx.now());
            state.jobs.put(name, updated);
        }
        return UpdateJobResponse.builder().jobName(name).build();
    }

    /** Deletes the job with its runs and bookmark; deleting a job that does not exist succeeds, as on AWS. */
    public DeleteJobResponse deleteJob(RequestContext ctx, DeleteJobRequest request) {
        String name = GlueErrors.name(request.jobName(), "jobName");
        JobsState state = states.get(ctx);
        delete(state, name);
        return DeleteJobResponse.builder().jobName(name).build();
    }

    /**
     * Removes jobs (with their runs, bookmarks and tags; runs in flight are stopped) whose name starts with
     * {@code prefix}, or all of them, in every account and region: {@code /_lab/reset}.
     */
    public int reset(String prefix) {
        return PrefixReset.remove(states, state -> state.jobs.keys(), prefix, this::delete);
    }

    private void delete(JobsState state, String name) {
        synchronized (state) {
            state.jobs.remove(name);
            state.bookmarks.remove(name);
            state.bookmarkHistory.remove(name);
            tagging.forget(state.scope, TaggedType.JOB, name);
        }
        runs.discardRuns(state.scope, name::equals);
    }
}
