package gluelab.kernel.maven;

import java.nio.file.Path;

/**
 * One artifact of a resolution: its coordinates, its jar once downloaded (null before), which artifact of the
 * graph asked for it (null for one asked for directly) and where the jar came from.
 */
public record ResolvedArtifact(String groupId, String artifactId, String classifier, String version, String neededBy,
                               Path file, String origin) {

    /** {@code group:artifact:version}, or {@code group:artifact:jar:classifier:version} for a classified jar. */
    public String coordinates() {
        return groupId + ":" + artifactId + (classifier.isEmpty() ? "" : ":jar:" + classifier) + ":" + version;
    }

    /** Who asked for it, for messages: {@code " (needed by a:b:1)"}, or nothing for an artifact asked for directly. */
    public String neededByClause() {
        return neededBy == null ? "" : " (needed by " + neededBy + ")";
    }

    ResolvedArtifact downloaded(Path jar, String from) {
        return new ResolvedArtifact(groupId, artifactId, classifier, version, neededBy, jar, from);
    }
}
