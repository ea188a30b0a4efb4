package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;
import java.util.List;
import java.util.Optional;

/** Every kind of target EventBridge delivers to, tried in order: the first that delivers to an ARN takes it. */
public final class TargetKinds {

    private final List<TargetKind> kinds;

    public TargetKinds(List<TargetKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** The kind that delivers to {@code target}, or empty when EventBridge in Lab Cloud has none for it. */
    public Optional<TargetKind> kindFor(Arn target) {
        return kinds.stream().filter(kind -> kind.delivers(target)).findFirst();
    }
}
