package gluelab.cloud.services.glue.dataquality;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.BatchLookup;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.glue.model.BatchGetDataQualityResultRequest;
import software.amazon.awssdk.services.glue.model.BatchGetDataQualityResultResponse;
import software.amazon.awssdk.services.glue.model.DataQualityResult;
import software.amazon.awssdk.services.glue.model.DataQualityResultDescription;
import software.amazon.awssdk.services.glue.model.DataQualityResultFilterCriteria;
import software.amazon.awssdk.services.glue.model.DataSource;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetEvaluationRunResponse;
import software.amazon.awssdk.services.glue.model.GetDataQualityResultRequest;
import software.amazon.awssdk.services.glue.model.GetDataQualityResultResponse;
import software.amazon.awssdk.services.glue.model.GlueTable;
import software.amazon.awssdk.services.glue.model.ListDataQualityResultsRequest;
import software.amazon.awssdk.services.glue.model.ListDataQualityResultsResponse;
import gluelab.cloud.shape.JsonShapeCodec;

/**
 * Data Quality results, from evaluation runs and from jobs' {@code EvaluateDataQuality}: GetDataQualityResult,
 * BatchGetDataQualityResult, and ListDataQualityResults (newest first; filters DataSource, JobName, JobRunId,
 * StartedAfter and StartedBefore).
 */
public final class DataQualityResultOperations {

    private static final Pages.Limits LIST_RESULTS = new Pages.Limits("maxResults", 1000, 1000);

    private final AccountRegionStore<DataQualityState> states;

    public DataQualityResultOperations(AccountRegionStore<DataQualityState> states) {
        this.states = states;
    }

    public GetDataQualityResultResponse getDataQualityResult(RequestContext ctx, GetDataQualityResultRequest request) {
        String resultId = GlueErrors.name(request.resultId(), "resultId");
        DataQualityState state = states.get(ctx);
        DataQualityResult result = state.results.get(resultId);
        if (result == null) {
            throw GlueErrors.entityNotFound("Cannot find Data Quality Result in account " + state.scope.account()
                    + " with id " + resultId);
        }
        return JsonShapeCodec.convert(result, GetDataQualityResultResponse.class);
    }

    public BatchGetDataQualityResultResponse batchGetDataQualityResult(RequestContext ctx, BatchGetDataQualityResultRequest request) {
        List<String> ids = GlueErrors.required(request.hasResultIds() ? request.resultIds() : null, "resultIds");
        GlueErrors.range(ids.size(), "resultIds", 1, 100);
        DataQualityState state = states.get(ctx);
        BatchLookup<DataQualityResult> lookup = BatchLookup.of(ids, state.results::get);
        return BatchGetDataQualityResultResponse.builder().results(lookup.found()).resultsNotFound(lookup.notFound()).build();
    }

    public ListDataQualityResultsResponse listDataQualityResults(RequestContext ctx, ListDataQualityResultsRequest request) {
        DataQualityResultFilterCriteria filter = request.filter();
        List<DataQualityResult> matching = states.get(ctx).results.values().stream()
                .filter(result -> filter == null || matches(filter, result))
                .sorted(Comparator.comparing(DataQualityResult::startedOn).thenComparing(DataQualityResult::resultId).reversed())
                .toList();
        Pages.Page<DataQualityResult> page = GluePages.PAGES.page(matching, DataQualityResult::resultId,
                request.nextToken(), request.maxResults(), LIST_RESULTS);
        return ListDataQualityResultsResponse.builder()
                .results(page.items().stream().map(result -> DataQualityResultDescription.builder()
                        .resultId(result.resultId()).dataSource(result.dataSource()).jobName(result.jobName())
                        .jobRunId(result.jobRunId()).startedOn(result.startedOn()).build()).toList())
                .nextToken(page.nextToken()).build();
    }

    /**
     * Removes the results and evaluation runs of a lab: those that name something of the prefix (the ruleset, the
     * job, or the catalog database or table they evaluated), or all of them for a whole reset. Results have no name
     * of their own, so a notebook's reset finds them through what they belong to.
     */
    public int reset(String prefix) {
        boolean all = prefix == null || prefix.isEmpty();
        int removed = 0;
        for (DataQualityState state : states.all().values()) {
            synchronized (state) {
                for (String id : List.copyOf(state.results.keys())) {
                    DataQualityResult result = state.results.get(id);
                    if (all || result == null || namesPrefix(prefix, result.jobName(), result.dataSource(),
                            result.rulesetName())) {
                        state.results.remove(id);
                        removed++;
                    }
                }
                for (String id : List.copyOf(state.runs.keys())) {
                    GetDataQualityRulesetEvaluationRunResponse run = state.runs.get(id);
                    if (all || run == null || namesPrefix(prefix, null, run.dataSource(),
                            run.hasRulesetNames() ? run.rulesetNames().toArray(String[]::new) : new String[0])) {
                        state.runs.remove(id);
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    private static boolean namesPrefix(String prefix, String jobName, DataSource dataSource, String... rulesetNames) {
        GlueTable table = dataSource == null ? null : dataSource.glueTable();
        return startsWith(jobName, prefix)
                || table != null && (startsWith(table.databaseName(), prefix) || startsWith(table.tableName(), prefix))
                || java.util.Arrays.stream(rulesetNames).anyMatch(name -> startsWith(name, prefix));
    }

    private static boolean startsWith(String name, String prefix) {
        return name != null && name.startsWith(prefix);
    }

    private static boolean matches(DataQualityResultFilterCriteria filter, DataQualityResult result) {
        GlueTable wanted = filter.dataSource() == null ? null : filter.dataSource().glueTable();
        GlueTable table = result.dataSource() == null ? null : result.dataSource().glueTable();
        return (wanted == null || table != null && Objects.equals(wanted.databaseName(), table.databaseName())
                        && Objects.equals(wanted.tableName(), table.tableName()))
                && (filter.jobName() == null || filter.jobName().equals(result.jobName()))
                && (filter.jobRunId() == null || filter.jobRunId().equals(result.jobRunId()))
                && (filter.startedAfter() == null || result.startedOn().isAfter(filter.startedAfter()))
                && (filter.startedBefore() == null || result.startedOn().isBefore(filter.startedBefore()));
    }
}
