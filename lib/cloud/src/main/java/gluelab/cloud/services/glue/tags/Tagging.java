package gluelab.cloud.services.glue.tags;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.glue.GlueErrors;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The tags of Glue's resources, in one place for every kind: given at creation ({@code Tags} of CreateJob,
 * CreateTrigger, CreateCrawler, CreateDatabase), changed and read through the tagging operations, used by the
 * List operations' tag filters, and forgotten with the resource. Each part of Glue registers the kinds of resource
 * it keeps ({@link #register}), so the tagging operations can tell a resource that exists from one that does not
 * without knowing how any part keeps its resources.
 */
public final class Tagging {

    static final String SERVICE = "glue";
    /** "A maximum of 50 tags are supported per entity." */
    static final int MAX_TAGS = 50;
    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_VALUE_LENGTH = 256;
    private static final String RESERVED_PREFIX = "aws:";

    /** How one kind of resource is found: its name as Glue keeps it, if it exists. */
    @FunctionalInterface
    public interface Resources {
        Optional<String> find(Scope scope, String name);

        /** Resources whose names are kept as given (all but the catalog's, which folds them to lower case). */
        static Resources named(BiPredicate<Scope, String> exists) {
            return (scope, name) -> exists.test(scope, name) ? Optional.of(name) : Optional.empty();
        }
    }

    /** A registered kind of resource, and how Glue says one of them is not there. */
    record Kind(Resources resources, Function<String, AwsServiceException> notFound) {
    }

    private final AccountRegionStore<TagsState> states;
    private final Map<TaggedType, Kind> kinds = new EnumMap<>(TaggedType.class);

    public Tagging(AccountRegionStore<TagsState> states) {
        this.states = states;
    }

    /** Makes resources of {@code type} taggable through the tagging operations. */
    public synchronized void register(TaggedType type, Resources resources, Function<String, AwsServiceException> notFound) {
        kinds.put(type, new Kind(resources, notFound));
    }

    synchronized Optional<Kind> kind(TaggedType type) {
        return Optional.ofNullable(kinds.get(type));
    }

    // ---- what the parts of Glue do with tags ----------------------------------------------------

    /**
     * The tags a create request gives ({@code member} is e.g. {@code tags}), checked as TagResource checks its
     * TagsToAdd, so a create with tags Glue would refuse creates nothing.
     */
    public static ResourceTags checked(String member, Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return ResourceTags.NONE;
        }
        checkModel(member, tags);
        return new ResourceTags(tags);
    }

    /** Sets a new resource's tags (none is nothing to keep). */
    public void tagNew(Scope scope, TaggedType type, String name, ResourceTags tags) {
        if (!tags.tags().isEmpty()) {
            TagsState state = states.get(scope);
            synchronized (state) {
                state.byArn.put(type.arn(scope, name).toString(), tags);
            }
        }
    }

    public ResourceTags of(Scope scope, TaggedType type, String name) {
        return states.get(scope).byArn.find(type.arn(scope, name).toString()).orElse(ResourceTags.NONE);
    }

    /** Whether the resource has every {@code wanted} tag; with none wanted, every resource matches. */
    public boolean matches(Scope scope, TaggedType type, String name, Map<String, String> wanted) {
        return wanted == null || wanted.isEmpty() || of(scope, type, name).containsAll(wanted);
    }

    /** Forgets a deleted resource's tags, so one created again under its name starts without them. */
    public void forget(Scope scope, TaggedType type, String name) {
        TagsState state = states.get(scope);
        synchronized (state) {
            state.byArn.remove(type.arn(scope, name).toString());
        }
    }

    // ---- what the tagging operations do ---------------------------------------------------------

    ResourceTags of(Scope scope, String arn) {
        return states.get(scope).byArn.find(arn).orElse(ResourceTags.NONE);
    }

    /**
     * Adds tags to a resource; the result may hold no more than {@link #MAX_TAGS}.
     *
     * @param resource the ARN the resource's tags are kept under, or the error for a resource that is not there:
     *                 asked while no tags can be forgotten, so a resource deleted meanwhile is left without tags
     */
    void add(Scope scope, Supplier<String> resource, Map<String, String> added) {
        TagsState state = states.get(scope);
        synchronized (state) {
            String arn = resource.get();
            ResourceTags tags = of(scope, arn).plus(added);
            if (tags.tags().size() > MAX_TAGS) {
                throw GlueErrors.invalidInput("A resource can have at most " + MAX_TAGS + " tags; "
                        + tags.tags().size() + " were requested.");
            }
            state.byArn.put(arn, tags);
        }
    }

    void remove(Scope scope, Supplier<String> resource, Collection<String> keys) {
        TagsState state = states.get(scope);
        synchronized (state) {
            String arn = resource.get();
            ResourceTags tags = of(scope, arn).minus(keys);
            if (tags.tags().isEmpty()) {
                state.byArn.remove(arn);
            } else {
                state.byArn.put(arn, tags);
            }
        }
    }

    /** The model's constraints on a tags map, then Glue's own rule that the {@code aws:} prefix is AWS's. */
    static void checkModel(String member, Map<String, String> tags) {
        Validation.of(GlueErrors.VALIDATION)
                .size(member, tags, 0, MAX_TAGS)
                .constraint(member, tags, tags.keySet().stream().allMatch(k -> k != null && !k.isEmpty()
                                && k.length() <= MAX_KEY_LENGTH),
                        "Map keys must satisfy constraint: [Member must have length less than or equal to "
                                + MAX_KEY_LENGTH + ", Member must have length greater than or equal to 1]")
                .constraint(member, tags, tags.values().stream().allMatch(v -> v == null || v.length() <= MAX_VALUE_LENGTH),
                        "Map value must satisfy constraint: [Member must have length less than or equal to "
                                + MAX_VALUE_LENGTH + ", Member must have length greater than or equal to 0]")
                .orThrow();
        tags.forEach((key, value) -> {
            if (reserved(key) || reserved(value)) {
                throw GlueErrors.invalidInput("Tag keys and values cannot start with the reserved prefix aws: (" + key
                        + "=" + value + ").");
            }
        });
    }

    private static boolean reserved(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX);
    }
}
