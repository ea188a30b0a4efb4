package gluelab.labs.lab45;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The state machine's first task: given the order file ({@code bucket}, {@code key}), makes sure it is there
 * ({@code HeadObject}) and works out the Glue run that loads it: the job ({@code JOB_NAME}) and its arguments, with
 * the day taken from the file's name ({@code shop_orders_2026-03-01.csv}) as the output's partition
 * ({@code OUTPUT_PREFIX/day=2026-03-01/}). The state machine passes the answer to {@code glue:startJobRun.sync}.
 */
public class PrepareLoad implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Pattern DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final S3Client S3 = S3Client.create();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> file, Context context) {
        String bucket = String.valueOf(file.get("bucket"));
        String key = String.valueOf(file.get("key"));
        HeadObjectResponse head = S3.headObject(r -> r.bucket(bucket).key(key));
        Matcher day = DAY.matcher(key);
        if (!day.find()) {
            throw new IllegalArgumentException("s3://" + bucket + "/" + key + " has no date in its name");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("--input_bucket", bucket);
        arguments.put("--input_key", key);
        arguments.put("--output_path", System.getenv("OUTPUT_PREFIX") + "day=" + day.group(1) + "/");
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("JobName", System.getenv("JOB_NAME"));
        run.put("Arguments", arguments);
        run.put("day", day.group(1));
        run.put("sizeBytes", head.contentLength());
        System.out.println("Prepared " + run.get("JobName") + " for s3://" + bucket + "/" + key + " (" + head.contentLength()
                + " bytes, day " + day.group(1) + ")");
        return run;
    }
}
