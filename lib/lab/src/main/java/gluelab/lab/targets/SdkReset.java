package gluelab.lab.targets;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Removes one lab's resources with ordinary API calls, where there is no Lab Cloud to ask (AWS, LocalStack):
 * buckets whose name starts with the prefix (all their objects and versions first), and Glue triggers, jobs,
 * crawlers, workflows and databases (with their tables). Anything already gone is fine, so it can be rerun;
 * anything that cannot be removed is reported and the rest still goes.
 */
public final class SdkReset {

    private final S3Client s3;
    private final GlueClient glue;
    private final PrintStream out;
    private final List<String> problems = new ArrayList<>();

    public SdkReset(S3Client s3, GlueClient glue, PrintStream out) {
        this.s3 = s3;
        this.glue = glue;
        this.out = out;
    }

    /** Removes what starts with {@code prefix}; the count per kind of resource. */
    public Map<String, Integer> reset(String prefix) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        // Triggers first: they would start jobs that are being removed.
        removed.put("triggers", removeAll("trigger", prefix,
                () -> names(consumer -> glue.getTriggersPaginator(r -> { }).triggers().forEach(t -> consumer.accept(t.name()))),
                name -> glue.deleteTrigger(r -> r.name(name))));
        removed.put("jobs", removeAll("job", prefix,
                () -> names(consumer -> glue.listJobsPaginator(r -> { }).jobNames().forEach(consumer)),
                name -> glue.deleteJob(r -> r.jobName(name))));
        removed.put("crawlers", removeAll("crawler", prefix,
                () -> names(consumer -> glue.listCrawlersPaginator(r -> { }).forEach(page -> page.crawlerNames().forEach(consumer))),
                this::deleteCrawler));
        removed.put("workflows", removeAll("workflow", prefix,
                () -> names(consumer -> glue.listWorkflowsPaginator(r -> { }).workflows().forEach(consumer)),
                name -> glue.deleteWorkflow(r -> r.name(name))));
        // Catalog names often use underscores (Spark SQL needs no quoting then): lab01_sales as well as lab01-sales.
        String underscored = prefix.replace('-', '_');
        removed.put("databases", removeAll("database", prefix,
                () -> names(consumer -> glue.getDatabasesPaginator(r -> { }).forEach(page -> page.databaseList().forEach(d -> consumer.accept(d.name())))),
                name -> glue.deleteDatabase(r -> r.name(name)), underscored));
        removed.put("buckets", removeAll("bucket", prefix,
                () -> s3.listBuckets().buckets().stream().map(Bucket::name).toList(), this::deleteBucket));
        for (String problem : problems) {
            out.println("  could not " + problem);
        }
        return removed;
    }

    private int removeAll(String kind, String prefix, Supplier<List<String>> list, Consumer<String> delete,
                          String... otherPrefixes) {
        List<String> names;
        try {
            names = list.get();
        } catch (SdkException e) {
            problems.add("list " + kind + "s: " + message(e));
            return 0;
        }
        int count = 0;
        for (String name : names) {
            if (!startsWithAny(name, prefix, otherPrefixes)) {
                continue;
            }
            try {
                delete.accept(name);
                count++;
            } catch (EntityNotFoundException | NoSuchBucketException e) {
                // Gone already: that is what was wanted.
            } catch (SdkException e) {
                problems.add("remove " + kind + " " + name + ": " + message(e));
            }
        }
        return count;
    }

    private static boolean startsWithAny(String name, String prefix, String... others) {
        if (name.startsWith(prefix)) {
            return true;
        }
        for (String other : others) {
            if (name.startsWith(other)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(Consumer<Consumer<String>> pages) {
        List<String> names = new ArrayList<>();
        pages.accept(names::add);
        return names;
    }

    private void deleteCrawler(String name) {
        try {
            glue.deleteCrawler(r -> r.name(name));
        } catch (CrawlerRunningException e) {
            glue.stopCrawler(r -> r.name(name));
            throw e;
        }
    }

    /** Empties the bucket (every version and delete marker, and unfinished uploads), then removes it. */
    private void deleteBucket(String bucket) {
        try {
            List<ObjectIdentifier> batch = new ArrayList<>();
            s3.listObjectVersionsPaginator(r -> r.bucket(bucket)).forEach(page -> {
                page.versions().forEach(v -> batch.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
                page.deleteMarkers().forEach(m -> batch.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
                flush(bucket, batch, false);
            });
            flush(bucket, batch, true);
        } catch (AwsServiceException e) {
            if (e instanceof NoSuchBucketException) {
                throw e;
            }
            // An endpoint without versioning support: plain listing does for an unversioned bucket.
            List<ObjectIdentifier> batch = new ArrayList<>();
            s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()
                    .forEach(o -> {
                        batch.add(ObjectIdentifier.builder().key(o.key()).build());
                        flush(bucket, batch, false);
                    });
            flush(bucket, batch, true);
        }
        try {
            s3.listMultipartUploadsPaginator(r -> r.bucket(bucket)).uploads()
                    .forEach(u -> s3.abortMultipartUpload(r -> r.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
        } catch (AwsServiceException e) {
            // Not every endpoint lists uploads; the bucket removal below says if one is left.
        }
        s3.deleteBucket(r -> r.bucket(bucket));
    }

    private void flush(String bucket, List<ObjectIdentifier> batch, boolean all) {
        while (batch.size() >= 1000 || (all && !batch.isEmpty())) {
            List<ObjectIdentifier> chunk = new ArrayList<>(batch.subList(0, Math.min(1000, batch.size())));
            s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(chunk).quiet(true)));
            batch.subList(0, chunk.size()).clear();
        }
    }

    private static String message(SdkException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
