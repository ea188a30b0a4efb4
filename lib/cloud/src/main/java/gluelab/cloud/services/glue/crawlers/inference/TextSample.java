package gluelab.cloud.services.glue.crawlers.inference;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The head of a text file a classifier reads: at most {@link #SAMPLE_BYTES} of it (Glue reads the first
 * megabytes of a file, never all of it), gunzipped when it is gzip.
 *
 * @param text the decoded sample
 * @param complete whether the sample is the whole file (else its last line may be cut)
 * @param compressionType {@code gzip} or {@code none}
 * @param storedBytesRead the bytes read from S3, to scale record counts to the object's size
 */
record TextSample(String text, boolean complete, String compressionType, long storedBytesRead) {

    static final int SAMPLE_BYTES = 1 << 20;

    static TextSample read(CrawlObjects objects, S3ObjectSummary object) throws IOException {
        byte[] head = objects.read(object, 0, (int) Math.min(object.size(), SAMPLE_BYTES));
        boolean whole = head.length >= object.size();
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean ended = false;
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(head))) {
                byte[] buffer = new byte[8192];
                for (int n; out.size() < SAMPLE_BYTES * 4 && (n = gzip.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
                ended = whole && gzip.read() < 0;
            } catch (EOFException truncated) {
                // The sample cut the gzip stream: what was inflated so far is the sample.
            }
            return new TextSample(out.toString(StandardCharsets.UTF_8), ended, "gzip", head.length);
        }
        return new TextSample(new String(head, StandardCharsets.UTF_8), whole, "none", head.length);
    }

    /** Scales a count of records in the sample to the whole object (an estimate, as Glue's is). */
    long estimateRecords(long recordsInSample, long objectSize) {
        if (complete || storedBytesRead == 0) {
            return recordsInSample;
        }
        return Math.round(recordsInSample * ((double) objectSize / storedBytesRead));
    }
}
