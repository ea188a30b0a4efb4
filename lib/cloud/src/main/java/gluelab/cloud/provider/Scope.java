package gluelab.cloud.provider;

/** An account and a region: the unit in which AWS keeps a service's resources apart. */
public record Scope(String account, String region) {

    /** The state-store name of one collection of a service in this scope. */
    public String mapName(String service, String collection) {
        return service + "/" + account + "/" + region + "/" + collection;
    }

    /** Reads a scope back from a map name written by {@link #mapName}. */
    public static Scope fromMapName(String mapName) {
        String[] parts = mapName.split("/", 4);
        return parts.length < 4 ? null : new Scope(parts[1], parts[2]);
    }
}
