package gluelab.cloud.services.glue.dataquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.auth.Credential;
import gluelab.cloud.clock.ActivityTracker;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueRoles;
import gluelab.cloud.services.glue.worker.JobRunExecutor;
import gluelab.cloud.services.glue.worker.WorkerEventRoutes;
import gluelab.cloud.services.glue.worker.WorkerEvents;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.glue.protocol.RunCommand;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.glue.model.DataQualityResult;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetEvaluationRunResponse;
import software.amazon.awssdk.services.glue.model.GlueTable;
import software.amazon.awssdk.services.glue.model.TaskStatusType;

/**
 * Ruleset evaluation runs and the results they and job runs publish. An evaluation run is RUNNING from
 * {@code StartDataQualityRulesetEvaluationRun} and runs on the Glue worker's warm Spark as a built-in run
 * ({@code gluelab.glue.builtin.DataQualityEvaluationRun}) with the run's role: it reads the catalog table, evaluates
 * each ruleset and publishes one result each; it is SUCCEEDED with their ResultIds when the worker reports it
 * finished, else FAILED with the worker's ErrorString. A job's {@code EvaluateDataQuality} transform publishes its
 * results the same way, and they are kept with the job run's JobName and JobRunId. Every result is announced as
 * "Data Quality Evaluation Results Available". Runs cut short by a restart end FAILED at the next start.
 */
public final class DataQualityEvaluationRuns implements WorkerEvents {

    static final String EVALUATION_CLASS = RunCommand.BUILT_IN_PACKAGE + "DataQualityEvaluationRun";
    static final String RUNNER_SESSION = "GlueDataQualityRunnerSession";
    static final String INTERRUPTED = "The run was cut short when Lab Cloud stopped.";
    private static final Logger LOG = Logger.getLogger(DataQualityEvaluationRuns.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run in flight: not durable. */
    private record LiveRun(Scope scope, ActivityTracker.Activity activity) {
    }

    private final Platform platform;
    private final AccountRegionStore<DataQualityState> states;
    private final JobRunExecutor executor;
    private final WorkerEventRoutes routes;
    private final Function<String, Optional<Scope>> jobRunScopes;
    private final DataQualityResultsAvailableEvents events;
    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param jobRunScopes the account and region of a job run, for the results its transform publishes */
    public DataQualityEvaluationRuns(Platform platform, AccountRegionStore<DataQualityState> states, JobRunExecutor executor,
                                     WorkerEventRoutes routes, Function<String, Optional<Scope>> jobRunScopes) {
        this.platform = platform;
        this.states = states;
        this.executor = executor;
        this.routes = routes;
        this.jobRunScopes = jobRunScopes;
        this.events = new DataQualityResultsAvailableEvents(platform.events());
        routes.dataQualityResultsOfJobRunsTo((runId, resultJson) ->
                jobRunScopes.apply(runId).ifPresent(scope -> keep(scope, runId, resultJson, false)));
    }

    /** Records the run RUNNING and hands it to the worker; a role Glue cannot assume fails it at once. */
    GetDataQualityRulesetEvaluationRunResponse start(Scope scope, GlueTable table, String role, Map<String, String> rulesets,
                                                     GetDataQualityRulesetEvaluationRunResponse.Builder request) {
        DataQualityState state = states.get(scope);
        String runId = "dqrun-" + HexFormat.of().formatHex(randomBytes(20));
        Instant now = now();
        GetDataQualityRulesetEvaluationRunResponse run = request.runId(runId).status(TaskStatusType.RUNNING)
                .startedOn(now).lastModifiedOn(now).resultIds(List.of()).build();
        state.runs.put(runId, run);
        live.put(runId, new LiveRun(scope, platform.activity().beginRun("Glue Data Quality evaluation run " + runId)));
        try {
            RunCommand command = new RunCommand(runId, runId, 0, EVALUATION_CLASS, List.of(), false,
                    arguments(table, rulesets), credentials(scope, role, run.timeout()), null);
            routes.route(runId, this);
            executor.submit(command);
        } catch (AwsServiceException denied) {
            ended(runId, TaskStatusType.FAILED, "Glue could not assume the role " + role + ": " + denied.getMessage());
        }
        return state.runs.get(runId);
    }

    private static List<String> arguments(GlueTable table, Map<String, String> rulesets) {
        try {
            return List.of("--DQ_DATABASE", table.databaseName(), "--DQ_TABLE", table.tableName(),
                    "--DQ_RULESETS", JSON.writeValueAsString(new LinkedHashMap<>(rulesets)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RunCommand.AwsSettings credentials(Scope scope, String role, Integer timeoutMinutes) {
        Arn roleArn = GlueRoles.arnOf(role, scope.account());
        Duration lifetime = Duration.ofMinutes(timeoutMinutes == null ? 2880 : timeoutMinutes).plusHours(1);
        Credential credential = platform.roles()
                .assumeRoleAsService(GlueRoles.SERVICE_PRINCIPAL, roleArn, RUNNER_SESSION, lifetime).credential();
        return new RunCommand.AwsSettings(platform.edge().uri().toString(), scope.region(),
                credential.accessKeyId(), credential.secretAccessKey(), credential.sessionToken());
    }

    /** CancelDataQualityRulesetEvaluationRun: the worker stops it and it ends STOPPED. */
    void cancel(Scope scope, String runId) {
        DataQualityState state = states.get(scope);
        synchronized (state) {
            GetDataQualityRulesetEvaluationRunResponse run = state.runs.get(runId);
            if (run != null && run.status() == TaskStatusType.RUNNING) {
                state.runs.put(runId, run.toBuilder().status(TaskStatusType.STOPPING).lastModifiedOn(now()).build());
            }
        }
        executor.stop(runId);
    }

    // ---- the worker's reports ------------------------------------------------------------------

    @Override
    public void running(String runId) {
    }

    @Override
    public void log(String runId, String stream, String message) {
    }

    @Override
    public void bookmark(String runId, String state) {
    }

    @Override
    public void dataQualityResult(String runId, String resultJson) {
        LiveRun run = live.get(runId);
        if (run != null) {
            keep(run.scope(), runId, resultJson, true);
        }
    }

    @Override
    public void finished(String runId, String workerState, String errorMessage) {
        switch (workerState == null ? "FAILED" : workerState) {
            case "SUCCEEDED" -> ended(runId, TaskStatusType.SUCCEEDED, null);
            case "STOPPED" -> ended(runId, TaskStatusType.STOPPED, null);
            default -> ended(runId, TaskStatusType.FAILED, errorMessage == null ? "The evaluation run failed" : errorMessage);
        }
    }

    @Override
    public void lost(String runId, String message) {
        ended(runId, TaskStatusType.FAILED, message);
    }

    /** Keeps a published result with its ids and run context, and announces it. */
    private void keep(Scope scope, String runId, String resultJson, boolean evaluationRun) {
        DataQualityResult result;
        try {
            JsonNode json = JSON.readTree(resultJson);
            result = JsonShapeCodec.read(json, DataQualityResult.class);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "A Data Quality result of run " + runId + " could not be read", e);
            return;
        }
        Instant completedOn = now();
        Duration took = result.startedOn() == null || result.completedOn() == null ? Duration.ZERO
                : Duration.between(result.startedOn(), result.completedOn());
        DataQualityResult.Builder kept = result.toBuilder()
                .resultId("dqresult-" + HexFormat.of().formatHex(randomBytes(20)))
                .startedOn(completedOn.minus(took)).completedOn(completedOn);
        if (evaluationRun) {
            kept.rulesetEvaluationRunId(runId).jobName(null).jobRunId(null);
        } else {
            kept.jobRunId(runId);
        }
        DataQualityResult stored = kept.build();
        DataQualityState state = states.get(scope);
        synchronized (state) {
            state.results.put(stored.resultId(), stored);
            if (evaluationRun) {
                GetDataQualityRulesetEvaluationRunResponse run = state.runs.get(runId);
                if (run != null) {
                    List<String> ids = new ArrayList<>(run.resultIds());
                    ids.add(stored.resultId());
                    state.runs.put(runId, run.toBuilder().resultIds(ids).lastModifiedOn(completedOn).build());
                }
            }
        }
        events.publish(scope, stored);
    }

    private void ended(String runId, TaskStatusType status, String errorString) {
        LiveRun liveRun = live.remove(runId);
        if (liveRun == null) {
            return;
        }
        DataQualityState state = states.get(liveRun.scope());
        synchronized (state) {
            GetDataQualityRulesetEvaluationRunResponse run = state.runs.get(runId);
            if (run != null) {
                Instant now = now();
                TaskStatusType ended = run.status() == TaskStatusType.STOPPING && status != TaskStatusType.SUCCEEDED
                        ? TaskStatusType.STOPPED : status;
                state.runs.put(runId, run.toBuilder().status(ended).errorString(errorString).completedOn(now)
                        .lastModifiedOn(now).executionTime((int) Duration.between(run.startedOn(), now).toSeconds()).build());
            }
        }
        liveRun.activity().close();
    }

    /** At start-up: runs a restart cut short end FAILED. */
    public void endRunsInterruptedByRestart() {
        states.all().forEach((scope, state) -> {
            synchronized (state) {
                for (GetDataQualityRulesetEvaluationRunResponse run : state.runs.values()) {
                    if (run.status() == TaskStatusType.RUNNING || run.status() == TaskStatusType.STARTING
                            || run.status() == TaskStatusType.STOPPING) {
                        Instant now = now();
                        state.runs.put(run.runId(), run.toBuilder().status(TaskStatusType.FAILED).errorString(INTERRUPTED)
                                .completedOn(now).lastModifiedOn(now).build());
                    }
                }
            }
        });
    }

    private Instant now() {
        return platform.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
