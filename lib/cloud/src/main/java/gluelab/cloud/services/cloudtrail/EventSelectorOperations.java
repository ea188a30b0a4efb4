package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.provider.RequestContext;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;

/**
 * PutEventSelectors and GetEventSelectors: what a trail logs ({@link EventSelection} decides it per event). A trail
 * takes basic selectors or advanced ones, never both: up to 5 basic selectors with at most 250 data resources in all,
 * or advanced selectors with at most 500 values in all.
 */
public final class EventSelectorOperations {

    private static final int MAX_SELECTORS = 5;
    private static final int MAX_DATA_RESOURCES = 250;
    private static final int MAX_ADVANCED_VALUES = 500;

    private final Trails trails;

    EventSelectorOperations(Trails trails) {
        this.trails = trails;
    }

    public PutEventSelectorsResponse putEventSelectors(RequestContext context, PutEventSelectorsRequest request) {
        Trails.Located located = trails.findToChange(context, request.trailName());
        boolean basic = request.hasEventSelectors();
        boolean advanced = request.hasAdvancedEventSelectors();
        if (basic && advanced) {
            throw CloudTrailErrors.invalidParameter("InvalidParameterCombinationException",
                    "You can't use both EventSelectors and AdvancedEventSelectors in a PutEventSelectors request. "
                            + "Use EventSelectors or AdvancedEventSelectors, but not both.");
        }
        if (!basic && !advanced) {
            throw CloudTrailErrors.invalidSelectors("Specify EventSelectors or AdvancedEventSelectors.");
        }
        GetEventSelectorsResponse.Builder stored = GetEventSelectorsResponse.builder().trailARN(located.trail().trailARN());
        if (basic) {
            stored.eventSelectors(request.eventSelectors().stream().map(EventSelectorOperations::checked).toList());
            checkBasic(request.eventSelectors());
        } else {
            checkAdvanced(request.advancedEventSelectors());
            stored.advancedEventSelectors(request.advancedEventSelectors());
        }
        GetEventSelectorsResponse selectors = stored.build();
        located.home().selectors.put(located.name(), selectors);
        located.home().trails.update(located.name(), trail -> trail.toBuilder().hasCustomEventSelectors(true).build());
        return PutEventSelectorsResponse.builder().trailARN(selectors.trailARN())
                .eventSelectors(selectors.hasEventSelectors() ? selectors.eventSelectors() : null)
                .advancedEventSelectors(selectors.hasAdvancedEventSelectors() ? selectors.advancedEventSelectors() : null)
                .build();
    }

    public GetEventSelectorsResponse getEventSelectors(RequestContext context, GetEventSelectorsRequest request) {
        Trails.Located located = trails.find(context, request.trailName());
        GetEventSelectorsResponse selectors = located.home().selectors.get(located.name());
        return selectors != null ? selectors : GetEventSelectorsResponse.builder().trailARN(located.trail().trailARN())
                .eventSelectors(EventSelection.DEFAULT).build();
    }

    /** A basic selector with CloudTrail's defaults filled in, as GetEventSelectors shows it. */
    private static EventSelector checked(EventSelector selector) {
        return selector.toBuilder()
                .readWriteType(selector.readWriteType() == null ? ReadWriteType.ALL : selector.readWriteType())
                .includeManagementEvents(selector.includeManagementEvents() == null || selector.includeManagementEvents())
                .dataResources(selector.hasDataResources() ? selector.dataResources() : List.of())
                .excludeManagementEventSources(selector.hasExcludeManagementEventSources()
                        ? selector.excludeManagementEventSources() : List.of())
                .build();
    }

    private static void checkBasic(List<EventSelector> selectors) {
        if (selectors.size() > MAX_SELECTORS) {
            throw CloudTrailErrors.invalidSelectors("A trail can have at most " + MAX_SELECTORS + " event selectors.");
        }
        int values = 0;
        for (EventSelector selector : selectors) {
            if (selector.readWriteTypeAsString() != null && selector.readWriteType() == ReadWriteType.UNKNOWN_TO_SDK_VERSION) {
                throw CloudTrailErrors.invalidSelectors("ReadWriteType " + selector.readWriteTypeAsString()
                        + " is not valid: use ReadOnly, WriteOnly or All.");
            }
            for (DataResource data : selector.dataResources()) {
                if (!EventSelection.DATA_RESOURCE_TYPES.contains(data.type())) {
                    throw CloudTrailErrors.invalidSelectors("Value " + data.type() + " for DataResources.Type is "
                            + "not valid: Lab Cloud logs data events of " + EventSelection.DATA_RESOURCE_TYPES + ".");
                }
                for (String value : data.values()) {
                    String service = data.type().equals("AWS::S3::Object") ? "arn:aws:s3" : "arn:aws:lambda";
                    if (!value.startsWith(service)) {
                        throw CloudTrailErrors.invalidSelectors("Value " + value + " for DataResources.Values is "
                                + "not valid: write " + service + (service.endsWith("s3")
                                ? ":::bucket/prefix, arn:aws:s3:::bucket/ or arn:aws:s3" : " or a function's ARN") + ".");
                    }
                    values++;
                }
            }
        }
        if (values > MAX_DATA_RESOURCES) {
            throw CloudTrailErrors.invalidSelectors("A trail can log data events for at most " + MAX_DATA_RESOURCES
                    + " data resources.");
        }
    }

    private static void checkAdvanced(List<AdvancedEventSelector> selectors) {
        int values = 0;
        for (AdvancedEventSelector selector : selectors) {
            if (!selector.hasFieldSelectors() || selector.fieldSelectors().isEmpty()) {
                throw CloudTrailErrors.invalidSelectors("An advanced event selector needs at least one field selector.");
            }
            boolean category = false;
            for (AdvancedFieldSelector field : selector.fieldSelectors()) {
                if (field.field() == null || !EventSelection.ADVANCED_FIELDS.contains(field.field())) {
                    throw CloudTrailErrors.invalidSelectors("Field " + field.field() + " is not valid in an advanced "
                            + "event selector: use one of " + EventSelection.ADVANCED_FIELDS + ".");
                }
                category |= field.field().equals("eventCategory") && field.hasEqualsValue();
                values += field.equalsValue().size() + field.startsWith().size() + field.endsWith().size()
                        + field.notEquals().size() + field.notStartsWith().size() + field.notEndsWith().size();
            }
            if (!category) {
                throw CloudTrailErrors.invalidSelectors("Every advanced event selector needs an eventCategory field "
                        + "selector with Equals (Management or Data).");
            }
        }
        if (values > MAX_ADVANCED_VALUES) {
            throw CloudTrailErrors.invalidSelectors("Advanced event selectors can have at most " + MAX_ADVANCED_VALUES
                    + " values in all.");
        }
    }
}
