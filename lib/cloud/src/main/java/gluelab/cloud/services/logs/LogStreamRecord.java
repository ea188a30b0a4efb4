package gluelab.cloud.services.logs;

/**
 * A log stream as the state store keeps it. {@code id} is a random number fixed at creation: it names the
 * stream's event file and is part of its events' ids and tokens, so a stream deleted and created again
 * under the same name never sees the old one's events or tokens.
 */
record LogStreamRecord(String groupName, String name, long creationTime, long id) {
}
