package gluelab.cloud.services.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.states.asl.Machine;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.cloud.state.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryRequest;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.RedriveExecutionRequest;
import software.amazon.awssdk.services.sfn.model.RedriveExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StopExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StopExecutionResponse;

/**
 * Executions: StartExecution (a name is idempotent while its execution runs: the same input returns it, another is
 * ExecutionAlreadyExists, as is any reuse once it has ended), DescribeExecution, ListExecutions (newest first,
 * filtered by status), StopExecution, GetExecutionHistory (AWS's event types, ids and previousEventId, in either
 * order, paged), DescribeStateMachineForExecution (the definition the execution started with) and
 * StartSyncExecution (an EXPRESS execution, answered when it ends) and RedriveExecution.
 */
public final class ExecutionOperations {

    private static final Pages.Limits LIST = new Pages.Limits("maxResults", 100, 1000);
    private static final Pages.Limits HISTORY = new Pages.Limits("maxResults", 100, 1000);
    private static final int MAX_INPUT = 262_144;
    private static final List<String> STATUSES = List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED",
            "PENDING_REDRIVE");

    private final AccountRegionStore<StatesState> states;
    private final ExecutionRunner runner;

    ExecutionOperations(AccountRegionStore<StatesState> states, ExecutionRunner runner) {
        this.states = states;
        this.runner = runner;
    }

    public StartExecutionResponse startExecution(RequestContext context, StartExecutionRequest request) {
        ExecutionRecord execution = begin(context, request.stateMachineArn(), request.name(), request.input(), false);
        return StartExecutionResponse.builder().executionArn(execution.arn())
                .startDate(Instant.ofEpochMilli(execution.startDate())).build();
    }

    /**
     * StartSyncExecution (EXPRESS machines only; AWS serves it on the {@code sync-} host, which a client aimed at
     * Lab Cloud's address must not prefix): runs the execution and answers once it has ended, with its outcome.
     */
    public StartSyncExecutionResponse startSyncExecution(RequestContext context, StartSyncExecutionRequest request) {
        ExecutionRecord execution = begin(context, request.stateMachineArn(), request.name(), request.input(), true);
        ExecutionRecord ended;
        try {
            ended = runner.whenEnded(execution.arn()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            runner.forgetEnding(execution.arn());
        }
        long billed = Math.max(100, (ended.stopDate() - ended.startDate() + 99) / 100 * 100);
        return StartSyncExecutionResponse.builder()
                .executionArn(ended.arn())
                .stateMachineArn(ended.stateMachineArn())
                .name(ended.name())
                .startDate(Instant.ofEpochMilli(ended.startDate()))
                .stopDate(Instant.ofEpochMilli(ended.stopDate()))
                .status(ended.status())
                .error(ended.error())
                .cause(ended.cause())
                .input(ended.input())
                .inputDetails(d -> d.included(true))
                .output(ended.output())
                .outputDetails(ended.output() == null ? null
                        : software.amazon.awssdk.services.sfn.model.CloudWatchEventsExecutionDataDetails.builder()
                        .included(true).build())
                .billingDetails(b -> b.billedMemoryUsedInMB(64L).billedDurationInMilliseconds(billed))
                .build();
    }

    /**
     * Checks a start request and starts the execution; {@code sync} is StartSyncExecution's, which EXPRESS machines
     * alone take, and whose end it registers to wait for before the execution can end.
     */
    private ExecutionRecord begin(RequestContext context, String machineArn, String requestedName,
                                  String requestedInput, boolean sync) {
        StatesErrors.validation().required("stateMachineArn", machineArn)
                .length("name", requestedName, 1, 80).orThrow();
        String input = requestedInput == null ? "{}" : requestedInput;
        if (input.length() > MAX_INPUT) {
            throw StatesErrors.validation().length("input", input, 0, MAX_INPUT).error();
        }
        try {
            JsonNode parsed = Json.MAPPER.readTree(input);
            if (parsed == null) {
                throw StatesErrors.invalidInput("The input is empty");
            }
        } catch (java.io.IOException e) {
            throw StatesErrors.invalidInput(e.getMessage().split("\n")[0]);
        }
        String name = requestedName == null ? UUID.randomUUID().toString() : requestedName;
        if (!StateMachineOperations.NAME.matcher(name).matches()) {
            throw StatesErrors.invalidName(name);
        }
        StatesState state = states.get(context);
        synchronized (state) {
            StateMachineRecord machine = StateMachineOperations.require(state, machineArn);
            boolean express = machine.type().equals("EXPRESS");
            if (sync && !express) {
                throw StatesErrors.typeNotSupported("This operation is not supported by this type of state machine");
            }
            // A synchronous Express execution's ARN ends in an id of its own, as on AWS: its name may repeat.
            Arn arn = Arn.in(state.scope, StatesProvider.SERVICE, (express ? "express" : "execution") + ":"
                    + machine.name() + ":" + name + (sync ? ":" + UUID.randomUUID() : ""));
            ExecutionRecord existing = state.execution(arn.toString()).orElse(null);
            if (existing != null) {
                if (!sync && existing.running() && existing.input().equals(input)) {
                    return existing;
                }
                throw StatesErrors.executionExists(arn.toString());
            }
            Machine parsed = Machine.parse(machine.definition(), runner.integrations());
            ExecutionRecord execution = ExecutionRecord.started(arn.toString(), name, machine.arn(), machine.name(),
                    machine.type(), machine.definition(), machine.roleArn(), input, context.now().toEpochMilli());
            if (sync) {
                runner.whenEnded(execution.arn());
            }
            runner.start(state, execution, parsed);
            return execution;
        }
    }

    public DescribeExecutionResponse describeExecution(RequestContext context, DescribeExecutionRequest request) {
        StatesErrors.validation().required("executionArn", request.executionArn()).orThrow();
        ExecutionRecord execution = require(states.get(context), request.executionArn());
        return DescribeExecutionResponse.builder()
                .executionArn(execution.arn())
                .stateMachineArn(execution.stateMachineArn())
                .name(execution.name())
                .status(execution.status())
                .startDate(Instant.ofEpochMilli(execution.startDate()))
                .stopDate(execution.stopDate() == null ? null : Instant.ofEpochMilli(execution.stopDate()))
                .input(execution.input())
                .inputDetails(d -> d.included(true))
                .output(execution.output())
                .outputDetails(execution.output() == null ? null
                        : software.amazon.awssdk.services.sfn.model.CloudWatchEventsExecutionDataDetails.builder()
                        .included(true).build())
                .error(execution.error())
                .cause(execution.cause())
                .redriveCount(execution.redriveCount())
                .redriveDate(execution.redriveDate() == null ? null : Instant.ofEpochMilli(execution.redriveDate()))
                .redriveStatus(redrivable(execution) ? "REDRIVABLE" : "NOT_REDRIVABLE")
                .redriveStatusReason(redrivable(execution) ? null : notRedrivable(execution))
                .mapRunArn(execution.mapRunArn())
                .build();
    }

    public ListExecutionsResponse listExecutions(RequestContext context, ListExecutionsRequest request) {
        if ((request.stateMachineArn() == null) == (request.mapRunArn() == null)) {
            throw new gluelab.cloud.provider.AwsServiceException(StatesErrors.VALIDATION, "Exactly one of "
                    + "stateMachineArn or mapRunArn must be given", 400);
        }
        if (request.statusFilter() != null) {
            StatesErrors.validation().oneOf("statusFilter", request.statusFilterAsString(), STATUSES).orThrow();
        }
        if (request.redriveFilter() != null) {
            StatesErrors.validation().oneOf("redriveFilter", request.redriveFilterAsString(),
                    List.of("REDRIVEN", "NOT_REDRIVEN")).orThrow();
        }
        StatesState state = states.get(context);
        java.util.function.Predicate<ExecutionRecord> listed;
        if (request.mapRunArn() != null) {
            // A map run's children: its record says which they are.
            String mapRun = request.mapRunArn();
            Arn.parse(mapRun).filter(arn -> arn.resourceType().equals("mapRun"))
                    .orElseThrow(() -> StatesErrors.invalidArn("Invalid ARN prefix: " + mapRun));
            if (state.mapRun(mapRun).isEmpty()) {
                throw StatesErrors.resourceNotFound(mapRun);
            }
            listed = e -> mapRun.equals(e.mapRunArn());
        } else {
            StateMachineRecord machine = StateMachineOperations.require(state, request.stateMachineArn());
            if (machine.type().equals("EXPRESS")) {
                throw StatesErrors.typeNotSupported("This operation is not supported by this type of state machine");
            }
            listed = e -> e.stateMachineArn().equals(machine.arn());
        }
        // Newest first, as AWS lists them; the key makes that order a natural one for paging.
        List<ExecutionRecord> executions = state.executions().stream()
                .filter(listed)
                .filter(e -> request.statusFilter() == null || e.status().equals(request.statusFilterAsString()))
                .filter(e -> request.redriveFilter() == null
                        || (e.redriveCount() > 0) == request.redriveFilterAsString().equals("REDRIVEN"))
                .sorted(Comparator.comparing(ExecutionOperations::newestFirst))
                .toList();
        Pages.Page<ExecutionRecord> page = StatesProvider.PAGES.page(executions, ExecutionOperations::newestFirst,
                request.nextToken(), request.maxResults() == null || request.maxResults() == 0 ? null
                        : request.maxResults(), LIST);
        return ListExecutionsResponse.builder()
                .executions(page.items().stream().map(e -> ExecutionListItem.builder()
                        .executionArn(e.arn()).stateMachineArn(e.stateMachineArn()).name(e.name()).status(e.status())
                        .startDate(Instant.ofEpochMilli(e.startDate()))
                        .stopDate(e.stopDate() == null ? null : Instant.ofEpochMilli(e.stopDate()))
                        .redriveCount(e.redriveCount())
                        .redriveDate(e.redriveDate() == null ? null : Instant.ofEpochMilli(e.redriveDate()))
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static String newestFirst(ExecutionRecord execution) {
        return String.format("%020d", Long.MAX_VALUE - execution.startDate()) + execution.name();
    }

    public StopExecutionResponse stopExecution(RequestContext context, StopExecutionRequest request) {
        StatesErrors.validation().required("executionArn", request.executionArn())
                .length("error", request.error(), 0, 256).length("cause", request.cause(), 0, 32_768).orThrow();
        StatesState state = states.get(context);
        ExecutionRecord execution = require(state, request.executionArn());
        runner.end(state, execution.arn(), "ABORTED", request.error(), request.cause());
        ExecutionRecord stopped = require(state, request.executionArn());
        return StopExecutionResponse.builder().stopDate(stopped.stopDate() == null ? context.now()
                : Instant.ofEpochMilli(stopped.stopDate())).build();
    }

    /**
     * RedriveExecution: runs a FAILED, ABORTED or TIMED_OUT STANDARD execution on from the top-level state it
     * stopped in, with that state's input, under the same ARN and definition; ExecutionNotRedrivable otherwise.
     * A Distributed Map it stopped in redrives its map run (only the unsuccessful children run again, see
     * {@link MapRuns#redriveMapRun}); Lab Cloud reruns a Parallel or inline Map state it stopped in whole, where AWS
     * reruns only its unsuccessful branches and iterations.
     */
    public RedriveExecutionResponse redriveExecution(RequestContext context, RedriveExecutionRequest request) {
        StatesErrors.validation().required("executionArn", request.executionArn())
                .length("clientToken", request.clientToken(), 1, 64).orThrow();
        StatesState state = states.get(context);
        ExecutionRecord execution = require(state, request.executionArn());
        runner.awaitWoundDown(execution.arn());
        synchronized (state) {
            execution = require(state, request.executionArn());
            String reason = notRedrivable(execution);
            if (reason != null) {
                throw StatesErrors.notRedrivable(reason);
            }
            ExecutionRecord redriven = execution.redriven(context.now().toEpochMilli());
            runner.redrive(state, redriven, Machine.parse(execution.definition(), runner.integrations()));
            return RedriveExecutionResponse.builder().redriveDate(Instant.ofEpochMilli(redriven.redriveDate())).build();
        }
    }

    /**
     * DescribeExecution's redriveStatus: whether RedriveExecution would take the execution, or, for a child workflow
     * execution of a Distributed Map, whether its map run can redrive it (an unsuccessful EXPRESS child always, a
     * STANDARD one when it stopped in a state), as AWS documents the field.
     */
    private boolean redrivable(ExecutionRecord execution) {
        if (execution.mapRunArn() == null) {
            return notRedrivable(execution) == null;
        }
        boolean unsuccessful = !execution.running() && !execution.status().equals("SUCCEEDED");
        return unsuccessful && (execution.type().equals("EXPRESS") || execution.redriveFrom() != null);
    }

    /** Why RedriveExecution would refuse the execution now, or null when it may be redriven. */
    private String notRedrivable(ExecutionRecord execution) {
        if (!execution.type().equals("STANDARD")) {
            return "Execution of type " + execution.type() + " cannot be redriven";
        }
        if (execution.running() || execution.status().equals("SUCCEEDED")) {
            return "Execution is " + execution.status() + " and cannot be redriven";
        }
        if (execution.mapRunArn() != null) {
            // Its map run redrives it as the parent execution is redriven ("Redriving Map Runs"); run on its own,
            // it would leave the map run's counts and results behind.
            return "Execution is a child workflow execution of the Map Run " + execution.mapRunArn()
                    + "; redrive its parent execution to redrive it";
        }
        if (execution.redriveFrom() == null) {
            return runner.winding(execution.arn()) ? "Execution is still stopping and cannot be redriven yet"
                    : "Execution stopped outside of any state (Lab Cloud was restarted while it ran) and cannot "
                    + "be redriven";
        }
        return null;
    }

    public GetExecutionHistoryResponse getExecutionHistory(RequestContext context,
                                                           GetExecutionHistoryRequest request) {
        StatesErrors.validation().required("executionArn", request.executionArn()).orThrow();
        StatesState state = states.get(context);
        ExecutionRecord execution = require(state, request.executionArn());
        List<HistoryRecord> events = new ArrayList<>(state.history(execution.arn()));
        boolean reverse = Boolean.TRUE.equals(request.reverseOrder());
        if (reverse) {
            Collections.reverse(events);
        }
        Pages.Page<HistoryRecord> page = StatesProvider.PAGES.page(events,
                event -> String.format("%018d", reverse ? Long.MAX_VALUE / 10 - event.id() : event.id()),
                request.nextToken(), request.maxResults() == null || request.maxResults() == 0 ? null
                        : request.maxResults(), HISTORY);
        boolean includeData = !Boolean.FALSE.equals(request.includeExecutionData());
        return GetExecutionHistoryResponse.builder()
                .events(page.items().stream().map(event -> historyEvent(event, includeData)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static HistoryEvent historyEvent(HistoryRecord event, boolean includeData) {
        ObjectNode json = Json.object();
        json.put("timestamp", BigDecimal.valueOf(event.timestamp()).movePointLeft(3));
        json.put("type", event.type());
        json.put("id", event.id());
        json.put("previousEventId", event.previousEventId());
        if (event.detailsMember() != null && event.details() != null) {
            ObjectNode details = event.details().deepCopy();
            if (!includeData) {
                details.remove(List.of("input", "output", "parameters"));
            }
            json.set(event.detailsMember(), details);
        }
        return JsonShapeCodec.readByMemberNames(json, HistoryEvent.class);
    }

    public DescribeStateMachineForExecutionResponse describeStateMachineForExecution(
            RequestContext context, DescribeStateMachineForExecutionRequest request) {
        StatesErrors.validation().required("executionArn", request.executionArn()).orThrow();
        ExecutionRecord execution = require(states.get(context), request.executionArn());
        return DescribeStateMachineForExecutionResponse.builder()
                .stateMachineArn(execution.stateMachineArn())
                .name(execution.stateMachineName())
                .definition(execution.definition())
                .roleArn(execution.roleArn())
                .updateDate(Instant.ofEpochMilli(execution.startDate()))
                .loggingConfiguration(l -> l.level("OFF").includeExecutionData(false))
                .build();
    }

    /** The execution, or InvalidArn / ExecutionDoesNotExist. */
    static ExecutionRecord require(StatesState state, String text) {
        Arn arn = Arn.parse(text).orElseThrow(() -> StatesErrors.invalidArn("Invalid ARN prefix: " + text));
        if (!arn.service().equals(StatesProvider.SERVICE)
                || !(arn.resourceType().equals("execution") || arn.resourceType().equals("express"))) {
            throw StatesErrors.invalidArn("Resource type not valid in this context: " + arn.resourceType());
        }
        if (!arn.isIn(state.scope)) {
            throw StatesErrors.executionDoesNotExist(text);
        }
        return state.execution(text).orElseThrow(() -> StatesErrors.executionDoesNotExist(text));
    }
}
