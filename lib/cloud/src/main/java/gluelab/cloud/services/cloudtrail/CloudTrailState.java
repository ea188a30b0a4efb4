package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * The trails whose home is one account and region, all durable, each kept as the shapes CloudTrail answers with:
 * the trail itself, its logging status, and its event selectors. Compound changes hold this object's monitor.
 */
final class CloudTrailState {

    final Scope scope;
    final DurableMap<Trail> trails;
    final DurableMap<GetTrailStatusResponse> statuses;
    final DurableMap<GetEventSelectorsResponse> selectors;

    CloudTrailState(Scope scope, StateStore store) {
        this.scope = scope;
        this.trails = store.map(scope.mapName(CloudTrailProvider.SERVICE, "trails"), ShapeCodec.of(Trail.class));
        this.statuses = store.map(scope.mapName(CloudTrailProvider.SERVICE, "statuses"),
                ShapeCodec.of(GetTrailStatusResponse.class));
        this.selectors = store.map(scope.mapName(CloudTrailProvider.SERVICE, "selectors"),
                ShapeCodec.of(GetEventSelectorsResponse.class));
    }

    void remove(String name) {
        trails.remove(name);
        statuses.remove(name);
        selectors.remove(name);
    }
}
