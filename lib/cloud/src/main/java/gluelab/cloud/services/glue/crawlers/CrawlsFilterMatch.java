package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.services.glue.GlueErrors;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.CrawlsFilter;
import software.amazon.awssdk.services.glue.model.FieldName;
import software.amazon.awssdk.services.glue.model.FilterOperator;

/**
 * One ListCrawls filter: a field (CRAWL_ID, STATE, START_TIME, END_TIME, DPU_HOUR), an operator (EQ, NE, GT, GE,
 * LT, LE) and a value. Times are given as ISO-8601 instants or epoch milliseconds; ids and states compare as text.
 */
record CrawlsFilterMatch(CrawlsFilter filter, Predicate<CrawlerHistory> predicate) {

    static CrawlsFilterMatch of(CrawlsFilter filter) {
        FieldName field = filter.fieldName();
        FilterOperator operator = filter.filterOperator();
        String value = filter.fieldValue();
        if (field == null || field == FieldName.UNKNOWN_TO_SDK_VERSION || operator == null
                || operator == FilterOperator.UNKNOWN_TO_SDK_VERSION || value == null) {
            throw GlueErrors.invalidInput("A crawls filter needs a FieldName, a FilterOperator and a FieldValue: " + filter);
        }
        Predicate<CrawlerHistory> predicate = switch (field) {
            case CRAWL_ID -> h -> compare(operator, h.crawlId() == null ? null : h.crawlId().compareTo(value));
            case STATE -> h -> compare(operator, h.stateAsString() == null ? null : h.stateAsString().compareTo(value));
            case START_TIME -> {
                Instant at = instant(value);
                yield h -> compare(operator, h.startTime() == null ? null : h.startTime().compareTo(at));
            }
            case END_TIME -> {
                Instant at = instant(value);
                yield h -> compare(operator, h.endTime() == null ? null : h.endTime().compareTo(at));
            }
            case DPU_HOUR -> {
                double hours = number(value);
                yield h -> compare(operator, h.dpuHour() == null ? null : Double.compare(h.dpuHour(), hours));
            }
            default -> throw GlueErrors.invalidInput("Unknown crawls filter field " + field);
        };
        return new CrawlsFilterMatch(filter, predicate);
    }

    boolean test(CrawlerHistory history) {
        return predicate.test(history);
    }

    /** Whether a comparison result satisfies the operator; a missing value satisfies none but NE. */
    private static boolean compare(FilterOperator operator, Integer comparison) {
        if (comparison == null) {
            return operator == FilterOperator.NE;
        }
        return switch (operator) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> false;
        };
    }

    private static Instant instant(String value) {
        try {
            return value.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value)) : Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw GlueErrors.invalidInput("Invalid time in crawls filter: " + value);
        }
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw GlueErrors.invalidInput("Invalid number in crawls filter: " + value);
        }
    }
}
