package gluelab.cloud.services.glue.dataquality;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.glue.model.CancelDataQualityRulesetEvaluationRunRequest;
import software.amazon.awssdk.services.glue.model.CancelDataQualityRulesetEvaluationRunResponse;
import software.amazon.awssdk.services.glue.model.DataQualityRulesetEvaluationRunDescription;
import software.amazon.awssdk.services.glue.model.DataQualityRulesetEvaluationRunFilter;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetEvaluationRunRequest;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetEvaluationRunResponse;
import software.amazon.awssdk.services.glue.model.GlueTable;
import software.amazon.awssdk.services.glue.model.ListDataQualityRulesetEvaluationRunsRequest;
import software.amazon.awssdk.services.glue.model.ListDataQualityRulesetEvaluationRunsResponse;
import software.amazon.awssdk.services.glue.model.StartDataQualityRulesetEvaluationRunRequest;
import software.amazon.awssdk.services.glue.model.StartDataQualityRulesetEvaluationRunResponse;
import software.amazon.awssdk.services.glue.model.TaskStatusType;

/**
 * Ruleset evaluation runs: StartDataQualityRulesetEvaluationRun on a catalog table, GetDataQualityRulesetEvaluationRun,
 * ListDataQualityRulesetEvaluationRuns and CancelDataQualityRulesetEvaluationRun. The runs themselves are
 * {@link DataQualityEvaluationRuns}.
 */
public final class DataQualityRulesetEvaluationRunOperations {

    private static final Pages.Limits LIST_RUNS = new Pages.Limits("maxResults", 1000, 1000);

    private final AccountRegionStore<DataQualityState> states;
    private final DataQualityEvaluationRuns runs;

    public DataQualityRulesetEvaluationRunOperations(AccountRegionStore<DataQualityState> states, DataQualityEvaluationRuns runs) {
        this.states = states;
        this.runs = runs;
    }

    public StartDataQualityRulesetEvaluationRunResponse startDataQualityRulesetEvaluationRun(
            RequestContext ctx, StartDataQualityRulesetEvaluationRunRequest request) {
        GlueErrors.required(request.dataSource(), "dataSource");
        GlueTable table = GlueErrors.required(request.dataSource().glueTable(), "dataSource.glueTable");
        GlueErrors.name(table.databaseName(), "dataSource.glueTable.databaseName");
        GlueErrors.name(table.tableName(), "dataSource.glueTable.tableName");
        String role = GlueErrors.required(request.role(), "role");
        List<String> names = GlueErrors.required(request.hasRulesetNames() ? request.rulesetNames() : null, "rulesetNames");
        GlueErrors.range(names.size(), "rulesetNames", 1, 10);
        if (request.timeout() != null) {
            GlueErrors.range(request.timeout(), "timeout", 1, Integer.MAX_VALUE);
        }
        DataQualityState state = states.get(ctx);
        Map<String, String> rulesets = new LinkedHashMap<>();
        for (String name : names) {
            rulesets.put(name, state.requireRuleset(name).ruleset());
        }
        GetDataQualityRulesetEvaluationRunResponse.Builder run = GetDataQualityRulesetEvaluationRunResponse.builder()
                .dataSource(request.dataSource()).role(role).rulesetNames(names)
                .numberOfWorkers(request.numberOfWorkers() == null ? 5 : request.numberOfWorkers())
                .timeout(request.timeout() == null ? 2880 : request.timeout())
                .additionalRunOptions(request.additionalRunOptions());
        String runId = runs.start(state.scope, table, role, rulesets, run).runId();
        return StartDataQualityRulesetEvaluationRunResponse.builder().runId(runId).build();
    }

    public GetDataQualityRulesetEvaluationRunResponse getDataQualityRulesetEvaluationRun(
            RequestContext ctx, GetDataQualityRulesetEvaluationRunRequest request) {
        return requireRun(states.get(ctx), GlueErrors.name(request.runId(), "runId"));
    }

    public CancelDataQualityRulesetEvaluationRunResponse cancelDataQualityRulesetEvaluationRun(
            RequestContext ctx, CancelDataQualityRulesetEvaluationRunRequest request) {
        DataQualityState state = states.get(ctx);
        GetDataQualityRulesetEvaluationRunResponse run = requireRun(state, GlueErrors.name(request.runId(), "runId"));
        if (run.status() != TaskStatusType.RUNNING && run.status() != TaskStatusType.STARTING) {
            throw GlueErrors.invalidInput("Run " + run.runId() + " cannot be cancelled in its current state " + run.status());
        }
        runs.cancel(state.scope, run.runId());
        return CancelDataQualityRulesetEvaluationRunResponse.builder().build();
    }

    /** Runs newest first, narrowed by the filter's table and start times. */
    public ListDataQualityRulesetEvaluationRunsResponse listDataQualityRulesetEvaluationRuns(
            RequestContext ctx, ListDataQualityRulesetEvaluationRunsRequest request) {
        DataQualityRulesetEvaluationRunFilter filter = request.filter();
        List<GetDataQualityRulesetEvaluationRunResponse> matching = states.get(ctx).runs.values().stream()
                .filter(run -> filter == null || matches(filter, run))
                .sorted(Comparator.comparing(GetDataQualityRulesetEvaluationRunResponse::startedOn)
                        .thenComparing(GetDataQualityRulesetEvaluationRunResponse::runId).reversed())
                .toList();
        Pages.Page<GetDataQualityRulesetEvaluationRunResponse> page = GluePages.PAGES.page(matching,
                GetDataQualityRulesetEvaluationRunResponse::runId, request.nextToken(), request.maxResults(), LIST_RUNS);
        return ListDataQualityRulesetEvaluationRunsResponse.builder()
                .runs(page.items().stream().map(run -> DataQualityRulesetEvaluationRunDescription.builder()
                        .runId(run.runId()).status(run.status()).startedOn(run.startedOn()).dataSource(run.dataSource())
                        .build()).toList())
                .nextToken(page.nextToken()).build();
    }

    private static boolean matches(DataQualityRulesetEvaluationRunFilter filter, GetDataQualityRulesetEvaluationRunResponse run) {
        GlueTable wanted = filter.dataSource() == null ? null : filter.dataSource().glueTable();
        GlueTable table = run.dataSource().glueTable();
        return (wanted == null || Objects.equals(wanted.databaseName(), table.databaseName())
                        && Objects.equals(wanted.tableName(), table.tableName()))
                && (filter.startedBefore() == null || run.startedOn().isBefore(filter.startedBefore()))
                && (filter.startedAfter() == null || run.startedOn().isAfter(filter.startedAfter()));
    }

    private static GetDataQualityRulesetEvaluationRunResponse requireRun(DataQualityState state, String runId) {
        GetDataQualityRulesetEvaluationRunResponse run = state.runs.get(runId);
        if (run == null) {
            throw GlueErrors.entityNotFound("Cannot find Data Quality Ruleset Evaluation Run in account "
                    + state.scope.account() + " with id " + runId);
        }
        return run;
    }
}
