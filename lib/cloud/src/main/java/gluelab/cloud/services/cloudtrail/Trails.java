package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * Finding trails. A trail lives in its home region; a multi-region trail is also seen, as a "shadow", in every other
 * region of its account, where it can be read but not changed. Requests name a trail by name or by ARN.
 */
final class Trails {

    /** A trail and the state of its home region. */
    record Located(CloudTrailState home, Trail trail) {

        String name() {
            return trail.name();
        }

        Scope scope() {
            return home.scope;
        }
    }

    private final AccountRegionStore<CloudTrailState> states;

    Trails(AccountRegionStore<CloudTrailState> states) {
        this.states = states;
    }

    /** The trail a request names, whose home is the caller's region or which is a multi-region trail of its account. */
    Located find(RequestContext context, String nameOrArn) {
        Scope caller = context.scope();
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            throw CloudTrailErrors.invalidParameter("TrailNotProvidedException", "Trail name or ARN is required.");
        }
        Optional<Arn> arn = Arn.parse(nameOrArn);
        Optional<Located> found;
        if (arn.isPresent()) {
            Arn trailArn = arn.get();
            if (!trailArn.service().equals(CloudTrailProvider.SERVICE) || !trailArn.resourceType().equals("trail")) {
                throw CloudTrailErrors.invalidTrailName("Trail ARN " + nameOrArn + " is not valid.");
            }
            found = trailArn.account().equals(caller.account())
                    ? located(new Scope(trailArn.account(), trailArn.region()), trailArn.resourceId()) : Optional.empty();
        } else {
            TrailNames.require(nameOrArn);
            found = located(caller, nameOrArn).or(() -> shadow(caller, nameOrArn));
        }
        return found.filter(l -> l.scope().equals(caller) || Boolean.TRUE.equals(l.trail().isMultiRegionTrail()))
                .orElseThrow(() -> CloudTrailErrors.trailNotFound(caller, nameOrArn));
    }

    /** As {@link #find}, for a change, which only the trail's home region may make. */
    Located findToChange(RequestContext context, String nameOrArn) {
        Located located = find(context, nameOrArn);
        if (!located.scope().region().equals(context.region())) {
            throw CloudTrailErrors.notHomeRegion(located.trail().trailARN(), located.scope().region());
        }
        return located;
    }

    /** The trails visible in a region: its own, and, with shadows, the account's multi-region trails of other regions. */
    List<Located> visible(Scope scope, boolean withShadows) {
        List<Located> visible = new ArrayList<>();
        states.all().forEach((home, state) -> {
            if (!home.account().equals(scope.account())) {
                return;
            }
            for (Trail trail : state.trails.values()) {
                if (home.equals(scope) || withShadows && Boolean.TRUE.equals(trail.isMultiRegionTrail())) {
                    visible.add(new Located(state, trail));
                }
            }
        });
        return visible;
    }

    /** Whether a trail of this name is seen in the region (its own, or a multi-region one), or anywhere if it will be. */
    boolean nameTaken(Scope scope, String name, boolean multiRegion) {
        return (multiRegion ? visibleAnywhere(scope.account()) : visible(scope, true)).stream()
                .anyMatch(l -> l.name().equals(name));
    }

    private List<Located> visibleAnywhere(String account) {
        List<Located> all = new ArrayList<>();
        states.all().forEach((home, state) -> {
            if (home.account().equals(account)) {
                state.trails.values().forEach(trail -> all.add(new Located(state, trail)));
            }
        });
        return all;
    }

    /** Looks in a scope's state only if it has one, so a made-up ARN creates nothing. */
    private Optional<Located> located(Scope home, String name) {
        return Optional.ofNullable(states.all().get(home))
                .flatMap(state -> Optional.ofNullable(state.trails.get(name)).map(trail -> new Located(state, trail)));
    }

    private Optional<Located> shadow(Scope caller, String name) {
        return visible(caller, true).stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
