package gluelab.cloud.services.states;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunRequest;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ListMapRunsRequest;
import software.amazon.awssdk.services.sfn.model.ListMapRunsResponse;
import software.amazon.awssdk.services.sfn.model.MapRunExecutionCounts;
import software.amazon.awssdk.services.sfn.model.MapRunItemCounts;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.UpdateMapRunRequest;
import software.amazon.awssdk.services.sfn.model.UpdateMapRunResponse;

/**
 * Map runs, the runs of Distributed Map states: DescribeMapRun (status, limits, item and child execution counts,
 * live while it runs, and how often and when it was last redriven), ListMapRuns (an execution's, newest first,
 * paged) and UpdateMapRun (MaxConcurrency and the tolerated failure threshold of a running map run, which its
 * Distributed Map heeds at once).
 */
public final class MapRunOperations {

    private static final Pages.Limits LIST = new Pages.Limits("maxResults", 100, 1000);

    private final AccountRegionStore<StatesState> states;
    private final MapRuns mapRuns;

    MapRunOperations(AccountRegionStore<StatesState> states, MapRuns mapRuns) {
        this.states = states;
        this.mapRuns = mapRuns;
    }

    public DescribeMapRunResponse describeMapRun(RequestContext context, DescribeMapRunRequest request) {
        StatesErrors.validation().required("mapRunArn", request.mapRunArn()).orThrow();
        MapRunRecord run = require(states.get(context), request.mapRunArn());
        MapRunRecord.Counts items = run.itemCounts();
        MapRunRecord.Counts executions = run.executionCounts();
        return DescribeMapRunResponse.builder()
                .mapRunArn(run.arn())
                .executionArn(run.executionArn())
                .status(run.status())
                .startDate(Instant.ofEpochMilli(run.startDate()))
                .stopDate(run.stopDate() == null ? null : Instant.ofEpochMilli(run.stopDate()))
                .maxConcurrency(run.maxConcurrency())
                .toleratedFailurePercentage(run.toleratedFailurePercentage() == null ? 0f
                        : run.toleratedFailurePercentage().floatValue())
                .toleratedFailureCount(run.toleratedFailureCount() == null ? 0L
                        : run.toleratedFailureCount().longValue())
                .itemCounts(MapRunItemCounts.builder().pending(items.pending()).running(items.running())
                        .succeeded(items.succeeded()).failed(items.failed()).timedOut(items.timedOut())
                        .aborted(items.aborted()).total(items.total()).resultsWritten(items.resultsWritten())
                        .failuresNotRedrivable(items.failuresNotRedrivable()).pendingRedrive(items.pendingRedrive())
                        .build())
                .executionCounts(MapRunExecutionCounts.builder().pending(executions.pending())
                        .running(executions.running()).succeeded(executions.succeeded()).failed(executions.failed())
                        .timedOut(executions.timedOut()).aborted(executions.aborted()).total(executions.total())
                        .resultsWritten(executions.resultsWritten())
                        .failuresNotRedrivable(executions.failuresNotRedrivable())
                        .pendingRedrive(executions.pendingRedrive()).build())
                .redriveCount(run.redriveCount())
                .redriveDate(run.redriveDate() == null ? null : Instant.ofEpochMilli(run.redriveDate()))
                .build();
    }

    public ListMapRunsResponse listMapRuns(RequestContext context, ListMapRunsRequest request) {
        StatesErrors.validation().required("executionArn", request.executionArn()).orThrow();
        StatesState state = states.get(context);
        ExecutionRecord execution = ExecutionOperations.require(state, request.executionArn());
        List<MapRunRecord> runs = state.mapRuns().stream()
                .filter(run -> run.executionArn().equals(execution.arn()))
                .sorted(Comparator.comparing(MapRunOperations::newestFirst))
                .toList();
        Pages.Page<MapRunRecord> page = StatesProvider.PAGES.page(runs, MapRunOperations::newestFirst,
                request.nextToken(), request.maxResults() == null || request.maxResults() == 0 ? null
                        : request.maxResults(), LIST);
        return ListMapRunsResponse.builder()
                .mapRuns(page.items().stream().map(run -> MapRunListItem.builder()
                        .executionArn(run.executionArn()).mapRunArn(run.arn()).stateMachineArn(run.stateMachineArn())
                        .startDate(Instant.ofEpochMilli(run.startDate()))
                        .stopDate(run.stopDate() == null ? null : Instant.ofEpochMilli(run.stopDate()))
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static String newestFirst(MapRunRecord run) {
        return String.format("%020d", Long.MAX_VALUE - run.startDate()) + run.arn();
    }

    public UpdateMapRunResponse updateMapRun(RequestContext context, UpdateMapRunRequest request) {
        Float percentage = request.toleratedFailurePercentage();
        StatesErrors.validation().required("mapRunArn", request.mapRunArn())
                .range("maxConcurrency", request.maxConcurrency(), 0, 10_000)
                .range("toleratedFailureCount", request.toleratedFailureCount(), 0, Long.MAX_VALUE)
                .constraint("toleratedFailurePercentage", percentage, percentage == null
                        || (percentage >= 0 && percentage <= 100), "Member must have value between 0 and 100")
                .orThrow();
        if (request.maxConcurrency() == null && percentage == null && request.toleratedFailureCount() == null) {
            throw new gluelab.cloud.provider.AwsServiceException(StatesErrors.VALIDATION, "At least one of "
                    + "maxConcurrency, toleratedFailurePercentage or toleratedFailureCount must be given", 400);
        }
        StatesState state = states.get(context);
        MapRunRecord run = require(state, request.mapRunArn());
        Long count = request.toleratedFailureCount();
        boolean updated = mapRuns.update(run.arn(), request.maxConcurrency(),
                count == null ? null : (int) Math.min(count, Integer.MAX_VALUE),
                percentage == null ? null : percentage.doubleValue());
        if (!updated) {
            throw new gluelab.cloud.provider.AwsServiceException(StatesErrors.VALIDATION, "Map Run is not "
                    + "running: '" + run.arn() + "' is " + run.status(), 400);
        }
        return UpdateMapRunResponse.builder().build();
    }

    /** The map run, or InvalidArn / ResourceNotFound. */
    private MapRunRecord require(StatesState state, String text) {
        Arn arn = Arn.parse(text).orElseThrow(() -> StatesErrors.invalidArn("Invalid ARN prefix: " + text));
        if (!arn.service().equals(StatesProvider.SERVICE) || !arn.resourceType().equals("mapRun")) {
            throw StatesErrors.invalidArn("Resource type not valid in this context: " + arn.resourceType());
        }
        if (!arn.isIn(state.scope)) {
            throw StatesErrors.resourceNotFound(text);
        }
        return mapRuns.current(state, text).orElseThrow(() -> StatesErrors.resourceNotFound(text));
    }
}
