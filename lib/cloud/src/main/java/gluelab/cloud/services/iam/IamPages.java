package gluelab.cloud.services.iam;

import gluelab.cloud.provider.Pages;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * IAM's paging: {@code Marker} and {@code MaxItems} (1–1000, 100 by default) in, {@code IsTruncated} and
 * {@code Marker} out. The marker is the framework's page token.
 */
final class IamPages {

    private static final Pages PAGES = new Pages(IamConstraints::paging,
            marker -> IamErrors.invalidInput("Invalid Marker: " + marker));
    private static final Pages.Limits LIMITS = new Pages.Limits("maxItems", 100, 1000);

    private IamPages() {
    }

    /** One page of {@code sorted}, whose {@code sortKey}s increase in {@code order}. */
    static <T> Pages.Page<T> page(List<T> sorted, Function<T, String> sortKey, Comparator<String> order, String marker,
                                  Integer maxItems) {
        IamConstraints.check().marker(marker).orThrow();
        return PAGES.page(sorted, sortKey, order, marker, maxItems, LIMITS);
    }

    static <T> Pages.Page<T> page(List<T> sorted, Function<T, String> sortKey, String marker, Integer maxItems) {
        return page(sorted, sortKey, Comparator.naturalOrder(), marker, maxItems);
    }
}
