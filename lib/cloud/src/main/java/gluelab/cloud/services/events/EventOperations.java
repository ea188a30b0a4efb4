package gluelab.cloud.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.policy.Decision;
import gluelab.cloud.policy.Principal;
import gluelab.cloud.policy.RequestContextKeys;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.events.matching.EventPatterns;
import gluelab.cloud.state.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternRequest;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternResponse;

/**
 * PutEvents (at most 10 entries and 256 KB, custom sources only, each entry accepted or refused on its own with AWS's
 * {@code ErrorCode}/{@code ErrorMessage}) and TestEventPattern. An accepted event is matched against its bus's rules
 * and every delivery it makes is journaled before the call returns. A bus of another account takes events only if
 * its policy allows the caller.
 */
public final class EventOperations {

    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final List<String> EVENT_MEMBERS = List.of("id", "account", "source", "time", "region", "detail-type");

    private final AccountRegionStore<EventsState> states;
    private final EventIngestion ingestion;
    private final BusPolicies policies;

    EventOperations(AccountRegionStore<EventsState> states, EventIngestion ingestion, BusPolicies policies) {
        this.states = states;
        this.ingestion = ingestion;
        this.policies = policies;
    }

    public PutEventsResponse putEvents(RequestContext context, PutEventsRequest request) {
        List<PutEventsRequestEntry> entries = request.hasEntries() ? request.entries() : null;
        EventsErrors.validation().required("entries", entries).size("entries", entries, 1, MAX_ENTRIES).orThrow();
        if (entries.stream().mapToLong(EventOperations::size).sum() > MAX_REQUEST_BYTES) {
            throw EventsErrors.validation("Total size of the entries in the request is over the limit.");
        }
        List<PutEventsResultEntry> results = new ArrayList<>();
        int failed = 0;
        for (PutEventsRequestEntry entry : entries) {
            PutEventsResultEntry result = put(context, entry);
            failed += result.errorCode() == null ? 0 : 1;
            results.add(result);
        }
        return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    private PutEventsResultEntry put(RequestContext context, PutEventsRequestEntry entry) {
        Optional<PutEventsResultEntry> refused = refusal(entry);
        if (refused.isPresent()) {
            return refused.get();
        }
        EventsArns.BusLocation location = EventsArns.locate(context.scope(), entry.eventBusName());
        EventsState state = states.get(location.scope());
        BusRecord bus = state.findBus(location.name()).orElse(null);
        if (bus == null) {
            return failure("ResourceNotFoundException", "Event bus " + location.name() + " does not exist.");
        }
        if (!location.scope().account().equals(context.accountId())) {
            Principal principal = context.platform().access().principalOf(context.caller());
            RequestContextKeys keys = new RequestContextKeys().put("events:source", entry.source())
                    .put("events:detail-type", entry.detailType());
            Decision decision = policies.decide(principal, location.scope(), bus, "events:PutEvents", keys);
            if (!decision.allowed()) {
                return failure("AccessDeniedException",
                        BusPolicies.deniedMessage(principal, location.scope(), bus, "events:PutEvents", decision));
            }
        }
        // The sender's account, in the bus's region: what a rule on a shared bus sees in "account".
        Scope sender = new Scope(context.accountId(), location.scope().region());
        ObjectNode event = EventEnvelope.of(sender, entry.detailType(), entry.source(),
                entry.time() == null ? context.now() : entry.time(),
                entry.hasResources() ? entry.resources() : List.of(), detail(entry.detail()));
        ingestion.ingest(state, bus.name(), event);
        return PutEventsResultEntry.builder().eventId(event.get("id").asText()).build();
    }

    /** Why AWS refuses one entry on its own, if it does. */
    private static Optional<PutEventsResultEntry> refusal(PutEventsRequestEntry entry) {
        if (entry.source() == null || entry.source().isBlank()) {
            return Optional.of(failure("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument."));
        }
        if (entry.detailType() == null || entry.detailType().isBlank()) {
            return Optional.of(failure("InvalidArgument",
                    "Parameter DetailType is not valid. Reason: DetailType is a required argument."));
        }
        if (entry.detail() == null) {
            return Optional.of(failure("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument."));
        }
        if (detail(entry.detail()) == null) {
            return Optional.of(failure("MalformedDetail", "Detail is malformed."));
        }
        if (entry.source().startsWith("aws.")) {
            return Optional.of(failure("NotAuthorizedForSourceException", "Not authorized for the source."));
        }
        return Optional.empty();
    }

    /** The entry's detail if it is a JSON object, else null. */
    private static JsonNode detail(String text) {
        try {
            JsonNode detail = Json.MAPPER.readTree(text);
            return detail != null && detail.isObject() ? detail : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** An entry's size as AWS counts it against the 256 KB limit. */
    static long size(PutEventsRequestEntry entry) {
        long size = entry.time() == null ? 0 : 14;
        size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
        if (entry.hasResources()) {
            for (String resource : entry.resources()) {
                size += utf8(resource);
            }
        }
        return size;
    }

    private static long utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static PutEventsResultEntry failure(String code, String message) {
        return PutEventsResultEntry.builder().errorCode(code).errorMessage(message).build();
    }

    public TestEventPatternResponse testEventPattern(RequestContext context, TestEventPatternRequest request) {
        EventsErrors.validation()
                .required("eventPattern", request.eventPattern())
                .length("eventPattern", request.eventPattern(), 0, 4096)
                .required("event", request.event())
                .orThrow();
        EventPatterns.problem(request.eventPattern()).ifPresent(reason -> {
            throw EventsErrors.invalidEventPattern(reason);
        });
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(request.event());
        } catch (java.io.IOException e) {
            throw EventsErrors.validation("Parameter Event is not valid.");
        }
        if (event == null || !event.isObject() || !EVENT_MEMBERS.stream().allMatch(event::hasNonNull)) {
            throw EventsErrors.validation("Parameter Event is not valid.");
        }
        return TestEventPatternResponse.builder().result(EventPatterns.matches(request.eventPattern(), event)).build();
    }
}
