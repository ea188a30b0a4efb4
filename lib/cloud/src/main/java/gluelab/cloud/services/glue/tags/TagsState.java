package gluelab.cloud.services.glue.tags;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;
import java.util.List;
import java.util.Map;

/** The tags of every Glue resource in one account and region, by the resource's ARN; durable. */
public final class TagsState {

    /** Where the jobs and crawlers areas kept their own tags before tags had one home. */
    private static final List<String> EARLIER_COLLECTIONS = List.of("jobs/tags", "crawlers/tags");

    final DurableMap<ResourceTags> byArn;

    public TagsState(Scope scope, StateStore store) {
        Codec<ResourceTags> codec = Codec.of(ResourceTags.class);
        this.byArn = store.map(scope.mapName(Tagging.SERVICE, "tags"), codec);
        // A state directory written by an earlier Lab Cloud keeps its tags: they move here once.
        for (String collection : EARLIER_COLLECTIONS) {
            DurableMap<ResourceTags> earlier = store.map(scope.mapName(Tagging.SERVICE, collection), codec);
            for (Map.Entry<String, ResourceTags> entry : List.copyOf(earlier.view().entrySet())) {
                byArn.putIfAbsent(entry.getKey(), entry.getValue());
                earlier.remove(entry.getKey());
            }
        }
    }
}
