package gluelab.kernel.maven;

import java.util.List;

/**
 * What a request resolved to: the jars to add to the class path, the artifacts already there in the same version,
 * those left out because the kernel has another version (each with why), and jars that duplicate classes of the
 * kernel (each with which).
 */
public record Resolution(List<ResolvedArtifact> added, List<ResolvedArtifact> alreadyPresent, List<String> leftOut,
                         List<String> overlapWarnings) {
}
