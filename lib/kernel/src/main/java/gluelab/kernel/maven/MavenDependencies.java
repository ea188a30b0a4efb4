package gluelab.kernel.maven;

import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.RepositorySystemSession.SessionBuilder;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A notebook's Maven dependencies, resolved by Maven Resolver as the {@code mvn} command resolves them (Maven 3's
 * POM model, nearest version wins, test and provided dependencies of dependencies left out), from the user's local
 * repository first, without touching the network when everything is there, else from Maven Central and the
 * repositories added to the session. The lab's own class path has the last word ({@link LabClasspath}).
 */
public final class MavenDependencies implements AutoCloseable {

    public static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();
    /** What code compiled against an artifact needs at run time, as {@code mvn} puts it on a class path. */
    public static final List<String> RUNTIME_SCOPES = List.of("compile", "runtime");

    private final MavenSettings settings;
    private final LabClasspath lab;
    private final List<RemoteRepository> addedRepositories = new ArrayList<>();
    /** What this session's class path got from Maven so far, by group:artifact:classifier. */
    private final Map<String, ResolvedArtifact> added = new HashMap<>();
    private RepositorySystem system;

    public MavenDependencies(MavenSettings settings, LabClasspath lab) {
        this.settings = settings;
        this.lab = lab;
    }

    /** A repository searched after Maven Central by later {@link #resolve(List)} calls; the same id replaces it. */
    public void addRepository(String id, String url) throws MavenException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new MavenException("\"" + url + "\" is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !List.of("http", "https", "file").contains(uri.getScheme())) {
            throw new MavenException("\"" + url + "\" is not a repository URL: give an https://, http:// or file: URL");
        }
        addedRepositories.removeIf(repository -> repository.getId().equals(id));
        addedRepositories.add(new RemoteRepository.Builder(id, "default", url).build());
    }

    /** Artifacts by coordinates ({@code group:artifact[:type[:classifier]]:version}), with their runtime dependencies. */
    public Resolution resolve(List<String> coordinates) throws MavenException {
        List<Dependency> dependencies = new ArrayList<>();
        for (String coordinate : coordinates) {
            try {
                dependencies.add(new Dependency(new DefaultArtifact(coordinate), "compile"));
            } catch (IllegalArgumentException e) {
                throw new MavenException("\"" + coordinate + "\" are not Maven coordinates: write group:artifact:version "
                        + "(or group:artifact:type[:classifier]:version), e.g. org.apache.commons:commons-text:1.12.0");
            }
        }
        List<RemoteRepository> repositories = new ArrayList<>(List.of(CENTRAL));
        repositories.addAll(addedRepositories);
        CollectRequest request = new CollectRequest(dependencies, List.of(), repositories);
        return resolve(request, RUNTIME_SCOPES, null);
    }

    /**
     * The dependencies a POM declares in {@code scopes}, as a build of that POM would see them (properties, parent,
     * imported BOMs), from its repositories and Maven Central; as IJava does, not from {@link #addRepository}'s.
     */
    public Resolution resolvePom(String pomOrFragment, List<String> scopes) throws MavenException {
        PomText pom = PomText.of(pomOrFragment);
        Path file = null;
        try {
            file = Files.createTempFile("gluelab-notebook-", ".pom");
            Files.writeString(file, pom.xml(), StandardCharsets.UTF_8);
            WorkspaceReader workspace = new NotebookPom(pom.coordinates(), file);
            List<RemoteRepository> central = List.of(CENTRAL);
            ArtifactDescriptorResult descriptor = offlineFirst(workspace, central, session -> system().readArtifactDescriptor(
                    session, new ArtifactDescriptorRequest(pom.coordinates(), central, null)));
            if (!descriptor.getExceptions().isEmpty()) {
                throw new MavenException("the POM cannot be used: " + descriptor.getExceptions().get(0).getMessage());
            }
            List<Dependency> dependencies = descriptor.getDependencies().stream()
                    .filter(dependency -> scopes.contains(dependency.getScope()))
                    .toList();
            Map<String, RemoteRepository> repositories = new LinkedHashMap<>();
            repositories.put(CENTRAL.getId(), CENTRAL);
            descriptor.getRepositories().forEach(repository -> repositories.putIfAbsent(repository.getId(), repository));
            CollectRequest request = new CollectRequest(dependencies, descriptor.getManagedDependencies(),
                    List.copyOf(repositories.values()));
            return resolve(request, scopes, workspace);
        } catch (IOException e) {
            throw new MavenException("cannot write the POM to a temporary file: " + e.getMessage());
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (system != null) {
            system.shutdown();
            system = null;
        }
    }

    private Resolution resolve(CollectRequest request, List<String> scopes, WorkspaceReader workspace) throws MavenException {
        return offlineFirst(workspace, request.getRepositories(), session -> {
            List<Dependency> managed = new ArrayList<>(request.getManagedDependencies());
            managed.addAll(managedByTheLab(session, request.getRepositories()));
            CollectRequest managedRequest = new CollectRequest(request.getDependencies(), managed, request.getRepositories());
            DependencyNode root = system().collectDependencies(session, managedRequest).getRoot();
            Map<ResolvedArtifact, DependencyNode> graph = new LinkedHashMap<>();
            flatten(root, null, Set.copyOf(scopes), new HashSet<>(), graph);
            List<String> refusals = graph.keySet().stream().map(lab::refusal).flatMap(Optional::stream).toList();
            if (!refusals.isEmpty()) {
                throw new MavenException(String.join("\n", refusals));
            }
            List<ResolvedArtifact> alreadyPresent = new ArrayList<>();
            List<String> leftOut = new ArrayList<>();
            List<ArtifactRequest> fetch = new ArrayList<>();
            List<ResolvedArtifact> fetched = new ArrayList<>();
            for (Map.Entry<ResolvedArtifact, DependencyNode> entry : graph.entrySet()) {
                ResolvedArtifact artifact = entry.getKey();
                ResolvedArtifact earlier = added.get(key(artifact));
                Optional<LabClasspath.LabJar> labs = lab.sameArtifact(artifact);
                if (earlier != null || labs.isPresent()) {
                    String present = earlier != null ? earlier.version() : labs.get().version();
                    if (present.equals(artifact.version())) {
                        alreadyPresent.add(artifact);
                    } else {
                        leftOut.add(artifact.coordinates() + artifact.neededByClause() + ": the class path already has "
                                + (earlier != null ? "version " + present + ", from an earlier %maven"
                                : "the lab's " + present + " (" + labs.get().jar().getFileName() + ")")
                                + ", and it holds one version of a library; " + present + " is used");
                    }
                } else {
                    fetch.add(new ArtifactRequest(entry.getValue()));
                    fetched.add(artifact);
                }
            }
            List<ArtifactResult> results = system().resolveArtifacts(session, fetch);
            List<ResolvedArtifact> jars = new ArrayList<>();
            List<String> overlaps = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                ArtifactResult result = results.get(i);
                ResolvedArtifact jar = fetched.get(i).downloaded(result.getArtifact().getPath(), origin(result.getRepository()));
                jars.add(jar);
                lab.overlaps(jar.file()).forEach((labJar, packages) -> overlaps.add(jar.coordinates() + jar.neededByClause()
                        + " has classes the kernel already loads from " + labJar + " (" + describePackages(packages)
                        + "): those load from " + labJar + ", never from " + jar.file().getFileName()));
            }
            jars.forEach(jar -> added.put(key(jar), jar));
            return new Resolution(jars, alreadyPresent, leftOut, overlaps);
        });
    }

    /**
     * The versions of {@link LabClasspath#managingBom}, which apply to dependencies of dependencies (what a notebook
     * asks for directly keeps its version). Without the BOM at hand, nothing is managed: the verdicts still apply.
     */
    private List<Dependency> managedByTheLab(CloseableSession session, List<RemoteRepository> repositories) {
        Artifact bom = new DefaultArtifact(lab.managingBom().replaceFirst(":([^:]+)$", ":pom:$1"));
        try {
            return system().readArtifactDescriptor(session, new ArtifactDescriptorRequest(bom, repositories, null))
                    .getManagedDependencies();
        } catch (RepositoryException e) {
            return List.of();
        }
    }

    /** Visits the graph after Maven's mediation, each artifact once, in the order {@code mvn dependency:tree} lists them. */
    private static void flatten(DependencyNode node, String parent, Set<String> scopes, Set<String> seen,
                                Map<ResolvedArtifact, DependencyNode> graph) {
        for (DependencyNode child : node.getChildren()) {
            Dependency dependency = child.getDependency();
            Artifact artifact = child.getArtifact();
            if (dependency == null || !scopes.contains(dependency.getScope())
                    || !seen.add(artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getExtension() + ":" + artifact.getClassifier())) {
                continue;
            }
            ResolvedArtifact resolved = new ResolvedArtifact(artifact.getGroupId(), artifact.getArtifactId(),
                    artifact.getClassifier(), artifact.getVersion(), parent, null, null);
            // A dependency of type pom (a BOM-like aggregate) is no class path entry, but what it depends on is.
            if (artifact.getExtension().equals("jar")) {
                graph.put(resolved, child);
            }
            flatten(child, resolved.coordinates(), scopes, seen, graph);
        }
    }

    /** A step that reads or fetches artifacts, run in a session. */
    private interface Step<T> {
        T run(CloseableSession session) throws RepositoryException, MavenException;
    }

    /**
     * Runs {@code step} offline (the local repository only: no network, nothing to wait for), and again online if
     * that fails and Maven is not set to offline.
     */
    private <T> T offlineFirst(WorkspaceReader workspace, List<RemoteRepository> repositories, Step<T> step) throws MavenException {
        try (CloseableSession session = session(true, workspace)) {
            return step.run(session);
        } catch (RepositoryException offlineFailure) {
            if (settings.offline()) {
                throw notResolved(offlineFailure, repositories);
            }
        }
        try (CloseableSession session = session(false, workspace)) {
            return step.run(session);
        } catch (RepositoryException failure) {
            throw notResolved(failure, repositories);
        }
    }

    private CloseableSession session(boolean offline, WorkspaceReader workspace) {
        SessionBuilder builder = new SessionBuilderSupplier(system()).get()
                .withLocalRepositoryBaseDirectories(settings.localRepository())
                .setOffline(offline)
                // Offline means no network: repositories on this machine's disk are still read.
                .setConfigProperty("aether.offline.protocols", "file")
                // POMs activate profiles by JDK and OS, as under mvn.
                .setSystemProperties(System.getProperties());
        if (workspace != null) {
            builder.setWorkspaceReader(workspace);
        }
        return builder.build();
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    /** The error for a failed resolution: what was missing, and every place that was, or was not, searched. */
    private MavenException notResolved(RepositoryException failure, List<RemoteRepository> repositories) {
        List<String> missing = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ArtifactResolutionException resolution) {
                resolution.getResults().stream().filter(result -> !result.isResolved())
                        .map(result -> describe(result.getRequest().getArtifact()))
                        .forEach(missing::add);
                break;
            }
        }
        if (missing.isEmpty()) {
            return new MavenException("could not resolve: " + failure.getMessage());
        }
        List<RemoteRepository> searched = repositories.stream()
                .filter(repository -> !settings.offline() || repository.getProtocol().equals("file")).toList();
        List<RemoteRepository> skipped = repositories.stream().filter(repository -> !searched.contains(repository)).toList();
        String where = "the local repository " + settings.localRepository()
                + (searched.isEmpty() ? "" : ", then " + list(searched));
        String offline = skipped.isEmpty() ? "" : ". Maven is offline (<offline>true</offline> in " + settings.settingsFile()
                + "), so " + list(skipped) + (skipped.size() == 1 ? " was" : " were") + " not searched";
        return new MavenException(String.join(", ", missing) + (missing.size() == 1 ? " was" : " were")
                + " not found. Looked in " + where + offline + ".");
    }

    private static String list(List<RemoteRepository> repositories) {
        return repositories.stream().map(repository -> repository.getId() + " (" + repository.getUrl() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String describe(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId()
                + (artifact.getClassifier().isEmpty() ? "" : ":" + artifact.getExtension() + ":" + artifact.getClassifier())
                + ":" + artifact.getVersion();
    }

    private static String origin(ArtifactRepository repository) {
        if (repository instanceof RemoteRepository remote) {
            return "downloaded from " + remote.getId() + " (" + remote.getUrl() + ")";
        }
        return repository instanceof LocalRepository ? "local repository" : "workspace";
    }

    private static String describePackages(List<String> packages) {
        return packages.size() <= 3 ? "package " + String.join(", ", packages)
                : "packages " + String.join(", ", packages.subList(0, 3)) + " and " + (packages.size() - 3) + " more";
    }

    private static String key(ResolvedArtifact artifact) {
        return artifact.groupId() + ":" + artifact.artifactId() + ":" + artifact.classifier();
    }

    /** Serves the notebook's POM to the resolver as if it were in a repository, so Maven reads it as a build would. */
    private record NotebookPom(Artifact coordinates, Path file) implements WorkspaceReader {

        private static final WorkspaceRepository REPOSITORY = new WorkspaceRepository("notebook");

        @Override
        public WorkspaceRepository getRepository() {
            return REPOSITORY;
        }

        @Override
        public File findArtifact(Artifact artifact) {
            return isThePom(artifact) ? file.toFile() : null;
        }

        @Override
        public List<String> findVersions(Artifact artifact) {
            return isThePom(artifact) ? List.of(coordinates.getVersion()) : List.of();
        }

        private boolean isThePom(Artifact artifact) {
            return artifact.getExtension().equals("pom") && artifact.getGroupId().equals(coordinates.getGroupId())
                    && artifact.getArtifactId().equals(coordinates.getArtifactId())
                    && artifact.getVersion().equals(coordinates.getVersion());
        }
    }
}
