package gluelab.cloud.services.glue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The two halves of a Glue batch get (BatchGetJobs, BatchGetTriggers): what was found, and the names that were not. */
public record BatchLookup<T>(List<T> found, List<String> notFound) {

    public static <T> BatchLookup<T> of(List<String> names, Function<String, T> find) {
        List<T> found = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String name : names) {
            T item = name == null ? null : find.apply(name);
            if (item != null) {
                found.add(item);
            } else {
                notFound.add(name);
            }
        }
        return new BatchLookup<>(found, notFound);
    }
}
