package gluelab.labs.lab31;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Lab 31: starts the load job for a data file only when its control file is there and vouches for it. The rule sends
 * S3's "Object Created" events (the EventBridge event, as a map) for {@code inbound/*.csv} and {@code inbound/*.ctl};
 * whichever of the pair arrives second completes it. A control file {@code <name>.ctl} holds {@code rows=} (the data
 * rows, header not counted) and {@code sha256=} (of the data file's bytes, hex).
 * <p>
 * Environment: {@code JOB_NAME}, the Glue job to start.
 */
public class ControlFileGate implements RequestHandler<Map<String, Object>, String> {

    // Made once per execution environment and reused by its invocations, as Lambda recommends.
    private final GlueClient glue = GlueClient.create();
    private final S3Client s3 = S3Client.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String bucket = (String) ((Map<String, Object>) detail.get("bucket")).get("name");
        String key = (String) ((Map<String, Object>) detail.get("object")).get("key");
        String name = key.substring(0, key.lastIndexOf('.'));
        String dataKey = name + ".csv";
        String controlKey = name + ".ctl";

        // BEGIN SOLUTION
        // Both halves of the pair must be there: say which one is missing, and start nothing
        if (!exists(bucket, controlKey)) {
            System.out.println("WAITING " + dataKey + " has no control file " + controlKey + " (yet): not started");
            return "WAITING";
        }
        if (!exists(bucket, dataKey)) {
            System.out.println("WAITING " + controlKey + " has no data file " + dataKey + " (yet): not started");
            return "WAITING";
        }
        // END SOLUTION
        Map<String, String> control = readControl(bucket, controlKey);
        String mismatch = mismatch(control, bucket, dataKey);
        if (mismatch != null) {
            System.out.println("ERROR " + dataKey + " does not match " + controlKey + ": " + mismatch + ": not started");
            return "MISMATCH";
        }
        String job = System.getenv("JOB_NAME");
        String runId = glue.startJobRun(r -> r.jobName(job).arguments(Map.of("--input_key", dataKey))).jobRunId();
        System.out.println("MATCHED " + dataKey + " (" + control.get("rows") + " rows, sha256 " + control.get("sha256")
                + "): started " + job + " run " + runId);
        return runId;
    }

    /**
     * Why the data file is not what its control file says, or null when it is: its data rows (lines after the
     * header) and the SHA-256 of its bytes against the control's {@code rows} and {@code sha256}.
     */
    String mismatch(Map<String, String> control, String bucket, String dataKey) {
        // BEGIN SOLUTION
        // Count the data rows and hash the bytes in one pass over the object, then compare with the control file
        long lines = 0;
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(s3.getObject(r -> r.bucket(bucket).key(dataKey)), sha256)) {
            byte[] buffer = new byte[8192];
            int last = '\n';
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                if (n > 0) {
                    last = buffer[n - 1];
                }
            }
            if (last != '\n') {
                lines++; // a last line without a line break
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long rows = Math.max(0, lines - 1);
        String hash = HexFormat.of().formatHex(sha256.digest());
        if (!String.valueOf(rows).equals(control.get("rows"))) {
            return "rows=" + rows + " but the control file says rows=" + control.get("rows");
        }
        if (!hash.equalsIgnoreCase(control.get("sha256"))) {
            return "sha256=" + hash + " but the control file says sha256=" + control.get("sha256");
        }
        return null;
        // END SOLUTION
    }

    /** The control file's {@code key=value} lines. */
    private Map<String, String> readControl(String bucket, String controlKey) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : s3.getObjectAsBytes(r -> r.bucket(bucket).key(controlKey)).asUtf8String().split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return values;
    }

    /** Whether the object exists: HeadObject answers 404 when it does not. */
    private boolean exists(String bucket, String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
