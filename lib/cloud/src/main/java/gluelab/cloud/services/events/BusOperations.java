package gluelab.cloud.services.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.policy.MalformedPolicyException;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPermissionRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPermissionResponse;
import software.amazon.awssdk.services.eventbridge.model.RemovePermissionRequest;
import software.amazon.awssdk.services.eventbridge.model.RemovePermissionResponse;

/**
 * Event buses: the default one every account has in every region, and custom ones (CreateEventBus,
 * DescribeEventBus, ListEventBuses, DeleteEventBus), with their resource policies (PutPermission,
 * RemovePermission). Deleting a custom bus deletes its rules and their targets, as on AWS; the default bus cannot be
 * deleted.
 */
public final class BusOperations {

    static final String NAME_PATTERN = "[/\\.\\-_A-Za-z0-9]+";
    static final String NAME_OR_ARN_PATTERN = "(arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[/\\.\\-_A-Za-z0-9]+";
    private static final Pages.Limits LIST = new Pages.Limits("limit", 100, 100);

    private final AccountRegionStore<EventsState> states;

    BusOperations(AccountRegionStore<EventsState> states) {
        this.states = states;
    }

    public CreateEventBusResponse createEventBus(RequestContext context, CreateEventBusRequest request) {
        EventsErrors.validation()
                .required("name", request.name())
                .length("name", request.name(), 1, 256)
                .pattern("name", request.name(), NAME_PATTERN)
                .length("description", request.description(), 0, 512)
                .orThrow();
        if (request.name().contains("/") && request.eventSourceName() == null) {
            throw EventsErrors.validation("Event bus name must not contain '/'.");
        }
        if (request.eventSourceName() != null) {
            throw EventsErrors.resourceNotFound("Event source " + request.eventSourceName() + " does not exist.");
        }
        if (EventsState.DEFAULT_BUS.equals(request.name())) {
            throw EventsErrors.busAlreadyExists(request.name());
        }
        Map<String, String> tags = TagOperations.tagsOf(request.hasTags() ? request.tags() : List.of());
        EventsState state = states.get(context);
        state.createBus(new BusRecord(request.name(), request.description(), null, context.now(), context.now()));
        Arn arn = EventsArns.bus(context.scope(), request.name());
        state.setTags(arn.toString(), tags);
        return CreateEventBusResponse.builder().eventBusArn(arn.toString()).description(request.description()).build();
    }

    public DescribeEventBusResponse describeEventBus(RequestContext context, DescribeEventBusRequest request) {
        EventsErrors.validation().length("name", request.name(), 1, 1600)
                .pattern("name", request.name(), NAME_OR_ARN_PATTERN).orThrow();
        EventsArns.BusLocation location = EventsArns.locate(context.scope(), request.name());
        BusRecord bus = states.get(location.scope()).bus(location.name());
        return DescribeEventBusResponse.builder()
                .name(bus.name())
                .arn(EventsArns.bus(location.scope(), bus.name()).toString())
                .description(bus.description())
                .policy(bus.policy())
                .creationTime(bus.created())
                .lastModifiedTime(bus.lastModified())
                .build();
    }

    public ListEventBusesResponse listEventBuses(RequestContext context, ListEventBusesRequest request) {
        EventsErrors.validation().length("namePrefix", request.namePrefix(), 1, 256)
                .pattern("namePrefix", request.namePrefix(), NAME_PATTERN)
                .range("limit", request.limit(), 1, 100).orThrow();
        Scope scope = context.scope();
        List<BusRecord> buses = states.get(scope).buses().stream()
                .filter(bus -> request.namePrefix() == null || bus.name().startsWith(request.namePrefix()))
                .toList();
        Pages.Page<BusRecord> page = EventsProvider.PAGES.page(buses, BusRecord::name, request.nextToken(),
                request.limit(), LIST);
        return ListEventBusesResponse.builder()
                .eventBuses(page.items().stream().map(bus -> EventBus.builder()
                        .name(bus.name())
                        .arn(EventsArns.bus(scope, bus.name()).toString())
                        .description(bus.description())
                        .policy(bus.policy())
                        .creationTime(bus.created())
                        .lastModifiedTime(bus.lastModified())
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public DeleteEventBusResponse deleteEventBus(RequestContext context, DeleteEventBusRequest request) {
        EventsErrors.validation().required("name", request.name()).length("name", request.name(), 1, 256)
                .pattern("name", request.name(), NAME_PATTERN).orThrow();
        states.get(context).deleteBus(request.name());
        return DeleteEventBusResponse.builder().build();
    }

    public PutPermissionResponse putPermission(RequestContext context, PutPermissionRequest request) {
        EventsErrors.validation()
                .length("eventBusName", request.eventBusName(), 1, 256)
                .pattern("eventBusName", request.eventBusName(), NAME_PATTERN)
                .length("statementId", request.statementId(), 1, 64)
                .pattern("statementId", request.statementId(), "[a-zA-Z0-9-_]+")
                .pattern("principal", request.principal(), "(\\d{12}|\\*)")
                .length("action", request.action(), 1, 64)
                .orThrow();
        EventsState state = states.get(context);
        String busName = request.eventBusName() == null ? EventsState.DEFAULT_BUS : request.eventBusName();
        BusRecord bus = state.bus(busName);
        String policy;
        if (request.policy() != null) {
            if (request.statementId() != null || request.principal() != null || request.action() != null) {
                throw EventsErrors.validation("Policy cannot be combined with Action, Principal or StatementId.");
            }
            policy = checked(request.policy());
        } else {
            if (request.statementId() == null || request.principal() == null || request.action() == null) {
                throw EventsErrors.validation("Parameter(s) Action, Principal and StatementId must be specified.");
            }
            if (!request.action().equals("events:PutEvents")) {
                throw EventsErrors.validation("Provided value in parameter 'action' is not supported.");
            }
            policy = withStatement(bus.policy(), statement(context.scope(), busName, request));
        }
        state.updateBus(bus.withPolicy(policy, context.now()));
        return PutPermissionResponse.builder().build();
    }

    public RemovePermissionResponse removePermission(RequestContext context, RemovePermissionRequest request) {
        EventsErrors.validation()
                .length("statementId", request.statementId(), 1, 64)
                .length("eventBusName", request.eventBusName(), 1, 256)
                .orThrow();
        EventsState state = states.get(context);
        BusRecord bus = state.bus(request.eventBusName() == null ? EventsState.DEFAULT_BUS : request.eventBusName());
        if (Boolean.TRUE.equals(request.removeAllPermissions())) {
            state.updateBus(bus.withPolicy(null, context.now()));
            return RemovePermissionResponse.builder().build();
        }
        if (request.statementId() == null) {
            throw EventsErrors.validation("Parameter StatementId must be specified unless RemoveAllPermissions is true.");
        }
        if (bus.policy() == null) {
            throw EventsErrors.resourceNotFound("EventBus does not have a policy.");
        }
        ObjectNode document = read(bus.policy());
        ArrayNode kept = Json.MAPPER.createArrayNode();
        boolean found = false;
        for (var statement : document.withArray("Statement")) {
            if (request.statementId().equals(statement.path("Sid").asText(null))) {
                found = true;
            } else {
                kept.add(statement);
            }
        }
        if (!found) {
            throw EventsErrors.resourceNotFound("Statement with the provided id does not exist.");
        }
        document.set("Statement", kept);
        state.updateBus(bus.withPolicy(kept.isEmpty() ? null : document.toString(), context.now()));
        return RemovePermissionResponse.builder().build();
    }

    private static ObjectNode statement(Scope scope, String bus, PutPermissionRequest request) {
        ObjectNode statement = Json.object();
        statement.put("Sid", request.statementId());
        statement.put("Effect", "Allow");
        if (request.principal().equals("*")) {
            statement.put("Principal", "*");
        } else {
            statement.putObject("Principal").put("AWS", Arn.accountRoot(request.principal()).toString());
        }
        statement.put("Action", request.action());
        statement.put("Resource", EventsArns.bus(scope, bus).toString());
        if (request.condition() != null) {
            statement.putObject("Condition").putObject(request.condition().type())
                    .put(request.condition().key(), request.condition().value());
        }
        return statement;
    }

    private static String withStatement(String policy, ObjectNode statement) {
        ObjectNode document = policy == null ? Json.object().put("Version", "2012-10-17") : read(policy);
        List<ObjectNode> statements = new ArrayList<>();
        for (var existing : document.withArray("Statement")) {
            if (!statement.get("Sid").asText().equals(existing.path("Sid").asText(null))) {
                statements.add((ObjectNode) existing);
            }
        }
        statements.add(statement);
        ArrayNode list = Json.MAPPER.createArrayNode();
        statements.forEach(list::add);
        document.set("Statement", list);
        return checked(document.toString());
    }

    private static String checked(String policy) {
        try {
            PolicyDocument.parse(policy, PolicyDocument.Kind.RESOURCE);
            return policy;
        } catch (MalformedPolicyException e) {
            throw EventsErrors.validation(e.getMessage());
        }
    }

    private static ObjectNode read(String policy) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(policy);
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalStateException("A stored bus policy is not a JSON object", e);
        }
    }
}
