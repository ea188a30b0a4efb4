package gluelab.cloud.services.states;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.RoleSessions;
import gluelab.cloud.services.states.asl.DefinitionError;
import gluelab.cloud.services.states.asl.Machine;
import gluelab.cloud.shape.JsonShapeCodec;
import gluelab.cloud.state.Json;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DeleteStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DeleteStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesRequest;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.LoggingConfiguration;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionRequest;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionSeverity;

/**
 * State machines: CreateStateMachine (STANDARD or EXPRESS, the definition checked as Step Functions checks it, the
 * role one {@code states.amazonaws.com} may assume), Describe, Update, Delete and List, and
 * ValidateStateMachineDefinition with AWS's diagnostics (code, message, location).
 */
public final class StateMachineOperations {

    /** Names of state machines and executions: 1 to 80 characters, none of AWS's excluded ones. */
    static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");
    private static final Pages.Limits LIST = new Pages.Limits("maxResults", 100, 1000);
    private static final int MAX_TAGS = 50;

    private final AccountRegionStore<StatesState> states;
    private final ExecutionRunner runner;
    private final RoleSessions roles;

    StateMachineOperations(AccountRegionStore<StatesState> states, ExecutionRunner runner, RoleSessions roles) {
        this.states = states;
        this.runner = runner;
        this.roles = roles;
    }

    public CreateStateMachineResponse createStateMachine(RequestContext context, CreateStateMachineRequest request) {
        StatesErrors.validation().required("name", request.name()).required("definition", request.definition())
                .required("roleArn", request.roleArn()).length("name", request.name(), 1, 80)
                .length("roleArn", request.roleArn(), 1, 256).orThrow();
        if (!NAME.matcher(request.name()).matches()) {
            throw StatesErrors.invalidName(request.name());
        }
        String type = request.type() == null ? StateMachineType.STANDARD.toString() : request.typeAsString();
        if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
            throw StatesErrors.validation().oneOf("type", type, List.of("STANDARD", "EXPRESS")).error();
        }
        check(request.definition());
        checkRole(request.roleArn());
        StatesState state = states.get(context);
        Arn arn = Arn.in(state.scope, StatesProvider.SERVICE, "stateMachine:" + request.name());
        Map<String, String> tags = new LinkedHashMap<>();
        if (request.hasTags()) {
            request.tags().forEach(tag -> tags.put(tag.key(), tag.value() == null ? "" : tag.value()));
        }
        if (tags.size() > MAX_TAGS) {
            throw StatesErrors.tooManyTags(arn.toString());
        }
        synchronized (state) {
            StateMachineRecord existing = state.machine(request.name()).orElse(null);
            if (existing != null) {
                if (existing.definition().equals(request.definition()) && existing.roleArn().equals(request.roleArn())
                        && existing.type().equals(type)) {
                    return CreateStateMachineResponse.builder().stateMachineArn(existing.arn())
                            .creationDate(java.time.Instant.ofEpochMilli(existing.creationDate())).build();
                }
                throw StatesErrors.machineExists(arn.toString());
            }
            StateMachineRecord machine = new StateMachineRecord(request.name(), arn.toString(), type,
                    request.definition(), request.roleArn(), context.now().toEpochMilli(), UUID.randomUUID().toString(),
                    logging(request.loggingConfiguration()), tags);
            state.put(machine);
            return CreateStateMachineResponse.builder().stateMachineArn(machine.arn())
                    .creationDate(context.now()).build();
        }
    }

    public DescribeStateMachineResponse describeStateMachine(RequestContext context,
                                                             DescribeStateMachineRequest request) {
        StatesErrors.validation().required("stateMachineArn", request.stateMachineArn()).orThrow();
        StateMachineRecord machine = require(states.get(context), request.stateMachineArn());
        return DescribeStateMachineResponse.builder()
                .stateMachineArn(machine.arn())
                .name(machine.name())
                .status(StateMachineStatus.ACTIVE)
                .definition(machine.definition())
                .roleArn(machine.roleArn())
                .type(machine.type())
                .creationDate(java.time.Instant.ofEpochMilli(machine.creationDate()))
                .loggingConfiguration(loggingOf(machine))
                .tracingConfiguration(t -> t.enabled(false))
                .revisionId(machine.revisionId())
                .build();
    }

    public UpdateStateMachineResponse updateStateMachine(RequestContext context, UpdateStateMachineRequest request) {
        StatesErrors.validation().required("stateMachineArn", request.stateMachineArn()).orThrow();
        if (request.definition() == null && request.roleArn() == null && request.loggingConfiguration() == null
                && request.tracingConfiguration() == null) {
            throw new gluelab.cloud.provider.AwsServiceException("MissingRequiredParameter", "Either the "
                    + "definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be "
                    + "specified", 400);
        }
        if (request.definition() != null) {
            check(request.definition());
        }
        if (request.roleArn() != null) {
            checkRole(request.roleArn());
        }
        StatesState state = states.get(context);
        synchronized (state) {
            StateMachineRecord machine = require(state, request.stateMachineArn());
            boolean changed = request.definition() != null && !request.definition().equals(machine.definition())
                    || request.roleArn() != null && !request.roleArn().equals(machine.roleArn());
            StateMachineRecord updated = new StateMachineRecord(machine.name(), machine.arn(), machine.type(),
                    request.definition() == null ? machine.definition() : request.definition(),
                    request.roleArn() == null ? machine.roleArn() : request.roleArn(), machine.creationDate(),
                    changed ? UUID.randomUUID().toString() : machine.revisionId(),
                    request.loggingConfiguration() == null ? machine.loggingConfiguration()
                            : logging(request.loggingConfiguration()), machine.tags());
            state.put(updated);
            return UpdateStateMachineResponse.builder().updateDate(context.now()).revisionId(updated.revisionId())
                    .build();
        }
    }

    public DeleteStateMachineResponse deleteStateMachine(RequestContext context, DeleteStateMachineRequest request) {
        StatesErrors.validation().required("stateMachineArn", request.stateMachineArn()).orThrow();
        StatesState state = states.get(context);
        Arn arn = machineArn(state, request.stateMachineArn());
        state.removeMachine(arn.resourceId());
        return DeleteStateMachineResponse.builder().build();
    }

    public ListStateMachinesResponse listStateMachines(RequestContext context, ListStateMachinesRequest request) {
        List<StateMachineRecord> machines = states.get(context).machines().stream()
                .sorted(Comparator.comparing(StateMachineRecord::name)).toList();
        Pages.Page<StateMachineRecord> page = StatesProvider.PAGES.page(machines, StateMachineRecord::name,
                request.nextToken(), request.maxResults() == null || request.maxResults() == 0 ? null
                        : request.maxResults(), LIST);
        return ListStateMachinesResponse.builder()
                .stateMachines(page.items().stream().map(machine -> StateMachineListItem.builder()
                        .stateMachineArn(machine.arn()).name(machine.name()).type(machine.type())
                        .creationDate(java.time.Instant.ofEpochMilli(machine.creationDate())).build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public ValidateStateMachineDefinitionResponse validateStateMachineDefinition(
            RequestContext context, ValidateStateMachineDefinitionRequest request) {
        StatesErrors.validation().required("definition", request.definition())
                .range("maxResults", request.maxResults(), 0, 100).orThrow();
        List<DefinitionError> errors = Machine.validate(request.definition(), runner.integrations());
        int limit = request.maxResults() == null || request.maxResults() == 0 ? 100 : request.maxResults();
        return ValidateStateMachineDefinitionResponse.builder()
                .result(errors.isEmpty() ? ValidateStateMachineDefinitionResultCode.OK
                        : ValidateStateMachineDefinitionResultCode.FAIL)
                .diagnostics(errors.stream().limit(limit).map(error -> ValidateStateMachineDefinitionDiagnostic
                        .builder().severity(ValidateStateMachineDefinitionSeverity.ERROR).code(error.code())
                        .message(error.getMessage()).location(error.location()).build()).toList())
                .truncated(errors.size() > limit)
                .build();
    }

    private void check(String definition) {
        List<DefinitionError> errors = Machine.validate(definition, runner.integrations());
        if (!errors.isEmpty()) {
            throw StatesErrors.invalidDefinition(errors);
        }
    }

    private void checkRole(String roleArn) {
        Arn role = Arn.parse(roleArn).filter(arn -> arn.service().equals("iam") && arn.resourceType().equals("role"))
                .orElseThrow(() -> StatesErrors.invalidArn("Invalid ARN prefix: " + roleArn));
        if (!roles.admitsService(StatesProvider.SERVICE_PRINCIPAL, role)) {
            throw StatesErrors.roleNotAssumable();
        }
    }

    private static String logging(LoggingConfiguration configuration) {
        return configuration == null ? null : JsonShapeCodec.write(configuration).toString();
    }

    private static LoggingConfiguration loggingOf(StateMachineRecord machine) {
        if (machine.loggingConfiguration() == null) {
            return LoggingConfiguration.builder().level("OFF").includeExecutionData(false).build();
        }
        try {
            return JsonShapeCodec.read(Json.MAPPER.readTree(machine.loggingConfiguration()),
                    LoggingConfiguration.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ARN of a state machine in this account and region, or InvalidArn. */
    static Arn machineArn(StatesState state, String text) {
        Arn arn = Arn.parse(text).orElseThrow(() -> StatesErrors.invalidArn("Invalid ARN prefix: " + text));
        if (!arn.service().equals(StatesProvider.SERVICE) || !arn.resourceType().equals("stateMachine")
                || arn.resourceId().contains(":")) {
            throw StatesErrors.invalidArn("Resource type not valid in this context: " + arn.resourceType());
        }
        return arn;
    }

    /** The state machine, or StateMachineDoesNotExist. */
    static StateMachineRecord require(StatesState state, String text) {
        Arn arn = machineArn(state, text);
        if (!arn.isIn(state.scope)) {
            throw StatesErrors.machineDoesNotExist(text);
        }
        return state.machine(arn.resourceId()).orElseThrow(() -> StatesErrors.machineDoesNotExist(text));
    }
}
