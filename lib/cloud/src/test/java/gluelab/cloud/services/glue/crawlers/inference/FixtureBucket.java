package gluelab.cloud.services.glue.crawlers.inference;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory S3 for crawl tests: objects by bucket and key, and the largest read made of each. */
final class FixtureBucket implements CrawlObjects {

    private final Map<String, byte[]> objects = new TreeMap<>();
    final Map<String, Integer> largestRead = new HashMap<>();

    FixtureBucket put(String uri, String text) {
        return put(uri, text.getBytes(StandardCharsets.UTF_8));
    }

    FixtureBucket put(String uri, byte[] bytes) {
        objects.put(uri.substring("s3://".length()), bytes);
        return this;
    }

    @Override
    public List<S3ObjectSummary> list(String bucket, String prefix) {
        return objects.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(bucket + "/" + prefix))
                .map(entry -> new S3ObjectSummary(bucket, entry.getKey().substring(bucket.length() + 1),
                        entry.getValue().length, Instant.EPOCH))
                .toList();
    }

    @Override
    public byte[] read(S3ObjectSummary object, long offset, int length) {
        byte[] bytes = objects.get(object.bucket() + "/" + object.key());
        int from = (int) Math.min(offset, bytes.length);
        int to = (int) Math.min(bytes.length, offset + length);
        largestRead.merge(object.key(), to - from, Math::max);
        return Arrays.copyOfRange(bytes, from, to);
    }
}
