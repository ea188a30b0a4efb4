package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.connections.ConnectionSecrets;
import gluelab.cloud.services.glue.crawlers.inference.CrawlObjects;
import gluelab.cloud.services.glue.crawlers.inference.InferredTable;
import gluelab.cloud.services.glue.crawlers.inference.S3ObjectSummary;
import gluelab.cloud.services.glue.crawlers.inference.S3Target;
import gluelab.cloud.services.glue.crawlers.inference.TableInference;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.glue.model.CrawlerTargets;
import software.amazon.awssdk.services.glue.model.GetDatabaseRequest;

/**
 * One crawl of a crawler's S3 and JDBC targets: checks its output database, reads the S3 targets through
 * {@link S3CrawlObjects} (only unseen folders with CRAWL_NEW_FOLDERS_ONLY) and infers their tables with
 * {@link TableInference}, reads the JDBC targets' databases through their connections ({@link JdbcCrawl}), and only
 * then writes every table found through {@link CatalogChanges}, so a target that fails leaves the catalog as it was.
 * Other kinds of targets (DynamoDB, catalog, …) fail the crawl, saying so.
 */
final class TargetsCrawl {

    /** What a successful crawl changed, and the folders it read (remembered for CRAWL_NEW_FOLDERS_ONLY). */
    record Outcome(CrawlSummary summary, Set<String> foldersRead) {
    }

    private final InternalCalls internal;
    private final Scope scope;
    private final CrawlPlan plan;
    private final SeenFolders seen;
    private final CrawlLogs.Crawl log;
    private final Runnable checkpoint;
    private final Clock clock;
    private final ConnectionSecrets secrets;

    TargetsCrawl(InternalCalls internal, Scope scope, CrawlPlan plan, SeenFolders seen, CrawlLogs.Crawl log,
                 Runnable checkpoint, Clock clock, ConnectionSecrets secrets) {
        this.internal = internal;
        this.scope = scope;
        this.plan = plan;
        this.seen = seen;
        this.log = log;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.secrets = secrets;
    }

    Outcome run() {
        CrawlerTargets targets = plan.crawler().targets();
        if (targets.s3Targets().isEmpty() && targets.jdbcTargets().isEmpty()) {
            throw new CrawlFailure("Lab Cloud crawls S3 and JDBC targets only; this crawler has neither.");
        }
        requireDatabase();
        List<InferredTable> tables = new ArrayList<>();
        FolderRecordingObjects objects = new FolderRecordingObjects(
                new S3CrawlObjects(internal, scope, plan.crawler().role()),
                plan.newFoldersOnly() ? seen.folders() : Set.of());
        List<S3Target> s3Targets = targets.s3Targets().stream()
                .map(t -> new S3Target(t.path(), t.exclusions(), t.sampleSize())).toList();
        if (!s3Targets.isEmpty()) {
            if (plan.newFoldersOnly()) {
                log.info("Crawling only folders added since the last crawl (RecrawlBehavior CRAWL_NEW_FOLDERS_ONLY)");
            }
            tables.addAll(new TableInference(objects).infer(s3Targets, plan.configuration().grouping(), log::info));
        }
        tables.addAll(new JdbcCrawl(internal, scope, plan.crawler().role(), secrets, log)
                .tables(targets.jdbcTargets(), checkpoint));
        checkpoint.run();
        CatalogChanges changes = new CatalogChanges(internal, scope, plan, log, checkpoint);
        changes.write(tables);
        if (!plan.newFoldersOnly()) {
            // An incremental crawl reads only new folders, so it cannot tell what is gone.
            changes.handleVanishedTables(tables, location -> underS3Target(s3Targets, location)
                    || JdbcCrawl.covers(targets.jdbcTargets(), location), clock.instant());
        }
        return new Outcome(changes.summary(), objects.folders());
    }

    private static boolean underS3Target(List<S3Target> targets, String location) {
        return targets.stream().anyMatch(target -> location.startsWith(folder(target.path())));
    }

    private static String folder(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    /** Glue does not create the crawler's database: a crawl into a missing one fails. */
    private void requireDatabase() {
        String database = plan.crawler().databaseName();
        if (database == null || database.isBlank()) {
            throw new CrawlFailure("No database was given for the crawler's output (DatabaseName).");
        }
        try {
            internal.call("glue", scope, plan.crawler().role(), GetDatabaseRequest.builder().name(database).build());
        } catch (AwsServiceException e) {
            if ("EntityNotFoundException".equals(e.code())) {
                throw new CrawlFailure("Database " + database + " does not exist or principal is not authorized to "
                        + "create tables. (Database name: " + database + ")");
            }
            throw e;
        }
    }

    /** The objects a crawl lists, without those in folders it must skip; remembers each listed object's folder. */
    private static final class FolderRecordingObjects implements CrawlObjects {
        private final CrawlObjects objects;
        private final Set<String> skipped;
        private final Set<String> folders = new TreeSet<>();

        FolderRecordingObjects(CrawlObjects objects, Set<String> skipped) {
            this.objects = objects;
            this.skipped = skipped;
        }

        @Override
        public List<S3ObjectSummary> list(String bucket, String prefix) {
            List<S3ObjectSummary> listed = objects.list(bucket, prefix);
            listed.forEach(o -> folders.add(folderOf(o)));
            return listed.stream().filter(o -> !skipped.contains(folderOf(o))).toList();
        }

        @Override
        public byte[] read(S3ObjectSummary object, long offset, int length) {
            return objects.read(object, offset, length);
        }

        Set<String> folders() {
            return folders;
        }

        private static String folderOf(S3ObjectSummary object) {
            int slash = object.key().lastIndexOf('/');
            return "s3://" + object.bucket() + "/" + (slash < 0 ? "" : object.key().substring(0, slash + 1));
        }
    }
}
