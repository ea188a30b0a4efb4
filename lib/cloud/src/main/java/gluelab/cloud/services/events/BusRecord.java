package gluelab.cloud.services.events;

import java.time.Instant;

/**
 * One event bus of an account and region: the default one, which every account has in every region, or a custom one.
 *
 * @param policy the bus's resource policy (PutPermission), or null
 */
record BusRecord(String name, String description, String policy, Instant created, Instant lastModified) {

    BusRecord withPolicy(String newPolicy, Instant now) {
        return new BusRecord(name, description, newPolicy, created, now);
    }
}
