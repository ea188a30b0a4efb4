package gluelab.cloud.services.glue;

import gluelab.cloud.provider.AccountRegionStore;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** How {@code /_lab/reset} removes one kind of Glue resource: those whose name starts with a prefix, or all of them. */
public final class PrefixReset {

    private PrefixReset() {
    }

    /**
     * @param names  the names of the resources in one account and region
     * @param remove removes one of them, with what belongs to it
     * @return how many were removed, in every account and region
     */
    public static <S> int remove(AccountRegionStore<S> states, Function<S, Collection<String>> names, String prefix,
                                 BiConsumer<S, String> remove) {
        int removed = 0;
        for (S state : states.all().values()) {
            for (String name : List.copyOf(names.apply(state))) {
                if (prefix == null || name.startsWith(prefix)) {
                    remove.accept(state, name);
                    removed++;
                }
            }
        }
        return removed;
    }
}
