package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.Validation;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;

/**
 * ListSecrets' and BatchGetSecretValue's filters, as AWS applies them: a secret passes when it passes every filter; a
 * filter passes when one of its values is a prefix of what its key names (the name, the description, a tag key or
 * value, any of those for {@code all}); a value starting with {@code !} passes when nothing has it as a prefix.
 */
final class SecretFilters {

    private final List<Filter> filters;

    private SecretFilters(List<Filter> filters) {
        this.filters = filters;
    }

    static SecretFilters of(List<Filter> filters) {
        Validation check = Validation.of("InvalidParameterException").size("filters", filters, 0, 10);
        for (Filter filter : filters) {
            check.required("filters.member.key", filter.keyAsString())
                    .oneOf("filters.member.key", filter.keyAsString(), FilterNameStringType.knownValues().stream()
                            .map(FilterNameStringType::toString).sorted().toList())
                    .size("filters.member.values", filter.hasValues() ? filter.values() : null, 1, 10);
        }
        check.orThrow();
        return new SecretFilters(List.copyOf(filters));
    }

    boolean matches(SecretRecord secret) {
        return filters.stream().allMatch(filter -> matches(filter, secret));
    }

    private static boolean matches(Filter filter, SecretRecord secret) {
        List<String> fields = fields(filter.key(), secret);
        for (String value : filter.values()) {
            boolean negated = value.startsWith("!");
            String prefix = negated ? value.substring(1) : value;
            boolean found = fields.stream().anyMatch(field -> field != null && field.startsWith(prefix));
            if (found != negated) {
                return true;
            }
        }
        return false;
    }

    private static List<String> fields(FilterNameStringType key, SecretRecord secret) {
        Function<SecretRecord, Stream<String>> fields = switch (key) {
            case NAME -> s -> Stream.of(s.name());
            case DESCRIPTION -> s -> Stream.of(s.description());
            case TAG_KEY -> s -> s.tags().keySet().stream();
            case TAG_VALUE -> s -> s.tags().values().stream();
            case ALL -> s -> Stream.concat(Stream.of(s.name(), s.description()),
                    Stream.concat(s.tags().keySet().stream(), s.tags().values().stream()));
            default -> s -> Stream.empty();
        };
        return fields.apply(secret).toList();
    }
}
