package gluelab.cloud.services.events;

import java.util.Map;
import java.util.TreeMap;

/** The tags of one EventBridge resource (a bus or a rule), by key. */
record TagSet(Map<String, String> tags) {

    TagSet {
        tags = new TreeMap<>(tags);
    }
}
