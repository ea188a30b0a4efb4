package gluelab.cloud.services.cloudtrail;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;

/**
 * Which events a trail logs, by its event selectors, as CloudTrail decides it. A trail without selectors logs every
 * management event and no data event. A basic selector logs management events unless it excludes them (or their
 * source), and the data events of the resources its {@code DataResources} name: {@code arn:aws:s3:::bucket/prefix}
 * covers the objects under that prefix, {@code arn:aws:s3:::bucket/} (or the bucket alone) all of a bucket's objects,
 * {@code arn:aws:s3} every object; {@code ReadWriteType} narrows either to reads or writes. Advanced selectors log an
 * event when every field selector of one of them holds: {@code Equals}, {@code StartsWith}, {@code EndsWith} when
 * any value matches, their {@code Not} forms when none does, on {@code eventCategory}, {@code eventSource},
 * {@code eventName}, {@code readOnly}, {@code resources.type} and {@code resources.ARN}.
 */
final class EventSelection {

    static final Set<String> DATA_RESOURCE_TYPES = Set.of("AWS::S3::Object", "AWS::Lambda::Function");
    static final Set<String> ADVANCED_FIELDS = Set.of("eventCategory", "eventSource", "eventName", "readOnly",
            "resources.type", "resources.ARN", "eventType", "userIdentity.arn", "errorCode");
    /** What a trail logs before any PutEventSelectors: every management event, reads and writes. */
    static final EventSelector DEFAULT = EventSelector.builder().readWriteType(ReadWriteType.ALL)
            .includeManagementEvents(true).dataResources(List.of()).excludeManagementEventSources(List.of()).build();

    private EventSelection() {
    }

    static boolean logs(GetEventSelectorsResponse selectors, TrailEvent event) {
        if (selectors != null && selectors.hasAdvancedEventSelectors() && !selectors.advancedEventSelectors().isEmpty()) {
            return selectors.advancedEventSelectors().stream().anyMatch(selector -> matches(selector, event));
        }
        List<EventSelector> basic = selectors == null || !selectors.hasEventSelectors() ? List.of(DEFAULT)
                : selectors.eventSelectors();
        return basic.stream().anyMatch(selector -> matches(selector, event));
    }

    private static boolean matches(EventSelector selector, TrailEvent event) {
        ReadWriteType readWrite = selector.readWriteType() == null ? ReadWriteType.ALL : selector.readWriteType();
        if (readWrite == ReadWriteType.READ_ONLY && !event.readOnly() || readWrite == ReadWriteType.WRITE_ONLY && event.readOnly()) {
            return false;
        }
        if (event.management()) {
            return !Boolean.FALSE.equals(selector.includeManagementEvents())
                    && !selector.excludeManagementEventSources().contains(event.eventSource());
        }
        TrailEvent.Resource resource = event.dataResource();
        return selector.dataResources().stream().anyMatch(data -> covers(data, resource));
    }

    private static boolean covers(DataResource data, TrailEvent.Resource resource) {
        if (!resource.type().equals(data.type())) {
            return false;
        }
        for (String value : data.values()) {
            if (resource.type().equals("AWS::S3::Object")) {
                if (value.equals("arn:aws:s3") || value.equals("arn:aws:s3:::")
                        || resource.arn().startsWith(value.indexOf('/') < 0 ? value + "/" : value)) {
                    return true;
                }
            } else if (value.equals("arn:aws:lambda") || resource.arn().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(AdvancedEventSelector selector, TrailEvent event) {
        return selector.fieldSelectors().stream().allMatch(field -> matches(field, valueOf(field.field(), event)));
    }

    private static boolean matches(AdvancedFieldSelector field, String value) {
        return any(field.equalsValue(), value, String::equals, true)
                && any(field.startsWith(), value, String::startsWith, true)
                && any(field.endsWith(), value, String::endsWith, true)
                && !any(field.notEquals(), value, String::equals, false)
                && !any(field.notStartsWith(), value, String::startsWith, false)
                && !any(field.notEndsWith(), value, String::endsWith, false);
    }

    /** Whether {@code value} matches one of {@code operands}; {@code whenNone} if the selector has no such operator. */
    private static boolean any(List<String> operands, String value, BiPredicate<String, String> test, boolean whenNone) {
        if (operands == null || operands.isEmpty()) {
            return whenNone;
        }
        return value != null && operands.stream().anyMatch(operand -> test.test(value, operand));
    }

    private static String valueOf(String field, TrailEvent event) {
        TrailEvent.Resource resource = event.dataResource();
        return switch (field) {
            case "eventCategory" -> event.category();
            case "eventSource" -> event.eventSource();
            case "eventName" -> event.eventName();
            case "readOnly" -> Boolean.toString(event.readOnly());
            case "eventType" -> "AwsApiCall";
            case "resources.type" -> resource == null ? null : resource.type();
            case "resources.ARN" -> resource == null ? null : resource.arn();
            case "userIdentity.arn" -> event.record().get().path("userIdentity").path("arn").asText(null);
            case "errorCode" -> event.record().get().path("errorCode").asText(null);
            default -> null;
        };
    }
}
