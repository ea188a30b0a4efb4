package gluelab.cloud.services.glue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Job runs and crawls that have ended but whose end not every listener has heard yet. Between the two, a conditional
 * trigger may be starting the next action of a workflow on another thread, so a workflow run that counts only what is
 * in flight could be ended too early; it counts these as active too. Job runs and crawls share this one notion.
 */
public final class EndsBeingHeard {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    /** Called while the end is stored, before anyone can see it. */
    public void ended(String id) {
        ids.add(id);
    }

    /** Called once every listener has heard the end. */
    public void heard(String id) {
        ids.remove(id);
    }

    public boolean beingHeard(String id) {
        return ids.contains(id);
    }
}
