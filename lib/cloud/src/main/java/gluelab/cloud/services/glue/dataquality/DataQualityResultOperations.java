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

    /** A whole reset (no prefix) removes every result and evaluation run; results have no name to match a prefix. */
    public int reset(String prefix) {
        if (prefix != null && !prefix.isEmpty()) {
            return 0;
        }
        int removed = 0;
        for (DataQualityState state : states.all().values()) {
            synchronized (state) {
                removed += state.results.size() + state.runs.size();
                List.copyOf(state.results.keys()).forEach(state.results::remove);
                List.copyOf(state.runs.keys()).forEach(state.runs::remove);
            }
        }
        return removed;
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
